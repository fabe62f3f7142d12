import { useState } from 'react';
import { useManifest } from '../dataset/store.ts';
import { useT } from '../i18n/use-t.ts';
import { useLinkNotices } from '../state/store.ts';

/** What the page could not honour in the link it was opened with, said once. */
export function Notices() {
  const t = useT();
  const manifest = useManifest();
  const { ignored, sharedVersion, sharedWithImported } = useLinkNotices();
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  const items: string[] = [];
  if (ignored.length > 0) items.push(t('notice.ignored', { params: ignored.join(', ') }));
  if (sharedVersion && manifest && sharedVersion !== manifest.version) {
    items.push(t('notice.versionChanged', { then: sharedVersion, now: manifest.version }));
  }
  if (sharedWithImported) items.push(t('notice.imported'));
  if (items.length === 0) return null;
  return (
    <div className="notices" role="status" data-testid="notices">
      <ul>
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
      <button type="button" className="button button--small" onClick={() => setDismissed(true)}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}

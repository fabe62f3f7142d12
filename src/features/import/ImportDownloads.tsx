// The import view's download: the rows imported in this browser, with the
// same columns as every other view's download (and the tidy provenance CSV).
import { ExportToggle } from '../../components/ExportToggle.tsx';
import { observationsSpec } from '../../components/view-export.ts';
import { useImported } from '../../dataset/imported.ts';
import { useMeta } from '../../dataset/store.ts';
import { useLang, useT } from '../../i18n/use-t.ts';

export function ImportDownloads() {
  const meta = useMeta();
  const t = useT();
  const lang = useLang();
  const obs = useImported((s) => s.observations);
  if (!meta || obs.length === 0) return null;
  return (
    <div className="share-bar">
      <ExportToggle spec={() => observationsSpec({ fileStem: 'imported', title: t('import.title'), obs, meta, lang, t })} />
    </div>
  );
}

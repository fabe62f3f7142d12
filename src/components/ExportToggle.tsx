// The download / export button every view has, and its panel (a lazy chunk:
// a first visit does not pay for it). The spec is computed only when opened.
import { lazy, Suspense, useState } from 'react';
import type { ExportSpec } from './export/ExportPanel.tsx';
import { useT } from '../i18n/use-t.ts';

const ExportPanel = lazy(() => import('./export/ExportPanel.tsx'));

export function ExportToggle({ spec, label }: { spec: () => ExportSpec; label?: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen((v) => !v)} data-testid="export-open">
        {label ?? t('export.download')}
      </button>
      {open ? (
        <div className="share-bar__panel">
          <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
            <ExportPanel spec={spec()} />
          </Suspense>
        </div>
      ) : null}
    </>
  );
}

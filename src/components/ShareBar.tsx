// Copy the permalink, and show a ready citation of the view.
import { useState } from 'react';
import type { SourceMeta } from '../dataset/meta.ts';
import { useManifest } from '../dataset/store.ts';
import { useT, useLang } from '../i18n/use-t.ts';
import { permalink, useView, viewHasImported } from '../state/store.ts';
import { useImported } from '../dataset/imported.ts';
import { citation, today } from './citation.ts';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ShareBar(props: { what: string; sources: SourceMeta[]; children?: React.ReactNode }) {
  const t = useT();
  const lang = useLang();
  const manifest = useManifest();
  const state = useView();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [showCite, setShowCite] = useState(false);
  const [citeCopied, setCiteCopied] = useState(false);
  const imported = useImported((s) => s.observations);
  const url = permalink(state, manifest?.version ?? null, window.location.href, viewHasImported(state, imported));
  const cite = manifest
    ? citation({ lang, what: props.what, version: manifest.version, dataDate: manifest.dataDate, url, sources: props.sources, accessed: today() })
    : '';
  return (
    <div className="share-bar">
      <button
        type="button"
        className="button"
        onClick={async () => setStatus((await copyText(url)) ? 'copied' : 'failed')}
        data-testid="copy-link"
      >
        {status === 'copied' ? t('share.copied') : t('share.button')}
      </button>
      <button type="button" className="button" aria-expanded={showCite} onClick={() => setShowCite((v) => !v)}>
        {t('share.cite')}
      </button>
      {props.children}
      <span role="status" className="visually-hidden">
        {status === 'copied' ? t('share.copied') : ''}
      </span>
      {status === 'failed' ? (
        <label className="share-bar__manual">
          {t('share.failed')} <input readOnly value={url} onFocus={(e) => e.target.select()} />
        </label>
      ) : null}
      {showCite ? (
        <div className="citation">
          <p className="citation__text" data-testid="citation">
            {cite}
          </p>
          <button type="button" className="button button--small" onClick={async () => setCiteCopied(await copyText(cite))}>
            {citeCopied ? t('sources.copied') : t('sources.copy')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

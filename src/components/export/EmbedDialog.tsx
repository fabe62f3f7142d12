// The <iframe> snippet for the current view: fixed size, or a frame that
// grows to its content through a small listener on the host page.
import { useState } from 'react';
import { useManifest } from '../../dataset/store.ts';
import { useT } from '../../i18n/use-t.ts';
import { permalink, useView } from '../../state/store.ts';
import { escapeXml } from './compose-svg.ts';

export interface EmbedOptions {
  url: string;
  title: string;
  width: string;
  height: number;
  table: boolean;
  autoResize: boolean;
  id: string;
}

/** The embed URL: the permalink with embed=1 (and etable=1 for the table tab). */
export function embedUrl(link: string, table: boolean): string {
  const u = new URL(link);
  u.searchParams.set('embed', '1');
  if (table) u.searchParams.set('etable', '1');
  return u.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}

export function embedSnippet(o: EmbedOptions): string {
  const src = escapeXml(embedUrl(o.url, o.table));
  const frame = `<iframe id="${o.id}" src="${src}" width="${escapeXml(o.width)}" height="${o.height}" style="border:0;max-width:100%" title="${escapeXml(o.title)}" loading="lazy"></iframe>`;
  if (!o.autoResize) return frame;
  // The listener accepts messages only from this frame's window and origin.
  const script = [
    '<script>',
    '(function () {',
    `  var f = document.getElementById(${JSON.stringify(o.id)});`,
    '  var origin = new URL(f.src).origin;',
    "  window.addEventListener('message', function (e) {",
    "    if (e.origin !== origin || e.source !== f.contentWindow || !e.data || e.data.type !== 'bvd-embed-height') return;",
    "    var h = Math.round(Number(e.data.height));",
    "    if (h > 50 && h < 5000) f.style.height = h + 'px';",
    '  });',
    '})();',
    '</script>',
  ].join('\n');
  return `${frame}\n${script}`;
}

export function EmbedDialog({ title }: { title: string; lang: 'zh' | 'en' }) {
  const t = useT();
  const state = useView();
  const manifest = useManifest();
  const [width, setWidth] = useState('100%');
  const [height, setHeight] = useState(520);
  const [table, setTable] = useState(false);
  const [autoResize, setAutoResize] = useState(true);
  const [copied, setCopied] = useState(false);
  const url = permalink(state, manifest?.version ?? null);
  const snippet = embedSnippet({ url, title, width, height, table, autoResize, id: `bvd-embed-${manifest?.version.slice(0, 6) ?? 'x'}` });
  return (
    <div className="embed-dialog" role="group" aria-label={t('export.embed')}>
      <div className="embed-dialog__options">
        <label>
          {t('export.width')} <input value={width} onChange={(e) => setWidth(e.target.value.replace(/[^0-9%px]/g, '') || '100%')} size={6} />
        </label>
        <label>
          {t('export.height')} <input type="number" min={200} max={3000} value={height} onChange={(e) => setHeight(Number(e.target.value) || 520)} />
        </label>
        <label>
          <input type="checkbox" checked={table} onChange={(e) => setTable(e.target.checked)} /> {t('export.withTable')}
        </label>
        <label>
          <input type="radio" name="embed-mode" checked={autoResize} onChange={() => setAutoResize(true)} /> {t('export.autoResize')}
        </label>
        <label>
          <input type="radio" name="embed-mode" checked={!autoResize} onChange={() => setAutoResize(false)} /> {t('export.fixed')}
        </label>
      </div>
      <label className="embed-dialog__code">
        <span>{t('export.snippet')}</span>
        <textarea readOnly value={snippet} rows={autoResize ? 12 : 3} data-testid="embed-snippet" onFocus={(e) => e.target.select()} />
      </label>
      <button
        type="button"
        className="button button--small"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(snippet);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        {copied ? t('sources.copied') : t('sources.copy')}
      </button>{' '}
      <a href={embedUrl(url, table)} target="_blank" rel="noopener">
        {t('export.preview')}
      </a>
    </div>
  );
}

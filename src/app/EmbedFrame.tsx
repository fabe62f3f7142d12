// Embed mode: only the chart (and its table tab) filling the frame, the
// source line, and a link that opens the full dashboard at the same view.
// Reports its height to the host page so a resizing snippet can follow it.
import { useEffect } from 'react';
import { useT } from '../i18n/use-t.ts';
import { permalink, useView } from '../state/store.ts';
import { useManifest } from '../dataset/store.ts';

export function EmbedFrame({ children }: { children: React.ReactNode }) {
  const t = useT();
  const state = useView();
  const manifest = useManifest();
  useEffect(() => {
    if (window.parent === window) return;
    let last = 0;
    const post = () => {
      const h = Math.ceil(document.documentElement.scrollHeight);
      if (h === last) return;
      last = h;
      // Only a height leaves the frame, so any host may read it.
      window.parent.postMessage({ type: 'bvd-embed-height', height: h }, '*');
    };
    const ro = new ResizeObserver(post);
    ro.observe(document.body);
    post();
    return () => ro.disconnect();
  }, []);
  const full = permalink({ ...state, embed: false, embedTable: false }, manifest?.version ?? null);
  return (
    <div className="embed">
      <main id="main">{children}</main>
      <p className="embed__open">
        <a href={full} target="_blank" rel="noopener" data-testid="embed-open-full">
          {t('embed.open')} ↗
        </a>{' '}
        <span className="muted">· {t('app.short')}</span>
      </p>
    </div>
  );
}

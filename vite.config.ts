import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { injectBoot } from './scripts/lib/boot-html.ts';

/**
 * The Content-Security-Policy the app runs under: no inline script, no eval,
 * connections to its own origin only. Sent as a <meta> tag so it holds on any
 * static host; a host may also send it as a header (and add frame-ancestors,
 * which a meta tag cannot carry). Built pages only: the dev server injects
 * inline scripts for hot reload.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function cspMeta(): Plugin {
  return {
    name: 'bvd-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

/** The default view's data inlined into index.html (see scripts/lib/boot-html.ts). */
function bootData(): Plugin {
  return {
    name: 'bvd-boot-data',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => injectBoot(html, resolve(import.meta.dirname, 'public/data')) },
  };
}

export default defineConfig({
  // Relative asset paths: the built dist/ works from any sub-path of a static host.
  base: './',
  plugins: [react(), cspMeta(), bootData()],
  // ECharts core alone is over 500 kB minified; tests/scripts/budget.test.ts holds the real budget.
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 900 },
});

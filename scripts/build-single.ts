// npm run build:single: dist-single/index.html, one self-contained file
// (scripts, styles and data inlined) that opens from disk with no server and
// no network, for sending the dashboard to someone offline.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { injectBoot } from './lib/boot-html.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, 'dist-single.tmp');
const out = join(root, 'dist-single');
const dataDir = join(root, 'public/data');
if (!existsSync(join(dataDir, 'manifest.json'))) {
  console.error('public/data is not built: run `npm run data` first.');
  process.exit(1);
}

await build({
  root,
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: tmp,
    emptyOutDir: true,
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    cssCodeSplit: false,
    modulePreload: false,
    rolldownOptions: { output: { codeSplitting: false } },
  },
});

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));

// Every data file the app may fetch, by its path relative to data/.
const data: Record<string, string> = {};
for (const f of walk(dataDir)) data[relative(dataDir, f).split('\\').join('/')] = readFileSync(f, 'utf8');

// In a <script> element, "</script" and "<!--" must not appear: escape "<".
const jsonBlock = JSON.stringify(data).replace(/</g, '\\u003c');
// The single file inlines its script, so the site's no-inline-script policy cannot apply to it.
let html = readFileSync(join(tmp, 'index.html'), 'utf8').replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
// Every data file is inlined below: the site's boot block and preloads would only repeat some.
html = injectBoot(html, null);
html = html.replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/g, (_m, src: string) => {
  const code = readFileSync(join(tmp, src), 'utf8').replace(/<\/(script)/gi, '<\\/$1');
  return `<script type="module">${code}</script>`;
});
html = html.replace(/<link rel="stylesheet" crossorigin href="([^"]+)">/g, (_m, href: string) => `<style>${readFileSync(join(tmp, href), 'utf8')}</style>`);
const favicon = readFileSync(join(root, 'public/favicon.svg'), 'utf8');
html = html.replace(/<link rel="icon" href="favicon.svg" type="image\/svg\+xml" \/>/, `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(favicon)}" />`);
html = html.replace('<div id="root"></div>', `<script type="application/json" id="bvd-data">${jsonBlock}</script>\n    <div id="root"></div>`);
if (/<script[^>]+src=|<link[^>]+href="(?!data:)/.test(html)) {
  console.error('build:single: an external script or stylesheet is left in the page');
  process.exit(1);
}
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'index.html'), html);
rmSync(tmp, { recursive: true, force: true });
console.log(`dist-single/index.html: ${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB, ${Object.keys(data).length} data files inlined`);

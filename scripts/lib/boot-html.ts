// The default view's data in index.html: the manifest, the metadata and the
// default indicator's rows as a non-executable JSON block (the CSP allows no
// inline script, and needs no exception for data), so the first chart needs
// no request after the scripts. Files that would make the page heavier than
// the budget are preloaded instead. Used by the Vite build, and by anything
// that puts another dataset beside a built page (benchmarks, test sites).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Manifest } from '../../src/domain/obs-file.ts';
import { DEFAULT_INDICATOR } from '../../src/state/view-state.ts';

/** Most the inlined files may add to index.html, gzip. */
export const BOOT_BUDGET_GZIP = 48 * 1024;

const BLOCK = /\n?\s*<script type="application\/json" id="bvd-boot">[\s\S]*?<\/script>/;
const PRELOADS = /\n?\s*<link rel="preload" as="fetch" crossorigin href="data\/[^"]*" data-bvd-boot>/g;

export interface BootPlan {
  /** Paths (under data/) inlined, in order. */
  inlined: string[];
  /** Paths preloaded instead. */
  preloaded: string[];
  /** The block's gzip size. */
  gzip: number;
}

/** The files the default view loads first: the manifest, the metadata, the default indicator (its latest slice if it has slices). */
function wanted(manifest: Manifest): string[] {
  const ind = manifest.files.slices?.[DEFAULT_INDICATOR]?.latest ?? manifest.files.indicators[DEFAULT_INDICATOR];
  return ['manifest.json', manifest.files.meta, ...(ind ? [ind] : [])];
}

export function planBoot(dataDir: string): { plan: BootPlan; block: string } | null {
  const manifestPath = join(dataDir, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const files: Record<string, unknown> = {};
  const plan: BootPlan = { inlined: [], preloaded: [], gzip: 0 };
  let block = '';
  for (const path of wanted(manifest)) {
    const trial = { ...files, [path]: JSON.parse(readFileSync(join(dataDir, path), 'utf8')) as unknown };
    // In a <script> element "</script" and "<!--" must not appear: escape every "<".
    const json = JSON.stringify({ format: 1, files: trial }).replace(/</g, '\\u003c');
    const gzip = gzipSync(json, { level: 9 }).length;
    // The manifest is asked for afresh each time, so a preload would not serve it: inline or nothing.
    if (gzip > BOOT_BUDGET_GZIP) {
      if (path !== 'manifest.json') plan.preloaded.push(path);
      continue;
    }
    files[path] = trial[path];
    plan.inlined.push(path);
    plan.gzip = gzip;
    block = json;
  }
  return { plan, block };
}

/** index.html with the default view's data of `dataDir` (replacing any the page held; none for null). */
export function injectBoot(html: string, dataDir: string | null): string {
  const stripped = html.replace(BLOCK, '').replace(PRELOADS, '');
  const planned = dataDir === null ? null : planBoot(dataDir);
  if (!planned) return stripped;
  const { plan, block } = planned;
  const links = plan.preloaded.map((p) => `\n    <link rel="preload" as="fetch" crossorigin href="data/${p}" data-bvd-boot>`).join('');
  const script = block ? `\n    <script type="application/json" id="bvd-boot">${block}</script>` : '';
  return stripped.replace(/\s*<\/head>/, `${links}${script}\n  </head>`);
}

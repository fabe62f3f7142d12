// Byte budgets of the built app (bytes do not wobble, so these are tests),
// and the rules that keep the first visit small: ECharts only through
// echarts/core with the pieces used, and lazy chunks for export, import and
// the source viewer.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/dataset.ts';

const DIST = join(ROOT, 'dist');
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const gz = (path: string) => gzipSync(readFileSync(join(DIST, path)), { level: 9 }).length;

/** The files a first visit loads before any lazy chunk: the entry script, its preloads, the styles. */
const initialJs = [...html.matchAll(/<script type="module" crossorigin src="\.\/([^"]+)"|<link rel="modulepreload" crossorigin href="\.\/([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
const initialCss = [...html.matchAll(/<link rel="stylesheet" crossorigin href="\.\/([^"]+)"/g)].map((m) => m[1]!);

// Measured 2026-11-25: JS 287 KB, CSS 4.3 KB (gzip -9). ECharts core with bar, line, grid,
// tooltip, markLine and the SVG renderer is about 187 KB of it, React about 67 KB.
const BUDGET_JS_GZIP = 300 * 1024;
const BUDGET_CSS_GZIP = 8 * 1024;

describe('initial download budget', () => {
  it('initial JS and CSS (gzip) stay within budget', () => {
    expect(initialJs.length).toBeGreaterThan(0);
    const js = initialJs.reduce((n, f) => n + gz(f), 0);
    const css = initialCss.reduce((n, f) => n + gz(f), 0);
    expect(js, `initial JS is ${(js / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(BUDGET_JS_GZIP);
    expect(css, `initial CSS is ${(css / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(BUDGET_CSS_GZIP);
  });

  it('export, import, extraction and the source viewer are lazy chunks, not in the first download', () => {
    const initial = initialJs.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    const chunks = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
    for (const lazy of ['ExportPanel', 'ImportPage', 'ReportExtraction', 'SourcesPage', 'TablePage', 'import.worker']) {
      expect(chunks.some((c) => c.startsWith(lazy)), `${lazy} has its own chunk`).toBe(true);
      expect(initialJs.some((f) => f.includes(lazy)), `${lazy} is not preloaded`).toBe(false);
    }
    // Code that only those chunks hold is absent from the first download.
    for (const marker of ['iTXt', 'bvd-embed-', 'quote-mark', 'extract-add', 'import-summary']) {
      expect(initial.includes(marker), `"${marker}" leaked into the initial bundle`).toBe(marker === 'bvd-embed-');
    }
  });
});

describe('ECharts is tree-shaken', () => {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(f) && !f.endsWith('.test.ts')) files.push(p);
    }
  };
  walk(join(ROOT, 'src'));

  it('only src/lib/echarts.ts imports ECharts, and only from echarts/core and the parts we draw with', () => {
    const importers = files.filter((f) => /from 'echarts(?:\/[^']*)?'/.test(readFileSync(f, 'utf8')));
    expect(importers.map((f) => relative(ROOT, f))).toEqual(['src/lib/echarts.ts']);
    const lib = readFileSync(join(ROOT, 'src/lib/echarts.ts'), 'utf8');
    const sources = [...new Set([...lib.matchAll(/from '(echarts[^']*)'/g)].map((m) => m[1]))].sort();
    expect(sources).toEqual(['echarts/charts', 'echarts/components', 'echarts/core', 'echarts/renderers']);
    expect(lib).toMatch(/import \{ BarChart, LineChart \} from 'echarts\/charts'/);
    expect(lib).toMatch(/import \{ SVGRenderer \} from 'echarts\/renderers'/);
  });

  it('echarts-for-react is used through its core entry, which does not import all of ECharts', () => {
    const users = files.filter((f) => readFileSync(f, 'utf8').includes("from 'echarts-for-react"));
    for (const f of users) expect(readFileSync(f, 'utf8')).toContain("from 'echarts-for-react/esm/core'");
    expect(users.length).toBe(1);
  });
});

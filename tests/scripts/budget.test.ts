// Byte budgets of the built app (bytes do not wobble, so these are tests),
// and the rules that keep the first visit small: ECharts only through
// echarts/core with the pieces the first chart uses (line charts and the
// tooltip in a chunk of their own), the default view's data inside
// index.html, and lazy chunks for every view but compare, export, import and
// the source viewer.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BOOT_BUDGET_GZIP } from '../../scripts/lib/boot-html.ts';
import { DEFAULT_INDICATOR } from '../../src/state/view-state.ts';
import { ROOT } from '../helpers/dataset.ts';

const DIST = join(ROOT, 'dist');
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const gz = (path: string) => gzipSync(readFileSync(join(DIST, path)), { level: 9 }).length;

/** The files a first visit loads before any lazy chunk: the entry script, its preloads, the styles. */
const initialJs = [...html.matchAll(/<script type="module" crossorigin src="\.\/([^"]+)"|<link rel="modulepreload" crossorigin href="\.\/([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
const initialCss = [...html.matchAll(/<link rel="stylesheet" crossorigin href="\.\/([^"]+)"/g)].map((m) => m[1]!);

// Measured 2026-12-02 (gzip -9): JS 275.5 KiB, CSS 4.9 KiB, index.html about 13 KiB with the
// default view's data. Of the JS, ECharts core with bar, grid, markLine and the SVG renderer is
// about 170 KiB (the ECharts-only benchmark page: 160), React and react-dom about 67 KiB, the app
// about 38 KiB with the legend, year player and downloads of issue 13. The interface text ships in
// Chinese only (src/i18n/messages.ts); English (messages-en.ts) and the review workbench's text
// are lazy chunks. Was 287 KiB JS and three data requests before the first chart.
const BUDGET_JS_GZIP = 276 * 1024;
const BUDGET_CSS_GZIP = 8 * 1024;
const BUDGET_HTML_GZIP = 16 * 1024;

describe('initial download budget', () => {
  it('initial JS and CSS (gzip) stay within budget', () => {
    expect(initialJs.length).toBeGreaterThan(0);
    const js = initialJs.reduce((n, f) => n + gz(f), 0);
    const css = initialCss.reduce((n, f) => n + gz(f), 0);
    expect(js, `initial JS is ${(js / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(BUDGET_JS_GZIP);
    expect(css, `initial CSS is ${(css / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(BUDGET_CSS_GZIP);
    const page = gz('index.html');
    expect(page, `index.html is ${(page / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(BUDGET_HTML_GZIP);
  });

  it('index.html holds what the default view draws from, so its first chart needs no data request', () => {
    const block = /<script type="application\/json" id="bvd-boot">([\s\S]*?)<\/script>/.exec(html);
    expect(block, 'the boot block').not.toBeNull();
    const files = (JSON.parse(block![1]!) as { files: Record<string, unknown> }).files;
    const manifest = JSON.parse(readFileSync(join(DIST, 'data/manifest.json'), 'utf8')) as { files: { meta: string; indicators: Record<string, string> } };
    expect(Object.keys(files)).toEqual(['manifest.json', manifest.files.meta, manifest.files.indicators[DEFAULT_INDICATOR]]);
    // The very files the server has, parsed.
    for (const [path, value] of Object.entries(files)) expect(value, path).toEqual(JSON.parse(readFileSync(join(DIST, 'data', path), 'utf8')));
    expect(gzipSync(block![1]!, { level: 9 }).length).toBeLessThanOrEqual(BOOT_BUDGET_GZIP);
  });

  it('export, import, extraction and the source viewer are lazy chunks, not in the first download', () => {
    const initial = initialJs.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    const chunks = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
    for (const lazy of ['ExportPanel', 'ImportPage', 'ReportExtraction', 'SourcesPage', 'TablePage', 'DistrictPage', 'MapPage', 'CoveragePage', 'MethodologyPage', 'echarts-extras', 'import.worker']) {
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

  it('only src/lib imports ECharts, from echarts/core and the parts we draw with; line charts and the tooltip come later', () => {
    const importers = files.filter((f) => /from 'echarts(?:\/[^']*)?'/.test(readFileSync(f, 'utf8')));
    expect(importers.map((f) => relative(ROOT, f)).sort()).toEqual(['src/lib/echarts-extras.ts', 'src/lib/echarts.ts']);
    const lib = readFileSync(join(ROOT, 'src/lib/echarts.ts'), 'utf8');
    const sources = [...new Set([...lib.matchAll(/from '(echarts[^']*)'/g)].map((m) => m[1]))].sort();
    expect(sources).toEqual(['echarts/charts', 'echarts/components', 'echarts/core', 'echarts/renderers']);
    expect(lib).toMatch(/import \{ BarChart \} from 'echarts\/charts'/);
    expect(lib).toMatch(/import \{ GridComponent, MarkLineComponent \} from 'echarts\/components'/);
    expect(lib).toMatch(/import \{ SVGRenderer \} from 'echarts\/renderers'/);
    expect(lib).toMatch(/import\('\.\/echarts-extras\.ts'\)/);
    const extras = readFileSync(join(ROOT, 'src/lib/echarts-extras.ts'), 'utf8');
    expect(extras).toMatch(/import \{ LineChart \} from 'echarts\/charts'/);
    expect(extras).toMatch(/import \{ TooltipComponent \} from 'echarts\/components'/);
    // Nothing else imports the extras statically: they stay out of the first download.
    expect(files.filter((f) => /from '[^']*echarts-extras/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('echarts-for-react is used through its core entry, which does not import all of ECharts', () => {
    const users = files.filter((f) => readFileSync(f, 'utf8').includes("from 'echarts-for-react"));
    for (const f of users) expect(readFileSync(f, 'utf8')).toContain("from 'echarts-for-react/esm/core'");
    expect(users.length).toBe(1);
  });
});

// How the first chart arrives: the default view's data comes inside
// index.html (no request before the chart), a link to another indicator
// fetches only that indicator, a page whose inlined data is older than the
// server's starts over from the server's files, and a large indicator's chart
// fetches only the slices it draws.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { injectBoot } from '../../scripts/lib/boot-html.ts';
import { chromiumSuite, settled, waitForApp, type Watched } from '../helpers/browser.ts';
import { ROOT } from '../helpers/dataset.ts';
import { serveDir, type StaticServer } from '../helpers/static-server.ts';

const base = inject('baseUrl');
const suite = chromiumSuite();
let w: Watched;

/** Paths under data/ the page requested, and when (page clock), once the first chart is drawn. */
async function dataRequests(page: Page): Promise<{ chartAt: number; data: [string, number][] }> {
  await page.waitForSelector('[data-testid=compare-chart] svg path', { state: 'attached' });
  return (await page.evaluate(`(() => ({
    chartAt: performance.getEntriesByName('bvd:chart')[0]?.startTime ?? null,
    data: performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, e.startTime]).filter(([p]) => p.includes('/data/')),
  }))()`)) as { chartAt: number; data: [string, number][] };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'dist/data/manifest.json'), 'utf8')) as { version: string; files: { meta: string; indicators: Record<string, string> } };

describe('the first chart', () => {
  it('the default view is drawn from the data inside the page: no data request before it', async () => {
    w = await suite.open(base);
    await w.page.goto(base);
    const { chartAt, data } = await dataRequests(w.page);
    expect(chartAt).toBeGreaterThan(0);
    expect(data.filter(([, t]) => t <= chartAt)).toEqual([]);
    // Once the page has loaded it asks the server whether its data is still the current one, and nothing else.
    const later = await settled(
      async () => (await dataRequests(w.page)).data.map(([p]) => p),
      (ps) => ps.length > 0,
    );
    expect(later).toEqual(['/data/manifest.json']);
    await expect(w.page.locator('.site-footer').textContent()).resolves.toContain(manifest.version);
  });

  it('a link to another indicator fetches that indicator alone', async () => {
    w = await suite.open(base);
    await w.page.goto(`${base}?ind=further_study_rate`);
    await waitForApp(w.page);
    const { data } = await dataRequests(w.page);
    const indicatorFiles = data.map(([p]) => p).filter((p) => p.includes('/obs/'));
    expect(indicatorFiles).toEqual([`/data/${manifest.files.indicators.further_study_rate}`]);
    await expect(w.page.locator('h2#compare-title').textContent()).resolves.toContain('升学率');
  });

  it('a line chart, which the first download leaves out, is drawn when asked for', async () => {
    w = await suite.open(base);
    await w.page.goto(`${base}?ind=intake&chart=line`);
    await w.page.waitForSelector('[data-testid=compare-chart] svg path', { state: 'attached' });
    await expect(w.page.locator('[data-testid=chart-summary]').textContent()).resolves.toMatch(/\d{4}–\d{4} 年/);
  });
});

describe('a page older than its data', () => {
  let dir: string;
  let site: StaticServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bvd-stale-'));
    cpSync(join(ROOT, 'dist'), dir, { recursive: true });
    // The page says it holds another version of the data than the server has.
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain(`"version":"${manifest.version}"`);
    writeFileSync(join(dir, 'index.html'), html.replace(`"version":"${manifest.version}"`, '"version":"000000000000"'));
    site = await serveDir(dir);
  });
  afterAll(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts over from the server’s files', async () => {
    w = await suite.open(site.url);
    await w.page.goto(site.url);
    await waitForApp(w.page);
    const footer = await settled(
      async () => (await w.page.locator('.site-footer').textContent()) ?? '',
      (t) => t.includes(manifest.version),
    );
    expect(footer).toContain(manifest.version);
    await w.page.waitForSelector('[data-testid=compare-chart] svg path', { state: 'attached' });
    expect(site.requests).toContain(`/data/${manifest.files.meta}`);
  });
});

describe('a large indicator, in slices', () => {
  let dir: string;
  let site: StaticServer;
  let sliced: { files: { indicators: Record<string, string>; slices: Record<string, { latest: string; years: Record<string, string> }> } };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bvd-sliced-'));
    const dist = join(dir, 'dist');
    // The curated data with every indicator sliced, as a national-scale build slices its large ones.
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/build-data.ts'), '--out', join(dist, 'data'), '--slice-min-rows', '1'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['favicon.svg', 'assets']) cpSync(join(ROOT, 'dist', f), join(dist, f), { recursive: true });
    writeFileSync(join(dist, 'index.html'), injectBoot(readFileSync(join(ROOT, 'dist/index.html'), 'utf8'), join(dist, 'data')));
    sliced = JSON.parse(readFileSync(join(dist, 'data/manifest.json'), 'utf8'));
    site = await serveDir(dist);
  });
  afterAll(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The chart's words and drawn text on a site, for a query. */
  async function chartOn(url: string, search: string) {
    w = await suite.open(url);
    await w.page.goto(url + search);
    await waitForApp(w.page);
    await w.page.waitForSelector('[data-testid=compare-chart] svg path', { state: 'attached' });
    const text = {
      title: await w.page.locator('h2#compare-title').textContent(),
      summary: await w.page.locator('[data-testid=chart-summary]').textContent(),
      svg: await w.page.locator('[data-testid=compare-chart] svg').textContent(),
      notes: await w.page.locator('.chart-notes').textContent(),
    };
    const { data } = await dataRequests(w.page);
    return { text, requested: data.map(([p]) => p.replace('/data/', '')) };
  }

  it('draws what the whole file draws, fetching only the slices its chart needs', async () => {
    const ind = 'intake';
    const s = sliced.files.slices[ind]!;
    const year = Object.keys(s.years).sort().at(-1)!;
    for (const [search, wanted] of [
      [`?ind=${ind}`, [s.latest]],
      [`?ind=${ind}&year=${year}`, [s.latest, s.years[year]!]],
      [`?ind=${ind}&chart=line`, Object.values(s.years)],
    ] as [string, string[]][]) {
      const whole = await chartOn(base, search);
      const fromSlices = await chartOn(site.url, search);
      expect(fromSlices.text, search).toEqual(whole.text);
      const obs = fromSlices.requested.filter((p) => p.startsWith('obs/'));
      expect(obs.sort(), search).toEqual([...wanted].sort());
      expect(obs).not.toContain(sliced.files.indicators[ind]);
    }
  });

  it('the default view draws from its latest slice inside the page', async () => {
    const r = await chartOn(site.url, '');
    expect(r.requested.filter((p) => p.startsWith('obs/'))).toEqual([]);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toContain(sliced.files.slices.dual_teacher_share!.latest);
  });
});

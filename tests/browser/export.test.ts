// Taking a view away: images for slides, data files, share links, embeds on
// another origin, presentation and print, and the single file for offline use.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { pngTexts } from '../../src/components/export/png.ts';
import { chromiumSuite, openPage, waitForApp, type Watched, countOf, settled } from '../helpers/browser.ts';
import { ROOT } from '../helpers/dataset.ts';
import { serveDir, type StaticServer } from '../helpers/static-server.ts';

const base = inject('baseUrl');
const suite = chromiumSuite();
let w: Watched;

async function openExport(search: string): Promise<Page> {
  w = await suite.open(base, { acceptDownloads: true });
  await w.page.goto(base + search);
  await waitForApp(w.page);
  await w.page.waitForSelector('[data-testid=compare-chart] svg');
  await w.page.click('[data-testid=export-open]');
  await w.page.waitForSelector('[data-testid=export-panel]');
  return w.page;
}

async function downloadBytes(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testId}]`)]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path!) };
}

function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** Share of pixels that are not near-white, measured by the browser's own PNG decoder. */
async function inkShare(page: Page, bytes: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = 400;
    c.height = Math.round((400 * img.height) / img.width);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0, c.width, c.height);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 235 || d[i + 1]! < 235 || d[i + 2]! < 235) ink++;
    return ink / (d.length / 4);
  }, bytes.toString('base64'));
}

describe('image export', () => {
  it('PNG at 2× for each preset, not blank, with the description inside', async () => {
    const page = await openExport('?ind=further_study_rate');
    const screenWidth = await page.locator('[data-testid=compare-chart] .chart-frame__chart').evaluate((e) => e.clientWidth);
    for (const [id, wpx, hpx] of [
      ['slide169', 3840, 2160],
      ['slide43', 2880, 2160],
      ['screen', screenWidth * 2, null],
    ] as const) {
      const { name, bytes } = await downloadBytes(page, `png-${id}`);
      expect(name).toBe(`further_study_rate-total-latest-${id}.png`);
      const [pw, ph] = pngSize(bytes);
      expect(pw).toBe(wpx);
      if (hpx) expect(ph).toBe(hpx);
      const ink = await inkShare(page, bytes);
      expect(ink).toBeGreaterThan(0.03);
      expect(pngTexts(new Uint8Array(bytes)).Description).toMatch(/^升学率（升入高等教育比例）（按报告总数）：4 个区有数据/);
    }
  });

  it('SVG with title, Chinese text, source line, flag notes and footer; valid XML, no script', async () => {
    const page = await openExport('?ind=further_study_rate');
    const { bytes } = await downloadBytes(page, 'svg-slide169');
    const svg = bytes.toString('utf8');
    // Changping also splits the rate into bachelor and higher-vocational entrants, so the title names the basis drawn.
    expect(svg).toContain('<title id="export-title">升学率（升入高等教育比例）（按报告总数）</title>');
    expect(svg).toContain('来源：《北京市昌平区中等职业教育质量年度报告（2023）》');
    expect(svg).toContain('昌平区');
    expect(svg).toContain('小样本'); // Huairou's rate over 2 graduates is flagged and noted
    expect(svg).toContain('北京市各区中等职业教育数据看板');
    expect(svg).toMatch(/http:\/\/127\.0\.0\.1:\d+\/\?ind=further_study_rate/);
    expect(svg).not.toMatch(/<script|onload=|javascript:/i);
    // No web font: only system font families.
    expect(svg).not.toMatch(/@font-face|url\((?!#)/); // only in-document pattern references
    const parsed = await page.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, w: doc.documentElement.getAttribute('width') };
    }, svg);
    expect(parsed).toEqual({ error: null, w: '1920' });
  });
});

describe('data export', () => {
  it('CSV of the rows on screen: BOM, header, provenance columns', async () => {
    const page = await openExport('?ind=intake&year=2020');
    const { name, bytes } = await downloadBytes(page, 'export-csv');
    expect(name).toBe('intake-total-2020.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('id,district,district_zh,district_en,year,period,indicator,indicator_zh,indicator_en,value,unit,basis,scope,source,source_title,locator,quote,flags,formula,inputs,note_zh,note_en');
    const bars = await page.locator('[data-testid=compare-chart] .data-table tbody tr').count();
    expect(lines.length - 1).toBe(bars);
    expect(lines.some((l) => l.includes(',xicheng,') && l.includes(',441,') && l.includes('职业学校招生人数 441 人'))).toBe(true);
  });

  it('JSON with the same rows, the link and the dataset version', async () => {
    const page = await openExport('?ind=intake&year=2020');
    const { bytes } = await downloadBytes(page, 'export-json');
    const data = JSON.parse(bytes.toString('utf8'));
    const version = await page.evaluate(async () => (await (await fetch('data/manifest.json')).json()).version);
    expect(data.dataVersion).toBe(version);
    expect(data.link).toContain('ind=intake');
    expect(data.observations.map((o: { district: string }) => o.district).sort()).toEqual(['changping', 'chaoyang', 'xicheng']);
    expect(data.observations[0]).toHaveProperty('quote');
  });
});

describe('share links', () => {
  it('the copied link reopens the same view, language included, in a fresh browser', async () => {
    w = await suite.open(base);
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
    const { page } = w;
    await page.goto(base + '?ind=starting_salary&chart=line&d=changping,chaoyang&lang=en');
    await waitForApp(page);
    await page.click('[data-testid=copy-link]');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/[?&]v=[0-9a-f]{12}/);
    expect(link).toContain('lang=en');
    const fresh = await openPage(suite.browser, base); // a second browser profile, closed below
    try {
      await fresh.page.goto(link);
      await waitForApp(fresh.page);
      await expect(fresh.page.locator('h2#compare-title').textContent()).resolves.toBe('Starting salary');
      await expect(fresh.page.locator('.picker--districts .picker__summary').textContent()).resolves.toBe('2 districts selected');
      expect(await countOf(fresh.page.locator('.segmented label.is-active', { hasText: 'Over time' }), 1)).toBe(1);
      expect(await countOf(fresh.page.locator('[data-testid=notices]'), 0)).toBe(0);
      expect(fresh.errors).toEqual([]);
    } finally {
      await fresh.context.close();
    }
  });

  it('a link from an older dataset still opens, with a notice', async () => {
    w = await suite.open(base);
    await w.page.goto(base + '?ind=intake&v=000000000000');
    await waitForApp(w.page);
    await expect(w.page.locator('[data-testid=notices]').textContent()).resolves.toContain('000000000000');
    await w.page.waitForSelector('[data-testid=compare-chart] svg');
  });
});

describe('embed', () => {
  let host: StaticServer;
  afterAll(async () => host?.close());

  it('the snippet renders inside an iframe on another origin and resizes the frame to its content', async () => {
    const page = await openExport('?ind=intake&year=2020');
    await page.click('[data-testid=embed-open]');
    const snippet = await page.locator('[data-testid=embed-snippet]').inputValue();
    expect(snippet).toContain('embed=1');
    expect(snippet).toContain('<script>');
    // A host page on a second port: another origin than the dashboard.
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'bvd-host-'));
    writeFileSync(join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>host</title><h1>Host page</h1>${snippet.replace('height="520"', 'height="150"')}`);
    host = await serveDir(dir);
    expect(new URL(host.url).origin).not.toBe(new URL(base).origin);
    const guest = await openPage(suite.browser, host.url); // the host page, closed below
    try {
      // The embed must render with storage blocked (third-party frames often have none).
      await guest.context.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', { get() { throw new Error('storage blocked'); } });
      });
      await guest.page.goto(host.url);
      const frame = guest.page.frameLocator('iframe');
      await frame.locator('[data-testid=compare-chart] svg').waitFor();
      await expect(frame.locator('h2#compare-title').textContent()).resolves.toContain('招生人数');
      expect(await countOf(frame.locator('.site-nav'), 0)).toBe(0);
      const full = await frame.locator('[data-testid=embed-open-full]').getAttribute('href');
      expect(full).toContain('ind=intake');
      expect(full).not.toContain('embed=1');
      await guest.page.waitForFunction(() => (document.querySelector('iframe') as HTMLIFrameElement).getBoundingClientRect().height > 300);
      expect(guest.errors).toEqual([]);
      // Only the host and the dashboard origins are contacted.
      expect(guest.foreignRequests.every((u) => u.startsWith(base))).toBe(true);
    } finally {
      await guest.context.close();
    }
  });

  it('embed mode with the table tab', async () => {
    w = await suite.open(base);
    await w.page.goto(base + '?ind=intake&embed=1&etable=1');
    await waitForApp(w.page);
    await w.page.getByRole('tab', { name: '表格' }).click();
    expect(await settled(() => w.page.locator('.data-table tbody tr').count(), (n) => n > 2)).toBeGreaterThan(2);
  });
});

describe('presentation and print', () => {
  it('presentation mode enlarges the view and hides the controls; Escape leaves it', async () => {
    const page = await openExport('?ind=intake');
    await page.click('[data-testid=present]');
    await page.waitForFunction(() => document.body.classList.contains('presenting'));
    expect(new URL(page.url()).searchParams.get('present')).toBe('1');
    await expect(page.locator('.controls').isVisible()).resolves.toBe(false);
    const size = await page.locator('h2#compare-title').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThan(30);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.body.classList.contains('presenting'));
  });

  it('prints the chart with its source line on one page', async () => {
    w = await suite.open(base);
    await w.page.goto(base + '?ind=intake');
    await waitForApp(w.page);
    await w.page.waitForSelector('[data-testid=compare-chart] svg');
    await w.page.emulateMedia({ media: 'print' });
    await expect(w.page.locator('[data-testid=source-line]').isVisible()).resolves.toBe(true);
    await expect(w.page.locator('.controls').isVisible()).resolves.toBe(false);
    const pdf = await w.page.pdf({ format: 'A4', landscape: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);
  });
});

describe('one file to email', () => {
  it('dist-single/index.html opens from file:// with no request leaving the page', async () => {
    const file = join(ROOT, 'dist-single/index.html');
    expect(existsSync(file), 'run npm run build:single (npm test does)').toBe(true);
    w = await suite.open('file:///');
    const requests: string[] = [];
    w.page.on('request', (r) => requests.push(r.url()));
    await w.page.goto(`file://${file}?ind=dual_teacher_share&view=compare`);
    await waitForApp(w.page);
    await w.page.waitForSelector('[data-testid=compare-chart] svg');
    await w.page.click('.site-nav a:text("来源")');
    await w.page.click('.source-card a >> nth=0');
    await w.page.waitForSelector('[data-testid=source-text] >> text=职业教育');
    expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(requests.filter((u) => u.startsWith('file://') && !u.includes('dist-single/index.html'))).toEqual([]);
  });
});

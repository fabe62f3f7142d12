// What a Grapher user expects: a legend for colours, doubt styles and
// reference lines; a year slider with a play button (keyboard, reduced
// motion, URL); and a download on every view holding what the view shows.
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumSuite, downloadText, importCsv, query, settled, waitForApp, type Watched } from '../helpers/browser.ts';

const base = inject('baseUrl');
const suite = chromiumSuite();
let w: Watched;

async function open(search = '', opts = {}) {
  w = await suite.open(base, { acceptDownloads: true, ...opts });
  await w.page.goto(base + search);
  await waitForApp(w.page);
  return w.page;
}

const legend = (page: Page) => settled(() => page.locator('[data-testid=chart-legend] li').allTextContents(), (l) => l.length > 0).then((l) => l.map((x) => x.trim()));

describe('the legend', () => {
  it('names the functional-area colours drawn, the doubt styles drawn and the reference lines drawn', async () => {
    const page = await open('?ref=m,g,k');
    await page.waitForSelector('[data-testid=compare-chart] svg path', { state: 'attached' });
    const items = await legend(page);
    // Fangshan and Changping (plain new towns), Chaoyang (central), Huairou (ecological).
    expect(items).toEqual(['中心城区', '平原新城', '生态涵养区', '冲突', '派生', '所示各区中位数', '功能分区中位数']);
    // The colour beside 平原新城 is the colour of Fangshan's bar.
    const swatch = await page.locator('[data-testid=chart-legend] li[data-key=group-plain] span').getAttribute('data-colour');
    const fills = await page.locator('[data-testid=compare-chart] svg path').evaluateAll((ps) => ps.map((p) => (p.getAttribute('fill') ?? '').toLowerCase()));
    expect(fills).toContain(swatch!.toLowerCase());
  });

  it('follows the chart: a doubtful value in 2021, and no median line with one ranked bar', async () => {
    const page = await open('?year=2021&lang=en');
    await page.waitForSelector('[data-testid=compare-chart] svg path', { state: 'attached' });
    expect(await legend(page)).toEqual(['Central districts', 'Basis in doubt (not ranked)', 'Derived']);
  });
});

describe('the year slider', () => {
  it('moves by keyboard, writes the year into the link, and plays through the years to the last', async () => {
    const page = await open('?year=2019');
    const slider = page.locator('[data-testid=year-slider]');
    await expect(slider.getAttribute('aria-valuetext')).resolves.toBe('2019');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2021');
    await expect(page.locator('#compare-title + p').textContent()).resolves.toContain('2021 年');

    const play = page.locator('[data-testid=year-play]');
    await play.focus();
    await page.keyboard.press('Enter');
    await expect(play.getAttribute('aria-pressed')).resolves.toBe('true');
    // It steps 2021 → 2022 → 2023 and stops there.
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2022', undefined, { timeout: 5000 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2023', undefined, { timeout: 5000 });
    await page.waitForFunction(() => document.querySelector('[data-testid=year-play]')?.getAttribute('aria-pressed') === 'false', undefined, { timeout: 5000 });
    expect(query(page).get('year')).toBe('2023');
  });

  it('with reduced motion it steps one year per press and never moves by itself', async () => {
    const page = await open('?year=2019', { reducedMotion: 'reduce' });
    const play = page.locator('[data-testid=year-play]');
    await expect(play.getAttribute('aria-label')).resolves.toBe('下一年');
    await play.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2021');
    // Nothing else happens on its own (the player would have stepped after 1.2 s).
    const later = await settled(() => Promise.resolve(query(page).get('year')), (y) => y !== '2021', 2_500);
    expect(later).toBe('2021');
  });
});

describe('a download on every view', () => {
  const rowsOf = (text: string) => Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
  const cases: [string, string, (rows: string[][]) => void][] = [
    ['?view=district&district=changping', '[data-testid=export-table-csv]', (r) => {
      expect(r[0]).toEqual(['区', '指标', '口径', '范围', '年份', '数值', '单位', '标注', '来源', '位置']);
      expect(r.slice(1).every((x) => x[0] === '昌平区')).toBe(true);
      expect(r.some((x) => x[1] === '“双师型”教师比例' && x[5] === '88.2' && x[7]!.includes('分母存疑'))).toBe(true);
    }],
    ['?view=map', '[data-testid=export-table-csv]', (r) => {
      // The four districts coloured on the map, each with its latest year.
      expect(r.slice(1).map((x) => `${x[0]} ${x[4]}`).sort()).toEqual(['房山区 2019', '昌平区 2022', '朝阳区 2021', '怀柔区 2023'].sort());
    }],
    ['?view=coverage', '[data-testid=export-table-csv]', (r) => {
      expect(r[0]!.slice(0, 3)).toEqual(['指标', '东城区', '西城区']);
      expect(r.find((x) => x[0] === '招生人数')).toBeDefined();
    }],
    ['?view=sources', '[data-testid=export-table-csv]', (r) => {
      expect(r.slice(1).map((x) => x[0])).toContain('changping-2023');
    }],
    ['?view=methodology', '[data-testid=export-table-csv]', (r) => {
      expect(r.some((x) => x[0] === 'flag' && x[1] === 'basis_doubtful')).toBe(true);
      expect(r.some((x) => x[0] === 'indicator' && x[1] === 'dual_teacher_share')).toBe(true);
    }],
  ];
  it('district, map, coverage, sources and methodology each download what they show', async () => {
    const page = await open();
    for (const [search, button, check] of cases) {
      await page.goto(base + search);
      await waitForApp(page);
      await page.click('[data-testid=export-open]');
      await page.waitForSelector('[data-testid=export-panel]');
      // No image or embed where there is no chart.
      expect(await page.locator('[data-testid=png-slide169]').count(), search).toBe(0);
      check(rowsOf((await downloadText(page, button)).text));
    }
  });

  it('the import view downloads the imported rows', async () => {
    w = await suite.open(base, { acceptDownloads: true });
    await importCsv(w.page, base, 'mine.csv', 'district,year,indicator,value\ndongcheng,2022,intake,321\n');
    await w.page.click('[data-testid=export-open]');
    const r = rowsOf((await downloadText(w.page, '[data-testid=export-table-csv]')).text);
    expect(r.slice(1)).toEqual([['东城区', '招生人数', '按报告总数', '', '2022', '321', '人', '导入', '用户数据', '']]);
  });
});

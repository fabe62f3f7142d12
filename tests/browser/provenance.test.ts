// Where a number comes from: from a chart to the highlighted passage of the
// report, including the question "where does Changping's 2022 further-study
// rate come from?".
import { expect, inject, it } from 'vitest';
import { chromiumSuite, query, waitForApp, type Watched } from '../helpers/browser.ts';

const base = inject('baseUrl');
const suite = chromiumSuite();
let w: Watched;

const squash = (s: string) => s.replace(/\s+/g, '');

it('a bar opens the report at its quote, highlighted and scrolled into view', async () => {
  w = await suite.open(base);
  const { page } = w;
  await page.goto(base + '?ind=further_study_rate&year=2022');
  await waitForApp(page);
  await page.waitForSelector('[data-testid=compare-chart] svg');
  // The chart's data table lists the value with its n.
  await page.locator('.data-table summary').click();
  const row = page.locator('.data-table tbody tr', { hasText: '昌平区' });
  await expect(row.textContent()).resolves.toContain('99.32%');
  await expect(row.textContent()).resolves.toContain('n = 589');
  await row.locator('a').click();
  await page.waitForSelector('[data-testid=quote-mark]');
  expect(query(page).get('view')).toBe('sources');
  expect(query(page).get('src')).toBe('changping-2023');
  const mark = squash((await page.locator('[data-testid=quote-mark]').first().textContent()) ?? '');
  expect(mark).toContain('99.32%');
  await expect(page.locator('[data-testid=selected-obs]').textContent()).resolves.toContain('升学率');
  // The passage is visible inside the scrolled text pane.
  const visible = await page.evaluate(() => {
    const pane = document.querySelector('[data-testid=source-text]')!.getBoundingClientRect();
    const m = document.querySelector('[data-testid=quote-mark]')!.getBoundingClientRect();
    return m.top >= pane.top - 1 && m.bottom <= pane.bottom + 1;
  });
  expect(visible).toBe(true);
});

it('clicking a bar in the chart opens its source too', async () => {
  w = await suite.open(base);
  const { page } = w;
  await page.goto(base + '?ind=intake&year=2020');
  await waitForApp(page);
  const bar = page.locator('[data-testid=compare-chart] svg path[fill]').filter({ hasNot: page.locator('text') });
  await page.waitForSelector('[data-testid=compare-chart] svg');
  // Click in the middle of the chart's first bar row (the top-ranked district).
  const box = (await page.locator('[data-testid=compare-chart] .chart-frame__chart, [data-testid=compare-chart] [role=img]').first().boundingBox())!;
  expect(await bar.count()).toBeGreaterThan(0);
  await page.mouse.click(box.x + box.width * 0.3, box.y + 45);
  await page.waitForSelector('[data-testid=quote-mark]', { timeout: 5000 });
  expect(query(page).get('view')).toBe('sources');
});

it('a derived value highlights the passages of its inputs', async () => {
  w = await suite.open(base);
  const { page } = w;
  await page.goto(base + '?view=table&ind=dual_teacher_share&basis=of_fulltime');
  await waitForApp(page);
  await page.locator('[data-testid=data-grid] tbody a', { hasText: '36.3%' }).click();
  await page.waitForSelector('[data-testid=quote-mark]');
  const marks = (await page.locator('[data-testid=quote-mark]').allTextContents()).map(squash).join('|');
  expect(marks).toContain('637');
  expect(marks).toContain('231');
  await expect(page.locator('[data-testid=selected-obs]').textContent()).resolves.toContain('231 ÷ 637 × 100');
});

it('every view offers a citation naming the reports and the dataset version', async () => {
  w = await suite.open(base);
  const { page } = w;
  await page.goto(base + '?ind=further_study_rate');
  await waitForApp(page);
  await page.locator('.share-bar button', { hasText: '引用' }).click();
  const cite = await page.locator('[data-testid=citation]').textContent();
  const version = await page.evaluate(async () => (await (await fetch('data/manifest.json')).json()).version as string);
  expect(cite).toContain(`数据版本 ${version}`);
  expect(cite).toContain('北京市昌平区中等职业教育质量年度报告（2023）[R]');
  expect(cite).toContain('[DB/OL]');
});

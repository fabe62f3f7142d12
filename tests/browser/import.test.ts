// Bringing your own data in the browser: import, see it everywhere, reload,
// remove; refusals with reasons. (A report's text: tests/browser/review.test.ts.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { chromiumSuite, waitForApp, type Watched, countOf } from '../helpers/browser.ts';
import { ROOT } from '../helpers/dataset.ts';

const base = inject('baseUrl');
const FIX = join(ROOT, 'tests/fixtures/import');
const suite = chromiumSuite();
let w: Watched;

async function importPage(): Promise<Page> {
  w = await suite.open(base, { acceptDownloads: true });
  await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
  await w.page.goto(base + '?view=import');
  await waitForApp(w.page);
  return w.page;
}

it('imports a CSV, shows it in every view marked imported, keeps it across a reload, and removes it', async () => {
  const page = await importPage();
  await page.setInputFiles('[data-testid=import-file]', join(FIX, 'rows.csv'));
  await expect(page.locator('[data-testid=import-summary]').textContent()).resolves.toBe('共 18 行：接受 3 行，拒绝 15 行。');
  // Every refusal is listed with its line and reason, and can be downloaded.
  expect(await countOf(page.locator('.import-rejections tbody tr'), 15)).toBe(15);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-rejected]')]);
  const rejected = readFileSync((await dl.path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(rejected[0]!.endsWith(',line,reason')).toBe(true);
  // The reason column is in the page's language (Chinese here).
  expect(rejected.some((l) => l.startsWith('atlantis,2022,intake,10') && l.includes('district：未知的区“atlantis”'))).toBe(true);

  await page.click('[data-testid=import-accept]');
  await page.waitForSelector('[data-testid=import-saved]');
  expect(await countOf(page.locator('[data-testid=import-files] li'), 1)).toBe(1);

  // The compare view draws the imported Haidian intake, marked as imported.
  await page.goto(base + '?ind=intake&year=2022');
  await page.waitForSelector('[data-testid=compare-chart] svg');
  await expect(page.locator('[data-testid=compare-chart] svg').textContent()).resolves.toContain('海淀区');
  await expect(page.locator('.chart-notes').textContent()).resolves.toContain('导入');
  // Its permalink says that the view includes imported data.
  await page.click('[data-testid=copy-link]');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('imp=1');

  // Still there after a reload (IndexedDB), in the coverage matrix too.
  await page.goto(base + '?view=coverage');
  await waitForApp(page);
  expect(await countOf(page.locator('td.coverage__cell a[aria-label*="— 海淀区 · 招生人数"]'), 1)).toBe(1);

  // Removed, it is gone everywhere.
  await page.goto(base + '?view=import');
  await waitForApp(page);
  await page.click('[data-testid=import-remove]');
  await page.waitForFunction(() => document.querySelector('[data-testid=import-files]') === null);
  await page.goto(base + '?ind=intake&year=2022');
  await page.waitForSelector('[data-testid=compare-chart] svg');
  await expect(page.locator('[data-testid=compare-chart] svg').textContent()).resolves.not.toContain('海淀区');
});

/** The rejections table as [line, field, reason] rows. */
async function rejectionRows(page: Page, n: number): Promise<string[][]> {
  const rows = page.locator('.import-rejections tbody tr');
  await countOf(rows, n);
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

it('says why each row is refused in the language of the page, in the table and in the download', async () => {
  const page = await importPage();
  await page.setInputFiles('[data-testid=import-file]', join(FIX, 'between-rows.csv'));
  await expect(page.locator('[data-testid=import-summary]').textContent()).resolves.toBe('共 16 行：接受 6 行，拒绝 10 行。');
  const zh = new Map((await rejectionRows(page, 10)).map(([line, field, reason]) => [Number(line), `${field} ${reason}`]));
  // Duplicates and conflicts within the file and against the bundled data, each naming the other statement.
  expect(zh.get(5)).toMatch(/^（整行） 与第 4 行重复/);
  expect(zh.get(2)).toBe('flags 数值 1 与第 3 行的 2 不符（区、年份、指标、口径和范围都相同）；如果两者都对，请都标记 conflict 并在说明中写明原因');
  expect(zh.get(12)).toBe('（整行） 本站数据中已有这一行（changping-2023, 表 1-1，数值 3150）：区、年份、指标、口径、范围、来源和位置都相同');
  expect(zh.get(13)).toContain('数值 2700 与本站数据的 2751（changping-2023, 表 1-1）不符');
  expect(zh.get(16)).toBe('value 100 不在引文中：引文给出的是 1，而 100 是它的 100 倍——请检查小数点和单位');
  for (const text of zh.values()) expect(text, 'an English reason in the Chinese page').not.toMatch(/\b(duplicate|disagrees|does not|appear|quote|bundled)\b/);

  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-rejected]')]);
  const csv = readFileSync((await dl.path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(csv[0]).toBe('district,year,indicator,value,basis,scope,source,locator,quote,flags,note_zh,note_en,line,reason');
  expect(csv.find((l) => l.startsWith('haidian,2022,intake,100,'))).toContain(',16,value：100 不在引文中');

  // The same file in the English interface: the same refusals, in English.
  await page.goto(base + '?view=import&lang=en');
  await waitForApp(page);
  await page.setInputFiles('[data-testid=import-file]', join(FIX, 'between-rows.csv'));
  await expect(page.locator('[data-testid=import-summary]').textContent()).resolves.toBe('16 rows: 6 accepted, 10 rejected.');
  const en = new Map((await rejectionRows(page, 10)).map(([line, field, reason]) => [Number(line), `${field} ${reason}`]));
  expect([...en.keys()]).toEqual([...zh.keys()]);
  expect(en.get(5)).toMatch(/^\(row\) duplicate of line 4 /);
  expect(en.get(16)).toBe('value 100 does not appear in the quote: the quote states 1, and 100 is that × 100 — check the decimal point and the unit');
  // A header problem, said once for the whole file, in Chinese too.
  await page.goto(base + '?view=import');
  await waitForApp(page);
  await page.setInputFiles('[data-testid=import-file]', { name: 'typo.csv', mimeType: 'text/csv', buffer: Buffer.from('district,year,indicator,valeu\nhaidian,2022,intake,10\n') });
  await expect(page.locator('[data-testid=import-file-error]').textContent()).resolves.toBe('表头有误：未知的列“valeu”（是否应为“value”？）；缺少列“value”');
});

it('a recipient of a link with imported data is told what they cannot see', async () => {
  w = await suite.open(base);
  await w.page.goto(base + '?ind=intake&imp=1');
  await waitForApp(w.page);
  await expect(w.page.locator('[data-testid=notices]').textContent()).resolves.toContain('导入了自己的数据');
});

it('creates minimal entries for unknown districts and indicators after asking', async () => {
  const page = await importPage();
  await page.setInputFiles('[data-testid=import-file]', join(FIX, 'rows.csv'));
  await page.waitForSelector('[data-testid=import-unknown]');
  await expect(page.locator('[data-testid=import-unknown]').textContent()).resolves.toContain('atlantis');
  await page.click('[data-testid=import-add-unknown]');
  await page.waitForFunction(() => document.querySelector('[data-testid=import-summary]')?.textContent === '共 18 行：接受 5 行，拒绝 13 行。');
});

it('refuses a file that is not UTF-8 with one clear message', async () => {
  const page = await importPage();
  await page.setInputFiles('[data-testid=import-file]', join(FIX, 'gbk.csv'));
  await expect(page.locator('[data-testid=import-file-error]').textContent()).resolves.toContain('不是 UTF-8');
});

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
  expect(rejected.some((l) => l.startsWith('atlantis,2022,intake,10') && l.includes("unknown district 'atlantis'"))).toBe(true);

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

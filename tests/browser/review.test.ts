// The review workbench, as a curator adding next year's report would use it:
// drop a GB18030 report, review every candidate from the keyboard beside its
// highlighted passage, edit one, reject one, download the three files, and
// check that `npm run data` takes them unchanged and the dashboard charts them.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, expect, inject, it } from 'vitest';
import { chromiumSuite, countOf, settled, waitForApp, type Watched } from '../helpers/browser.ts';
import { ROOT } from '../helpers/dataset.ts';
import { serveDir, type StaticServer } from '../helpers/static-server.ts';

const base = inject('baseUrl');
const REPORT = join(ROOT, 'tests/fixtures/review/fengtai-2023.gb18030.txt');
const suite = chromiumSuite();
let w: Watched;
const temps: string[] = [];
const servers: StaticServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

async function workbench(file: { name: string; buffer: Buffer }): Promise<Page> {
  w = await suite.open(base, { acceptDownloads: true });
  const page = w.page;
  await page.goto(base + '?view=import');
  await waitForApp(page);
  await page.setInputFiles('[data-testid=import-file]', { ...file, mimeType: 'text/plain' });
  await page.waitForSelector('[data-testid=review-list]');
  return page;
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testId}]`)]);
  return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

const status = (page: Page) => page.locator('[data-testid=review-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
/** The items' statuses once they equal `want` (or the last read after the timeout): renders can trail a key press on a busy machine. */
const statusBecomes = (page: Page, want: (string | null)[]) => settled(() => status(page), (s) => JSON.stringify(s) === JSON.stringify(want));
const textOf = (page: Page, sel: string, has: string) => settled(() => page.locator(sel).first().textContent(), (t) => (t ?? '').includes(has));

it('a GB18030 report goes through keyboard review to files that npm run data takes, and to a chart', async () => {
  const page = await workbench({ name: 'fengtai-2023.gb18030.txt', buffer: readFileSync(REPORT) });
  await expect(page.locator('[data-testid=extraction]').textContent()).resolves.toContain('GB18030');
  const items = page.locator('[data-testid=review-item]');
  const n = await settled(() => items.count(), (c) => c > 10);
  expect(n).toBe(18);
  await expect(page.locator('[data-testid=review-source]').textContent()).resolves.toBe('fengtai-2023');

  // The focused candidate's passage is highlighted in the report's text.
  await page.focus('[data-testid=review-list]');
  await expect(page.locator('[data-testid=review-mark]').textContent()).resolves.toContain('中等职业学校3所');
  // Downloads wait until something is accepted.
  await expect(page.locator('[data-testid=review-download-csv]').isDisabled()).resolves.toBe(true);

  // a accepts and moves on, r rejects the private-school count, u undoes a decision.
  await page.keyboard.press('a');
  await page.keyboard.press('a');
  await page.keyboard.press('r');
  expect(await statusBecomes(page, ['accepted', 'accepted', 'rejected', ...Array(15).fill('pending')])).toEqual(['accepted', 'accepted', 'rejected', ...Array(15).fill('pending')]);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('u');
  expect((await settled(() => status(page), (x) => x[2] === 'pending'))[2]).toBe('pending');
  await page.keyboard.press('r');
  expect(await textOf(page, '[data-testid=review-mark]', '招生总数912人')).toContain('招生总数912人');
  // ↓ three times, then e edits the full-time teachers' row; Enter saves and accepts it.
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowDown');
  expect(await textOf(page, '[data-testid=review-detail]', '专任教师数')).toContain('专任教师数');
  await page.keyboard.press('e');
  await page.waitForSelector('[data-testid=review-form]');
  await page.fill('[data-testid=review-note-en]', 'full-time teachers at the end of 2022');
  await page.fill('[data-testid=review-note-zh]', '2022 年末专任教师数');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=review-form]', { state: 'detached' });
  expect(await settled(() => page.locator('[data-testid=review-item]').nth(6).textContent(), (t) => (t ?? '').includes('已修改'))).toContain('已修改');
  // Esc leaves the form without saving.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('e');
  await page.fill('[data-testid=review-value]', '999');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=review-form]', { state: 'detached' });
  expect(await textOf(page, '[data-testid=review-detail]', '2630')).toContain('2630');
  expect((await settled(() => status(page), (x) => x[4] === 'pending'))[4]).toBe('pending');
  // The rest, one key each, from the first undecided one.
  await page.keyboard.press('ArrowUp');
  for (let k = 0; k < 14; k++) await page.keyboard.press('a');
  expect(await statusBecomes(page, ['accepted', 'accepted', 'rejected', ...Array(15).fill('accepted')])).toEqual(['accepted', 'accepted', 'rejected', ...Array(15).fill('accepted')]);
  expect(await textOf(page, '[data-testid=review-counts]', '待核对 0')).toBe('已接受 17 · 已拒绝 1 · 待核对 0');
  expect(await countOf(page.locator('[data-testid=review-problems]'), 0)).toBe(0);

  const csv = await download(page, 'review-download-csv');
  const txt = await download(page, 'review-download-txt');
  const sources = await download(page, 'review-download-sources');
  expect([csv.name, txt.name, sources.name]).toEqual(['fengtai-2023.csv', 'fengtai-2023.txt', 'sources.csv']);
  expect(txt.bytes.toString('utf8')).toContain('北京市丰台区中等职业教育质量年度报告');
  const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
  expect(lines).toHaveLength(18);
  expect(lines.some((l) => l.includes('full-time teachers at the end of 2022'))).toBe(true);
  expect(lines.some((l) => l.includes(',1,schools') || /,schools,1,/.test(l))).toBe(false);

  // A copy of the project with the three files dropped in, built by the real data build.
  const dir = mkdtempSync(join(tmpdir(), 'bvd-review-'));
  temps.push(dir);
  cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'data/observations/fengtai-2023.csv'), csv.bytes);
  writeFileSync(join(dir, 'data/sources/fengtai-2023.txt'), txt.bytes);
  writeFileSync(join(dir, 'data/sources.csv'), sources.bytes);
  const out = join(dir, 'site/data');
  const build = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/build-data.ts'), '--root', dir, '--out', out], { encoding: 'utf8' });
  expect(build.status, build.stderr + build.stdout).toBe(0);
  expect(build.stdout).toMatch(/from 6 reports/);

  // The built site with that data: Fengtai's intake is drawn, with its source.
  mkdirSync(join(dir, 'site'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(dir, 'site'), { recursive: true, filter: (src) => !src.startsWith(join(ROOT, 'dist/data')) });
  const server = await serveDir(join(dir, 'site'));
  servers.push(server);
  const p2 = await w.context.newPage();
  await p2.goto(server.url + '?ind=intake&d=fengtai,changping');
  await p2.waitForSelector('[data-testid=compare-chart] svg');
  const chart = await settled(() => p2.locator('[data-testid=compare-chart] svg').textContent(), (t) => (t ?? '').includes('丰台区'));
  expect(chart).toContain('丰台区');
  expect(chart).toContain('912');
  await p2.close();
}, 180_000);

it('shows a candidate that disagrees with the bundled data and keeps the downloads back until it is resolved', async () => {
  // Next year's Changping report restating 2022: one figure differs from the bundled report's.
  const text = '北京市昌平区中等职业教育质量年度报告（2024）\n\n2023年12月\n\n1.1 规模\n\n2022年，昌平区中等职业学校招生总数1100人，毕业生总数为589人。\n';
  const page = await workbench({ name: 'changping-2024.txt', buffer: Buffer.from(text, 'utf8') });
  await expect(page.locator('[data-testid=review-source]').textContent()).resolves.toBe('changping-2024');
  await page.focus('[data-testid=review-list]');
  await page.keyboard.press('a');
  await page.keyboard.press('a');
  // 1100 disagrees with the bundled 1061; 589 is known already.
  // The district's bundled rows load after the list: the badges come with them.
  expect(await textOf(page, '[data-testid=review-item]', '与本站数据冲突')).toContain('与本站数据冲突');
  expect(await settled(() => page.locator('[data-testid=review-item]').nth(1).textContent(), (t) => (t ?? '').includes('本站已有'))).toContain('本站已有');
  expect(await textOf(page, '[data-testid=review-detail]', 'changping-2023')).toContain('changping-2023');
  // The build would refuse it (both statements need the conflict flag), so nothing downloads yet.
  expect(await textOf(page, '[data-testid=review-problems]', '1061')).toContain('1061');
  await expect(page.locator('[data-testid=review-download-csv]').isDisabled()).resolves.toBe(true);
  // Rejecting the disagreeing figure resolves it.
  await page.keyboard.press('Home');
  await page.keyboard.press('r');
  expect(await countOf(page.locator('[data-testid=review-problems]'), 0)).toBe(0);
  expect(await settled(() => page.locator('[data-testid=review-download-csv]').isDisabled(), (d) => !d)).toBe(false);
});

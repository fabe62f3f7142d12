// An imported row with no basis, for an indicator whose bundled rows all name
// one: it must be visible, not lost behind a basis the user never chooses.
import { expect, inject, it } from 'vitest';
import { chartText, chromiumSuite, importCsv, query, settled, type Watched } from '../helpers/browser.ts';

const base = inject('baseUrl');
const suite = chromiumSuite();
let w: Watched;

it('choosing the district shows its imported values; the basis toggle names them "basis not stated"', async () => {
  w = await suite.open(base);
  const page = w.page;
  await importCsv(page, base, 'dongcheng.csv', 'district,year,indicator,value\ndongcheng,2022,dual_teacher_share,52.5\n');

  // All districts: the default basis, and a third option for the row with none, named for what it is.
  await page.goto(base + '?ind=dual_teacher_share');
  await page.waitForSelector('[data-testid=compare-chart] svg');
  const basis = page.locator('fieldset.segmented', { hasText: '口径' });
  expect(await settled(() => basis.locator('label').allTextContents(), (l) => l.length === 3)).toEqual(['占专任教师 (4)', '占专业课教师 (3)', '未注明口径 (1)']);
  // The district picker does not call Dongcheng "no data".
  await page.locator('.picker--districts summary').click();
  await expect(page.locator('.picker__list label', { hasText: '东城区' }).textContent()).resolves.toContain('其他口径');

  // Choosing Dongcheng alone shows its value instead of "no data".
  await page.goto(base + '?ind=dual_teacher_share&d=dongcheng');
  expect(await chartText(page)).toContain('52.5%');
  await expect(page.locator('h2#compare-title').textContent()).resolves.toContain('未注明口径');

  // With others chosen too, the chart says where Dongcheng's value is and switches to it in one click.
  await page.goto(base + '?ind=dual_teacher_share&d=dongcheng,changping,fangshan');
  await page.waitForSelector('[data-testid=compare-chart] svg');
  await expect(page.locator('.chart-notes').textContent()).resolves.toContain('东城区在此口径下没有数值，但在“未注明口径”口径下有');
  await page.locator('[data-testid=other-basis] button', { hasText: '东城区' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('basis') === '-');
  expect(query(page).get('basis')).toBe('-');
  expect(await chartText(page)).toContain('东城区');
});

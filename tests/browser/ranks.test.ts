// Ranks that a reader can trust: a value whose basis is in doubt is never
// ranked (Changping's 95.27% "of 专技岗 teachers" that its own counts put over
// specialised teachers), and tied values say they are tied.
import { describe, expect, inject, it } from 'vitest';
import { chartText, chromiumSuite, importCsv, settled, waitForApp, type Watched } from '../helpers/browser.ts';

const base = inject('baseUrl');
const suite = chromiumSuite();
let w: Watched;

async function open(search = '') {
  w = await suite.open(base);
  await w.page.goto(base + search);
  await waitForApp(w.page);
  return w.page;
}

/** The bar labels, top to bottom: "value n=… (year)  rank". */
async function barLabels(page: import('playwright-core').Page): Promise<string[]> {
  await chartText(page);
  return settled(
    () => page.locator('[data-testid=compare-chart] svg text').allTextContents(),
    (l) => l.some((x) => /%/.test(x)),
  ).then((l) => l.filter((x) => /\d%/.test(x) && !/^\d+%$/.test(x)));
}

describe('a value on a doubtful basis', () => {
  it('does not rank first in the full-time-teacher chart: Changping draws the 45.8% its counts give', async () => {
    const page = await open();
    const labels = await barLabels(page);
    expect(labels.some((l) => l.startsWith('95.27%'))).toBe(false);
    expect(labels.find((l) => l.startsWith('45.8%'))).toMatch(/第 2\/4/);
    await expect(page.locator('[data-testid=chart-summary]').textContent()).resolves.toContain('最高为房山区（58.86%）');
    // The stated 95.27% is not hidden: the notes name it and why it is not drawn.
    const notes = await page.locator('.chart-notes').textContent();
    expect(notes).toContain('昌平区 2022：报告所述 95.27%（表 1-4）分母存疑');
    expect(notes).toContain('分母存疑');
  });

  it('in 2021 it is shown apart, last, marked not ranked, and kept out of the median', async () => {
    const page = await open('?year=2021');
    const labels = await barLabels(page);
    expect(labels).toHaveLength(2);
    expect(labels[0]).toMatch(/^36\.3%.*第 1\/1/);
    expect(labels[1]).toMatch(/^88\.2%.*分母存疑，不排名/);
    expect(labels[1]).not.toMatch(/第 \d/);
    // With one ranked bar there is no median line to draw; the doubtful value makes no second one.
    expect(await chartText(page)).not.toContain('中位数');
    await expect(page.locator('.chart-notes').textContent()).resolves.toContain('不参与排名和中位数（分母存疑）：昌平区 2021 88.2%');
  });

  it('in the line chart it is a lone point, not joined to the line, and has no rank', async () => {
    const page = await open('?chart=line');
    expect(await chartText(page)).toContain('昌平区: 分母存疑，不排名');
  });

  it('in English too', async () => {
    const page = await open('?year=2021&lang=en');
    const labels = await barLabels(page);
    expect(labels[1]).toMatch(/^88\.2%.*basis in doubt, not ranked/);
  });

  it('the district profile ranks the value drawn (45.8%, second), and the methodology explains the rule', async () => {
    const page = await open('?view=district&district=changping');
    const card = page.locator('.profile-card', { hasText: '“双师型”教师比例' }).filter({ hasText: '占专任教师' });
    // The rank reads "…" until every district's rows are in: wait for the rank itself.
    const rank = await settled(() => card.locator('.profile-card__rank').textContent(), (v) => v !== null && !v.includes('…'));
    expect(rank).toMatch(/第 2/);
    await page.goto(base + '?view=methodology');
    await waitForApp(page);
    await expect(page.locator('#method-doubtful').textContent()).resolves.toContain('141 ÷ 308 = 45.8%');
  });
});

describe('tied values', () => {
  it('Fangshan and Huairou both at 100% further study read 并列第 1, and Changping is third', async () => {
    const page = await open('?ind=further_study_rate');
    const labels = await barLabels(page);
    expect(labels.filter((l) => l.startsWith('100%') && l.includes('并列第 1/4'))).toHaveLength(2);
    expect(labels.find((l) => l.startsWith('99.32%'))).toMatch(/ 第 3\/4/);
    await page.goto(base + '?ind=further_study_rate&lang=en');
    expect((await barLabels(page)).filter((l) => l.includes('tied #1 of 4'))).toHaveLength(2);
  });

  it('read 并列第 1 in the bar labels, and the next rank skips', async () => {
    w = await suite.open(base);
    const page = w.page;
    // Three districts at 100%: a standard competition ranking gives 1, 1, 1 and says they are tied.
    await importCsv(page, base, 'ties.csv', 'district,year,indicator,value\ndongcheng,2022,employer_satisfaction,100\nxicheng,2022,employer_satisfaction,100\nhaidian,2022,employer_satisfaction,100\nfengtai,2022,employer_satisfaction,90\n');
    await page.goto(base + '?ind=employer_satisfaction&basis=-&d=dongcheng,xicheng,haidian,fengtai');
    const labels = await barLabels(page);
    expect(labels.filter((l) => l.includes('并列第 1/4'))).toHaveLength(3);
    expect(labels.find((l) => l.startsWith('90%'))).toMatch(/第 4\/4/);
  });
});

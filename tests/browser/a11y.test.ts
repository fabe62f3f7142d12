// Accessibility: axe-core finds no serious or critical violation on any view
// (both languages) or open panel, and the main task — pick an indicator,
// districts and a year, open a value's source, come back, export — can be
// done with the keyboard alone, with the focus always visible.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumSuite, query, waitForApp } from '../helpers/browser.ts';
import { ROOT } from '../helpers/dataset.ts';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const base = inject('baseUrl');
const suite = chromiumSuite();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
}

async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const a = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Record<string, unknown>[] }> } }).axe;
    const r = await a.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id as string,
      impact: v.impact as string | null,
      help: v.help as string,
      nodes: (v.nodes as { target: unknown[]; html: string; failureSummary?: string }[]).map((n) => ({
        target: n.target.map(String).join(' '),
        html: n.html.slice(0, 160),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240),
      })),
    }));
  });
}

function report(where: string, vs: Violation[]): string {
  return (
    `${where}: axe violations\n` +
    vs
      .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n` + v.nodes.map((n) => `      ${n.target}\n        ${n.html}\n        ${n.summary}`).join('\n'))
      .join('\n')
  );
}

async function expectAccessible(page: Page, where: string) {
  const vs = await axe(page);
  const serious = vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  // All violations are printed, so the moderate ones can be fixed too; only serious and critical fail.
  // Soft, so that a test checking several states reports each of them.
  expect.soft(serious.map((v) => `${v.impact} ${v.id} ×${v.nodes.length}`), report(where, vs)).toEqual([]);
}

async function open(search: string, opts = {}): Promise<Page> {
  // The built page carries a CSP <meta> (no inline script), which would refuse the injected axe-core.
  const w = await suite.open(base, { bypassCSP: true, ...opts });
  await w.page.goto(base + search);
  await waitForApp(w.page);
  return w.page;
}

const READY: Record<string, string> = {
  compare: '[data-testid=compare-chart] svg path',
  table: '[data-testid=data-grid] tbody tr',
  district: '.profile-card__rank',
  map: '.tile-map a',
  coverage: 'td.coverage__cell a',
  sources: '.source-card',
  methodology: 'tr[id^=indicator-]',
  import: '[data-testid=import-file]',
};

function firstQuotedObservation(): string {
  const dir = join(ROOT, 'dist/data');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const file = JSON.parse(readFileSync(join(dir, JSON.parse(readFileSync(join(dir, manifest.files.index), 'utf8')).districts.changping), 'utf8'));
  return (file.rows as unknown[][]).find((r) => r[8] === 'changping-2023' && r[16] !== null)![0] as string;
}

describe('axe: no serious or critical violations', () => {
  const cases = Object.keys(READY).flatMap((view) => [
    [view, 'zh'],
    [view, 'en'],
  ]);
  it.each(cases)('%s view (%s)', async (view, lang) => {
    const page = await open(`?view=${view}${lang === 'en' ? '&lang=en' : ''}`);
    await page.waitForSelector(READY[view]!, { state: 'attached', timeout: 20_000 });
    if (view === 'district') await page.waitForFunction(() => [...document.querySelectorAll('.profile-card__rank')].some((e) => e.textContent !== '…'));
    await expectAccessible(page, `${view} (${lang})`);
  });

  it('compare with the district picker open', async () => {
    const page = await open('?ind=intake');
    await page.waitForSelector(READY.compare!, { state: 'attached' });
    await page.locator('.picker--districts summary').click();
    await page.waitForSelector('.picker__panel input[type=checkbox]');
    await expectAccessible(page, 'district picker open');
  });

  it('compare with the export panel and the embed dialog open', async () => {
    const page = await open('?ind=intake&lang=en');
    await page.waitForSelector(READY.compare!, { state: 'attached' });
    await page.click('[data-testid=export-open]');
    await page.waitForSelector('[data-testid=export-panel]');
    await expectAccessible(page, 'export panel open');
    await page.click('[data-testid=embed-open]');
    await page.waitForSelector('[data-testid=embed-snippet]');
    await expectAccessible(page, 'embed dialog open');
  });

  it.each(['zh', 'en'])('the review workbench with a candidate being edited (%s)', async (lang) => {
    const page = await open(`?view=import${lang === 'en' ? '&lang=en' : ''}`);
    await page.setInputFiles('[data-testid=import-file]', join(ROOT, 'tests/fixtures/review/fengtai-2023.gb18030.txt'));
    await page.waitForSelector('[data-testid=review-mark]');
    await expectAccessible(page, `review workbench (${lang})`);
    await page.focus('[data-testid=review-list]');
    await page.keyboard.press('e');
    await page.waitForSelector('[data-testid=review-form]');
    await expectAccessible(page, `review workbench, editing (${lang})`);
  });

  it('the source viewer with a highlighted quote', async () => {
    const page = await open(`?view=sources&src=changping-2023&obs=${firstQuotedObservation()}`);
    await page.waitForSelector('[data-testid=quote-mark]');
    await expectAccessible(page, 'source viewer');
  });

  it('compare as lines, and the table of all indicators', async () => {
    const page = await open('?ind=further_study_rate&chart=line');
    await page.waitForSelector(READY.compare!, { state: 'attached' });
    await page.locator('.data-table summary').click();
    await expectAccessible(page, 'compare, lines, data table open');
    await page.goto(base + '?view=table&table=indicators&year=2022');
    await page.waitForSelector(READY.table!);
    await expectAccessible(page, 'table of all indicators');
  });
});

// ---------------------------------------------------------------------------

/** What has the focus, and whether it is visibly marked (an outline or a box shadow on it or on the label that wraps it). */
async function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { desc: '(body)', visible: false, tag: 'body' };
    const marked = (e: Element) => {
      const s = getComputedStyle(e);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
      return outline || s.boxShadow !== 'none';
    };
    const s = getComputedStyle(el);
    const hidden = s.opacity === '0' || el.getBoundingClientRect().width <= 1;
    const label = el.closest('label');
    const visible = hidden ? !!label && marked(label) : marked(el);
    const name = el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 30) || (el as HTMLInputElement).value || '';
    return { desc: `<${el.localName}${el.className ? ` class="${el.className}"` : ''}${el.getAttribute('data-testid') ? ` data-testid=${el.getAttribute('data-testid')}` : ''}> ${name}`, visible, tag: el.localName };
  });
}

describe('keyboard only', () => {
  it('pick an indicator, districts and a year, open a source, come back and export, with the focus always visible', async () => {
    const page = await open('', { acceptDownloads: true });
    await page.waitForSelector(READY.compare!, { state: 'attached' });
    const trail: string[] = [];
    const invisible: string[] = [];

    async function check(step: string) {
      const f = await focusState(page);
      trail.push(`${step}: ${f.desc}`);
      if (!f.visible) invisible.push(`${step}: ${f.desc}`);
    }
    /** Tabs (or Shift+Tabs) until the focused element matches, checking the focus ring at every stop. */
    async function tabTo(selector: string, what: string, max = 80, back = false) {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
        await check(`Tab → ${what}`);
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`${what} (${selector}) never got the focus after ${max} Tabs:\n${trail.slice(-max).join('\n')}`);
    }
    /** Presses an arrow key on a focused <select> until it holds the wanted value. */
    async function selectByArrows(value: string, what: string) {
      for (let i = 0; i < 60; i++) {
        const { current, wanted, now } = await page.evaluate((v) => {
          const s = document.activeElement as HTMLSelectElement;
          const opts = [...s.options].map((o) => o.value);
          return { current: s.value, now: opts.indexOf(s.value), wanted: opts.indexOf(v) };
        }, value);
        if (current === value) return;
        expect(wanted, `${what}: option ${value} exists`).toBeGreaterThanOrEqual(0);
        await page.keyboard.press(wanted > now ? 'ArrowDown' : 'ArrowUp');
        await check(`arrow in ${what}`);
      }
      throw new Error(`${what}: could not reach ${value} with the arrow keys`);
    }

    // 1. The indicator: its <select>, changed with the arrow keys.
    await tabTo('.picker--indicator select', 'indicator select');
    await selectByArrows('intake', 'indicator select');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('ind') === 'intake');
    await check('after choosing the indicator');

    // 2. Districts: open the picker with Enter, add a district with Space.
    await tabTo('.picker--districts summary', 'district picker');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.picker--districts')?.hasAttribute('open'));
    await check('picker opened');
    await tabTo('.picker__list input[type=checkbox]', 'first district checkbox');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('d'));
    await check('after toggling a district');
    expect(query(page).get('d')!.split(',').length).toBeGreaterThan(1);

    // 3. The year: its <select>, changed with the arrow keys.
    await tabTo('.picker--year select', 'year select');
    await selectByArrows('2020', 'year select');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2020');
    await check('after choosing the year');

    // 4. A source: open the chart's data table, then a value's source link.
    await tabTo('.data-table summary', 'data table summary');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.data-table')?.hasAttribute('open'));
    await tabTo('.data-table tbody a', 'a source link in the data table');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=quote-mark]');
    expect(query(page).get('view')).toBe('sources');
    // The link that had the focus is gone with the view it was in: the focus should move to the new view, not drop to <body>.
    const landed = await focusState(page);
    expect.soft(landed.tag, `after opening a source the focus is on ${landed.desc}: move it to the viewer (e.g. its <h2> or #main) on navigation`).not.toBe('body');

    // 5. Back to the chart.
    await page.keyboard.press('Alt+ArrowLeft');
    if (query(page).get('view') === 'sources') await page.goBack(); // if the browser ignores the shortcut headless
    await page.waitForSelector(READY.compare!, { state: 'attached' });
    expect(query(page).get('ind')).toBe('intake');
    expect(query(page).get('year')).toBe('2020');

    // 6. Export: the export button, then the CSV button.
    await tabTo('[data-testid=export-open]', 'export button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=export-panel]');
    await tabTo('[data-testid=export-csv]', 'CSV button', 20);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(dl.suggestedFilename()).toBe('intake-total-2020.csv');

    expect(invisible, `focus not visible at:\n${invisible.join('\n')}\n\nfull trail:\n${trail.join('\n')}`).toEqual([]);
  }, 120_000);
});

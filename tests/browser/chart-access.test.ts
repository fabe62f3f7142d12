// The chart without a mouse, and on a short screen: the keyboard moves from
// bar to bar (tooltip shown and said aloud), Enter opens the source, Esc
// closes; the tooltip stays inside the window; the district picker closes on Esc.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumSuite, query, settled, waitForApp, type Watched } from '../helpers/browser.ts';

const base = inject('baseUrl');
const suite = chromiumSuite();
let w: Watched;

async function open(search = '', opts = {}) {
  w = await suite.open(base, opts);
  await w.page.goto(base + search);
  await waitForApp(w.page);
  await w.page.waitForSelector('[data-testid=compare-chart] svg');
  return w.page;
}

/** The tooltip's text and box while it is shown, or null. */
async function tooltip(page: Page): Promise<{ text: string; top: number; bottom: number; left: number; right: number } | null> {
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid=compare-chart] .obs-details');
    const box = el?.parentElement;
    if (!el || !box || getComputedStyle(box).display === 'none' || getComputedStyle(box).opacity === '0' || getComputedStyle(box).visibility === 'hidden') return null;
    const r = box.getBoundingClientRect();
    return { text: el.textContent ?? '', top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });
}

describe('the chart by keyboard', () => {
  it('Tab reaches the chart; arrows go from bar to bar with the tooltip and a spoken line; Esc closes; Enter opens the source', async () => {
    // Default view: Fangshan 58.86% (2019), Changping 45.8%, Chaoyang 36.3%, Huairou 29.6%.
    const page = await open();
    const chart = page.locator('[data-testid=chart-focus]');
    // It is in the Tab order, with a name and instructions.
    for (let i = 0; i < 60 && !(await chart.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await chart.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await chart.getAttribute('aria-describedby')).toBe('chart-keys');

    await page.keyboard.press('ArrowDown');
    const first = await settled(() => tooltip(page), (t) => t !== null);
    expect(first?.text).toContain('房山区 · 2019');
    const spoken = await settled(() => page.locator('[data-testid=chart-spoken]').textContent(), (t) => !!t);
    expect(spoken).toContain('房山区');
    expect(spoken).toContain('在 4 个报告该指标的区中排第 1');

    await page.keyboard.press('ArrowDown');
    const second = await settled(() => tooltip(page), (t) => t !== null && t.text.includes('昌平区'));
    expect(second?.text).toContain('昌平区 · 2022');
    expect(second?.text).toContain('45.8%');
    await page.keyboard.press('Escape');
    expect(await settled(() => tooltip(page), (t) => t === null)).toBeNull();
    // Esc on the chart does not leave the page or the view.
    expect(query(page).get('view')).toBeNull();

    await page.keyboard.press('Home');
    await settled(() => tooltip(page), (t) => t !== null);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=quote-mark]');
    expect(query(page).get('view')).toBe('sources');
    expect(query(page).get('src')).toBe('fangshan-2019');
  });

  it('the lines chart too, point by point', async () => {
    const page = await open('?chart=line');
    await page.locator('[data-testid=chart-focus]').focus();
    await page.keyboard.press('ArrowRight');
    const tip = await settled(() => tooltip(page), (t) => t !== null);
    expect(tip?.text).toMatch(/区 · 20\d\d/);
  });
});

describe('the tooltip on a short screen', () => {
  it('stays inside the window when the bar hovered is at the bottom of the screen', async () => {
    const page = await open('', { viewport: { width: 1000, height: 560 } });
    // Scroll so that the chart's last bar sits just above the bottom edge of the window.
    const bars = await page.locator('[data-testid=compare-chart] svg').evaluate((svg) => {
      const out: { x: number; y: number; h: number }[] = [];
      svg.querySelectorAll('path').forEach((p) => {
        const r = p.getBoundingClientRect();
        const fill = p.getAttribute('fill');
        if (fill && fill !== 'none' && r.width > 30 && r.height > 8 && r.height < 40) out.push({ x: r.left + r.width / 2, y: r.top + window.scrollY + r.height / 2, h: r.height });
      });
      return out.sort((a, b) => a.y - b.y);
    });
    expect(bars.length).toBeGreaterThan(1);
    const last = bars[bars.length - 1]!;
    await page.evaluate((y) => window.scrollTo(0, y - 560 + 30), last.y);
    const scrollY = await page.evaluate(() => window.scrollY);
    await page.mouse.move(last.x, last.y - scrollY);
    const tip = await settled(() => tooltip(page), (t) => t !== null);
    expect(tip).not.toBeNull();
    expect(tip!.bottom).toBeLessThanOrEqual(560);
    expect(tip!.top).toBeGreaterThanOrEqual(0);
    expect(tip!.right).toBeLessThanOrEqual(1000);
  });
});

describe('the district picker', () => {
  it('closes on Esc and gives the focus back to its button', async () => {
    const page = await open();
    await page.locator('.picker--districts summary').click();
    await page.locator('.picker--districts input[type=search]').focus();
    await page.keyboard.press('Escape');
    expect(await page.locator('.picker--districts').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.matches('.picker--districts summary'))).toBe(true);
  });
});

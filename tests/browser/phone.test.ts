// 375 px wide: no view scrolls sideways (wide tables scroll inside their own
// box), and every tab of the navigation is in sight, in both languages.
import { describe, expect, inject, it } from 'vitest';
import { chromiumSuite, settled, waitForApp } from '../helpers/browser.ts';

const base = inject('baseUrl');
const suite = chromiumSuite();
/** Each view, and what shows that its content (lazy chunk and data) is there. */
const VIEWS: [string, string][] = [
  ['compare', '[data-testid=compare-chart] svg path'],
  ['table', '[data-testid=data-grid] tbody tr'],
  ['district&district=changping', '.profile-card__rank'],
  ['map', '.tile-map a'],
  ['coverage', 'td.coverage__cell a'],
  ['sources', '.source-card'],
  ['methodology', 'tr[id^=indicator-]'],
  ['import', '[data-testid=import-file]'],
];

describe('a phone, 375 px wide', () => {
  for (const lang of ['zh', 'en']) {
    it(`no view is wider than the screen, and all eight tabs are visible (${lang})`, async () => {
      const { page } = await suite.open(base, { viewport: { width: 375, height: 740 }, deviceScaleFactor: 1 });
      for (const [v, ready] of VIEWS) {
        await page.goto(`${base}?view=${v}&lang=${lang}`);
        await waitForApp(page);
        await page.waitForSelector(ready, { state: 'attached', timeout: 15_000 });
        const width = await settled(() => page.evaluate(() => document.documentElement.scrollWidth), (w) => w <= 375, 2_000);
        expect(width, `${v}: page width`).toBeLessThanOrEqual(375);
        const tabs = await page.locator('.site-nav a').evaluateAll((as) =>
          as.map((a) => {
            const r = a.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return { text: a.textContent, left: r.left, right: r.right, onTop: !!hit && a.contains(hit) };
          }),
        );
        expect(tabs).toHaveLength(8);
        for (const tab of tabs) {
          expect(tab.left, `${v}: tab ${tab.text}`).toBeGreaterThanOrEqual(0);
          expect(tab.right, `${v}: tab ${tab.text}`).toBeLessThanOrEqual(375);
          expect(tab.onTop, `${v}: tab ${tab.text} is not covered`).toBe(true);
        }
      }
    });
  }
});

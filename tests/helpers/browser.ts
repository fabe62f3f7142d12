// Launching Debian's Chromium through playwright-core, and watching a page
// for console errors, uncaught exceptions and requests to other origins.
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  errors: string[];
  foreignRequests: string[];
}

/** A fresh context and page that records errors and requests leaving the base origin. */
export async function openPage(browser: Browser, base: string, opts: BrowserContextOptions = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
  const page = await context.newPage();
  const origin = base.startsWith('file:') ? 'file://' : new URL(base).origin;
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:') && !u.startsWith('about:')) foreignRequests.push(u);
  });
  return { page, context, errors, foreignRequests };
}

/** Waits until the compare chart (or another view's main content) has rendered. */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForSelector('main h2', { timeout: 20_000 });
}

/**
 * Polls until `read` gives a value that satisfies `ok` (or the timeout passes) and returns the last
 * value read. Playwright's count() and allTextContents() do not wait for lazy chunks and data files
 * the way textContent() waits for an element, so a bare read races the render.
 */
export async function settled<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout = 8_000): Promise<T> {
  const end = Date.now() + timeout;
  let v = await read();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    v = await read();
  }
  return v;
}

/** The locator's count once it equals `n`, or its last count after the timeout. */
export function countOf(loc: Locator, n: number): Promise<number> {
  return settled(() => loc.count(), (c) => c === n);
}

export function query(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/**
 * One Chromium for a test file, and after every test a check that the page it
 * opened logged no error and asked no other origin for anything.
 */
export function chromiumSuite(extraChecks: (w: Watched) => void = () => {}) {
  let browser: Browser | null = null;
  let current: Watched | null = null;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    if (!current) return;
    try {
      expect(current.errors).toEqual([]);
      expect(current.foreignRequests).toEqual([]);
      extraChecks(current);
    } finally {
      await current.context.close();
      current = null;
    }
  });
  return {
    get browser(): Browser {
      return browser!;
    },
    /** A fresh watched page; it is checked and closed after the test. */
    async open(base: string, opts: BrowserContextOptions = {}): Promise<Watched> {
      current = await openPage(browser!, base, opts);
      return current;
    },
  };
}

/** Imports a CSV through the Import view (as a user would) and waits until it is saved in the browser. */
export async function importCsv(page: Page, base: string, name: string, csv: string): Promise<void> {
  await page.goto(base + '?view=import');
  await waitForApp(page);
  await page.setInputFiles('[data-testid=import-file]', { name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.waitForSelector('[data-testid=import-accept]');
  await page.click('[data-testid=import-accept]');
  await page.waitForSelector('[data-testid=import-saved]');
}

/** The visible text of the compare chart's SVG (labels, axis names). */
export async function chartText(page: Page): Promise<string> {
  await page.waitForSelector('[data-testid=compare-chart] svg text');
  return (await page.locator('[data-testid=compare-chart] svg').textContent()) ?? '';
}

/** Clicks a download button and returns the file's name and text (BOM removed). */
export async function downloadText(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await dl.path();
  const { readFileSync } = await import('node:fs');
  return { name: dl.suggestedFilename(), text: readFileSync(path!, 'utf8').replace(/^\uFEFF/, '') };
}

// The in-browser measurements: headless Chromium through playwright-core,
// each run in a fresh context (cold HTTP cache), timings read from the page's
// own performance timeline.
//
//   time to first chart   navigation start → first performance.mark('bvd:chart')
//   interaction           the input event's timeStamp → the next 'bvd:chart' /
//                         'bvd:table' mark (the app marks each completed paint)
//   long tasks            PerformanceObserver('longtask', buffered) entries that
//                         overlap the measured interval: count, total, longest
//
// Page scripts are passed as strings: functions compiled by tsx can carry
// helper calls that do not exist in the page.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/helpers/browser.ts';
import { countBytes, type ByteCounts } from './bytes.ts';
import type { BenchServer } from './server.ts';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const INIT = `(() => {
  const b = (window.__bvd = { long: [], input: [], t0: 0, summaryAt: 0 });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  for (const type of ['change', 'click', 'input']) addEventListener(type, (e) => b.input.push([type, e.timeStamp]), true);
})();`;

/**
 * A second witness of chart paints: a mark each time a mutation lands in an
 * ECharts SVG that holds shapes. The app's own 'bvd:chart' mark is missed for
 * the first paint of every chart instance (echarts-for-react binds onEvents
 * after the first setOption, and ECharts fires 'finished' synchronously inside
 * it when animation is off), so chart times take whichever mark comes first.
 * Installed on chart pages only.
 */
const CHART_DOM = `(() => {
  const check = (records) => {
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      const host = el && el.closest('[_echarts_instance_]');
      if (host && host.querySelector('svg path')) { performance.mark('bench:chart-dom'); return; }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

export const CHART_MARKS = ['bvd:chart', 'bench:chart-dom'];

export interface LongTasks {
  count: number;
  totalMs: number;
  maxMs: number;
}

export interface Timed {
  ms: number;
  longTasks: LongTasks;
}

export interface PhaseResult extends Timed {
  /** Which mark ended the measurement. */
  via?: string;
  /** Time to each mark, when several are watched. */
  byMark?: Record<string, number | null>;
  /** What was requested before the mark (a page load: the document, and every resource whose request started before it). */
  bytes?: ByteCounts;
  /** A page load: everything it downloaded until the network had been quiet for half a second (what the whole view costs). */
  bytesSettled?: ByteCounts;
  note?: string;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

export async function openSession(browser: Browser, opts: { chartObserver?: boolean } = {}): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: INIT });
  if (opts.chartObserver) await context.addInitScript({ content: CHART_DOM });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}

async function longTasksBetween(page: Page, from: number, to: number): Promise<LongTasks> {
  const list = (await page.evaluate('window.__bvd.long')) as [number, number][];
  const hits = list.filter(([s, d]) => s + d > from && s < to);
  return {
    count: hits.length,
    totalMs: round(hits.reduce((n, [, d]) => n + d, 0)),
    maxMs: round(hits.reduce((n, [, d]) => Math.max(n, d), 0)),
  };
}

/**
 * Polls an expression from Node until it is truthy. (page.waitForFunction
 * evaluates its predicate in a way the app's Content-Security-Policy forbids;
 * page.evaluate is exempt.)
 */
export async function waitFor(page: Page, expr: string, timeoutMs: number, what = expr): Promise<void> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(expr)) return;
    if (performance.now() > until) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function round(n: number, d = 1): number {
  const f = 10 ** d;
  return Math.round(n * f) / f;
}

/** Time from `from` to the first entry of each mark (null: none yet). */
async function byMark(page: Page, marks: string[], from: number): Promise<Record<string, number | null>> {
  const out: Record<string, number | null> = {};
  for (const m of marks) {
    const t = (await page.evaluate(`(performance.getEntriesByName(${JSON.stringify(m)}).find((e) => e.startTime >= ${from}) || {}).startTime ?? null`)) as number | null;
    out[m] = t === null ? null : round(t - from);
  }
  return out;
}

/** JS: the earliest entry of any of the marks at or after time `t`, as [startTime, name], or null. */
function firstMark(marks: string[], t: string): string {
  return `(() => { let best = null; for (const n of ${JSON.stringify(marks)}) for (const e of performance.getEntriesByName(n)) if (e.startTime >= ${t} && (!best || e.startTime < best[0])) best = [e.startTime, n]; return best; })()`;
}

/** Navigates and waits for the first of the marks; the time is from navigation start. */
export async function loadUntilMark(
  s: Session,
  server: BenchServer,
  url: string,
  marks: string[],
  timeoutMs: number,
  ready = 'true',
): Promise<PhaseResult> {
  const before = server.sent.length;
  await s.page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  await waitFor(s.page, `${firstMark(marks, '0')} !== null && (${ready})`, timeoutMs, `a ${marks.join(' or ')} mark`);
  const [at, via] = (await s.page.evaluate(firstMark(marks, '0'))) as [number, string];
  // Requests the page started before the mark; the server may have sent more by the time the mark is seen.
  const started = (await s.page.evaluate(`performance.getEntriesByType('resource').filter((e) => e.startTime <= ${at}).map((e) => decodeURIComponent(new URL(e.name).pathname))`)) as string[];
  const sent = server.sent.slice(before);
  const pending = new Map<string, number>();
  for (const p of started) pending.set(p, (pending.get(p) ?? 0) + 1);
  const beforeMark = sent.filter((x, i) => {
    if (i === 0) return true; // the document
    const n = pending.get(x.path) ?? 0;
    if (n > 0) pending.set(x.path, n - 1);
    return n > 0;
  });
  const result = { ms: round(at), via, byMark: await byMark(s.page, marks, 0), longTasks: await longTasksBetween(s.page, 0, at), bytes: countBytes(beforeMark) };
  // Then what the rest of the view fetches on its own (lazy chunks, revalidation), until the network is quiet.
  let seen = server.sent.length;
  let quietSince = performance.now();
  const until = performance.now() + 5000;
  while (performance.now() < until && performance.now() - quietSince < 500) {
    await new Promise((r) => setTimeout(r, 50));
    if (server.sent.length !== seen) {
      seen = server.sent.length;
      quietSince = performance.now();
    }
  }
  return { ...result, bytesSettled: countBytes(server.sent.slice(before)) };
}

/**
 * Clears the marks, performs the action, and waits for the next mark. The time
 * runs from the first input event the action dispatched (change, click or input).
 */
export async function interact(
  s: Session,
  server: BenchServer,
  marks: string[],
  act: () => Promise<void>,
  timeoutMs: number,
  ready = 'true',
): Promise<PhaseResult> {
  const clear = marks.map((m) => `performance.clearMarks(${JSON.stringify(m)});`).join(' ');
  await s.page.evaluate(`(() => { ${clear} window.__bvd.input.length = 0; window.__bvd.t0 = performance.now(); })()`);
  const before = server.sent.length;
  await act();
  const start = '(window.__bvd.input.length ? Math.min(...window.__bvd.input.map((x) => x[1])) : window.__bvd.t0)';
  await waitFor(s.page, `${firstMark(marks, start)} !== null && (${ready})`, timeoutMs, `a new ${marks.join(' or ')} mark`);
  const [from, [to, via]] = (await s.page.evaluate(`[${start}, ${firstMark(marks, start)}]`)) as [number, [number, string]];
  const bytes = countBytes(server.sent.slice(before));
  return { ms: round(to - from), via, byMark: await byMark(s.page, marks, from), longTasks: await longTasksBetween(s.page, from, to), ...(bytes.requests > 0 ? { bytes } : {}) };
}

export interface ScrollResult {
  frames: number;
  frameMs: { median: number; p95: number; max: number };
  /** Frames slower than 1.5 × 16.7 ms. */
  slowFrames: number;
  longTasks: LongTasks;
  durationMs: number;
  scrolledPx: number;
  scrollHeightPx: number;
  reachedBottom: boolean;
  /** Most table rows in the DOM at once (windowing keeps this small). */
  maxRowsInDom: number;
  rowsReported: string;
}

/** Scrolls the data grid from top to bottom in `steps` scrollBy calls spread over `durationMs`, recording rAF deltas. */
export async function scrollGrid(s: Session, steps: number, durationMs: number): Promise<ScrollResult> {
  const r = (await s.page.evaluate(`new Promise((resolve) => {
    const el = document.querySelector('[data-testid=data-grid]');
    el.scrollTop = 0;
    const total = el.scrollHeight - el.clientHeight;
    const step = total / ${steps};
    const frames = [];
    let maxRows = 0, done = 0, last = 0, t0 = 0, nextAt = 0;
    const tick = (now) => {
      frames.push(now - last);
      last = now;
      maxRows = Math.max(maxRows, el.querySelectorAll('tbody tr').length);
      if (now >= nextAt && done < ${steps}) { el.scrollBy(0, step); done++; nextAt += ${durationMs / steps}; }
      if (done < ${steps} || now - t0 < ${durationMs} + 200) requestAnimationFrame(tick);
      else resolve({ frames, maxRows, scrolled: el.scrollTop, total: el.scrollHeight, atBottom: el.scrollTop + el.clientHeight >= el.scrollHeight - 2, t0, t1: now });
    };
    requestAnimationFrame((now) => { last = t0 = nextAt = now; requestAnimationFrame(tick); });
  })`)) as { frames: number[]; maxRows: number; scrolled: number; total: number; atBottom: boolean; t0: number; t1: number };
  const sorted = [...r.frames].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  const rowsReported = ((await s.page.textContent('section p.muted[aria-live=polite]').catch(() => '')) ?? '').trim();
  return {
    frames: r.frames.length,
    frameMs: { median: round(q(0.5)), p95: round(q(0.95)), max: round(sorted[sorted.length - 1] ?? 0) },
    slowFrames: r.frames.filter((f) => f > 25).length,
    longTasks: await longTasksBetween(s.page, r.t0, r.t1),
    durationMs: round(r.t1 - r.t0),
    scrolledPx: Math.round(r.scrolled),
    scrollHeightPx: Math.round(r.total),
    reachedBottom: r.atBottom,
    maxRowsInDom: r.maxRows,
    rowsReported,
  };
}

export interface ImportRun {
  ms: number;
  longTasks: LongTasks;
  summary: string;
}

/** Imports a CSV on the import page: from the file input's change event to the summary's appearance. */
export async function importFile(s: Session, baseUrl: string, file: string, timeoutMs: number): Promise<ImportRun> {
  await s.page.goto(`${baseUrl}?view=import`, { timeout: timeoutMs });
  await s.page.waitForSelector('[data-testid=import-file]', { state: 'attached', timeout: timeoutMs });
  await s.page.evaluate(`(() => {
    const b = window.__bvd; b.input.length = 0; b.summaryAt = 0;
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid=import-summary]')) { b.summaryAt = performance.now(); obs.disconnect(); }
    }).observe(document.body, { childList: true, subtree: true });
  })()`);
  await s.page.setInputFiles('[data-testid=import-file]', file);
  await s.page.waitForSelector('[data-testid=import-summary]', { timeout: timeoutMs });
  const [from, to] = (await s.page.evaluate(
    `(() => { const b = window.__bvd; const c = b.input.filter((x) => x[0] === 'change'); return [c.length ? c[0][1] : 0, b.summaryAt]; })()`,
  )) as [number, number];
  const summary = ((await s.page.textContent('[data-testid=import-summary]')) ?? '').trim();
  return { ms: round(to - from), longTasks: await longTasksBetween(s.page, from, to), summary };
}

// Security: the built site runs under a strict Content-Security-Policy (no
// inline script, no eval, no other origin), and data that tries to become
// markup, script, an ECharts template or a spreadsheet formula is shown as
// text everywhere and exported inertly.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSuite, waitForApp, type Watched } from '../helpers/browser.ts';
import { ROOT } from '../helpers/dataset.ts';
import {
  buildHostileSite,
  csvText,
  DISTRICT_ITEMS,
  formulaCells,
  HOSTILE,
  LONG,
  MIX,
  parseCsvCells,
  writeHostileProject,
  type HostileProject,
} from '../helpers/hostile.ts';
import { serveDir, type StaticServer } from '../helpers/static-server.ts';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; " +
  "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";
const VIEWS = ['compare', 'table', 'district', 'map', 'coverage', 'sources', 'methodology', 'import'] as const;

/** Every request any page of this file made, by the origin the page was opened on. */
const requests: { origin: string; url: string }[] = [];
const dialogs: string[] = [];
const suite = chromiumSuite(() => {
  expect(dialogs, 'a dialog opened: some text ran as script').toEqual([]);
  const foreign = requests.filter((r) => !r.url.startsWith(r.origin) && !/^(data|blob):/.test(r.url));
  expect(foreign, 'requests to another origin').toEqual([]);
});
/** The page the current test opened (the suite checks and closes it). */
let w: Watched | null = null;

/** A watched page that also records every request of its context (workers included) and any dialog. */
async function open(site: string, opts: Parameters<typeof suite.open>[1] = {}): Promise<Page> {
  w = await suite.open(site, opts);
  const origin = new URL(site).origin + '/';
  const record = (ctx: BrowserContext) => ctx.on('request', (r) => requests.push({ origin, url: r.url() }));
  record(w.context);
  w.page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return w.page;
}

async function download(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const failure = await dl.failure();
  expect(failure, `download from ${selector} failed`).toBeNull();
  return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

/** Waits for what a view draws once its data has arrived. */
async function waitForView(page: Page, view: string, search = '') {
  await waitForApp(page);
  const ready: Record<string, string> = {
    compare: '[data-testid=compare-chart] svg path',
    table: '[data-testid=data-grid] tbody tr',
    district: '.profile-card',
    map: '.tile-map a',
    coverage: 'td.coverage__cell a',
    sources: search.includes('src=') ? '[data-testid=source-text] span' : '.source-card',
    methodology: 'tr[id^=indicator-]',
    import: '[data-testid=import-file]',
  };
  await page.waitForSelector(ready[view]!, { state: 'attached', timeout: 20_000 });
  if (search.includes('obs=')) await page.waitForSelector('[data-testid=quote-mark]');
}

/** An observation id of a report, read from a built data folder. */
function observationId(dataDir: string, district: string, pick: (row: unknown[]) => boolean): string {
  const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8'));
  const file = JSON.parse(readFileSync(join(dataDir, JSON.parse(readFileSync(join(dataDir, manifest.files.index), 'utf8')).districts[district]), 'utf8'));
  const row = (file.rows as unknown[][]).find(pick);
  if (!row) throw new Error(`no matching observation of ${district} in ${dataDir}`);
  return row[0] as string;
}

// ---------------------------------------------------------------------------

describe('Content-Security-Policy', () => {
  let site: StaticServer;
  beforeAll(async () => {
    site = await serveDir(join(ROOT, 'dist'), { headers: { 'Content-Security-Policy': CSP } });
  });
  afterAll(async () => site?.close());

  async function openCsp(): Promise<Page> {
    const page = await open(site.url, { acceptDownloads: true });
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
      );
    });
    return page;
  }

  /** Violations seen by the document, plus console messages about the policy. */
  async function violations(page: Page): Promise<string[]> {
    const fromEvents = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    const fromConsole = w!.errors.filter((e) => /Content Security Policy|Content-Security-Policy/i.test(e));
    return [...fromEvents, ...fromConsole];
  }

  it('the policy is really enforced (eval and injected inline script are refused)', async () => {
    const page = await openCsp();
    await page.goto(site.url);
    await waitForApp(page);
    // Run from a timer: code evaluated by the DevTools protocol itself is exempt from the eval ban.
    const evalResult = await page.evaluate(
      () =>
        new Promise<string>((done) =>
          setTimeout(() => {
            try {
              done(String((0, eval)('1 + 1')));
            } catch (e) {
              done((e as Error).name);
            }
          }),
        ),
    );
    expect(evalResult).toBe('EvalError');
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.head.append(s);
    });
    await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0);
    expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
    // This page provoked violations on purpose: they are not the app's errors.
    w!.errors.length = 0;
  });

  it('the built HTML has no inline script, no inline handler and no eval in its scripts', () => {
    const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      // The default view's data block is JSON, which no browser runs; every other script has a src.
      if (/\stype="application\/json"/.test(attrs!)) {
        expect(attrs!.trim()).toBe('type="application/json" id="bvd-boot"');
        expect(() => JSON.parse(body!)).not.toThrow();
        expect(body).not.toMatch(/<\/?script|<!--/i);
        continue;
      }
      expect(attrs, 'every script has a src').toMatch(/\ssrc=/);
      expect(body!.trim()).toBe('');
    }
    expect(scripts.some(([, attrs]) => /\ssrc=/.test(attrs!)), 'the app has its script').toBe(true);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('every view renders with nothing blocked', async () => {
    const dist = join(ROOT, 'dist/data');
    const obs = observationId(dist, 'changping', (r) => r[8] === 'changping-2023' && r[16] !== null);
    const page = await openCsp();
    for (const view of VIEWS) {
      for (const lang of ['', '&lang=en']) {
        const search = `?view=${view}${lang}`;
        await page.goto(site.url + search);
        await waitForView(page, view, search);
        expect(await violations(page), search).toEqual([]);
      }
    }
    const viewer = `?view=sources&src=changping-2023&obs=${obs}`;
    await page.goto(site.url + viewer);
    await waitForView(page, 'sources', viewer);
    expect(await violations(page), viewer).toEqual([]);
    // The embed, which a host page frames.
    await page.goto(site.url + '?ind=intake&embed=1&etable=1');
    await page.waitForSelector('[data-testid=compare-chart] svg path', { state: 'attached' });
    expect(await violations(page), 'embed').toEqual([]);
  });

  it('the chart renders, its tooltip opens, and PNG and SVG exports download', async () => {
    const page = await openCsp();
    await page.goto(site.url + '?ind=intake&year=2020');
    await waitForView(page, 'compare');
    const paths = await page.locator('[data-testid=compare-chart] svg path').count();
    expect(paths).toBeGreaterThan(5);
    const bars = await barPaths(page);
    expect(bars.length).toBeGreaterThan(0);
    expect(await hoverTooltip(page, bars[0]!)).not.toBe('');
    await page.click('[data-testid=export-open]');
    await page.waitForSelector('[data-testid=export-panel]');
    const png = await download(page, '[data-testid=png-slide169]');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.bytes.length).toBeGreaterThan(10_000);
    const svg = await download(page, '[data-testid=svg-slide169]');
    expect(svg.bytes.toString('utf8')).toContain('<svg');
    await download(page, '[data-testid=export-csv]');
    await download(page, '[data-testid=export-json]');
    expect(await page.locator('[data-testid=export-panel] [role=alert]').count()).toBe(0);
    expect(await violations(page)).toEqual([]);
  });

  it('the import runs its worker and reads report texts under the policy', async () => {
    const page = await openCsp();
    await page.goto(site.url + '?view=import');
    await waitForView(page, 'import');
    await page.setInputFiles('[data-testid=import-file]', join(ROOT, 'tests/fixtures/import/rows.csv'));
    await page.waitForSelector('[data-testid=import-summary]');
    expect(await violations(page)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------

const CHART_PATHS = '[data-testid=compare-chart] svg path';

/** Indices (among the chart's SVG paths) of the drawn bars or points: filled paths of a sensible size. */
async function barPaths(page: Page): Promise<number[]> {
  return page.locator('[data-testid=compare-chart] svg').evaluate((svg) => {
    const frame = svg.getBoundingClientRect();
    const out: number[] = [];
    svg.querySelectorAll('path').forEach((p, i) => {
      const fill = p.getAttribute('fill');
      if (!fill || fill === 'none' || p.closest('defs, pattern, clipPath')) return;
      const r = p.getBoundingClientRect();
      if (r.width < 4 || r.height < 4 || r.width > frame.width * 0.95 || r.height > frame.height * 0.9) return;
      out.push(i);
    });
    return out;
  });
}

/** Moves the mouse to the centre of a bar or point (scrolled into view) and returns the tooltip's text ('' if none opened). */
async function hoverTooltip(page: Page, index: number): Promise<string> {
  await page.mouse.move(1, 1);
  await page.locator(CHART_PATHS).nth(index).hover({ force: true, timeout: 5000 });
  return page
    .waitForFunction(
      () => {
        const el = document.querySelector('[data-testid=compare-chart] .obs-details');
        const box = el?.parentElement;
        return el && box && getComputedStyle(box).display !== 'none' && getComputedStyle(box).opacity !== '0' ? el.textContent : false;
      },
      undefined,
      { timeout: 3000 },
    )
    .then((h) => h.jsonValue() as Promise<string>)
    .catch(() => '');
}

/** Everything that would mean some data ran as code or became markup; [] when clean. */
async function injectionSigns(page: Page, appScripts: string[]): Promise<string[]> {
  return page.evaluate((own) => {
    const bad: string[] = [];
    const win = window as unknown as { __pwned?: unknown };
    if (win.__pwned !== undefined) bad.push(`window.__pwned = ${String(win.__pwned)}`);
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) bad.push(`<${el.localName} ${a.name}="${a.value.slice(0, 60)}">`);
        if (/^(href|src|xlink:href|action|formaction|data|srcdoc)$/i.test(a.name) && /^javascript:/i.test(a.value.replace(/[\u0000-\u0020]/g, ''))) {
          bad.push(`<${el.localName} ${a.name}="${a.value.slice(0, 60)}">`);
        }
      }
    }
    for (const s of document.querySelectorAll('script')) {
      const key = s.src || `inline: ${s.textContent?.slice(0, 60)}`;
      if (!own.includes(key)) bad.push(`<script> ${key}`);
    }
    if (document.querySelector('img[src="x"]')) bad.push('<img src="x">');
    for (const b of document.querySelectorAll('b')) if (b.textContent === 'x') bad.push('<b>x</b> became markup');
    for (const s of document.querySelectorAll('svg')) if (s.getAttribute('onload') !== null) bad.push('<svg onload>');
    if (document.querySelector('iframe, object, embed')) bad.push('an iframe/object/embed element');
    return bad;
  }, appScripts);
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('hostile data', () => {
  let tmp: string;
  let project: HostileProject;
  let dist: string;
  let site: StaticServer;
  let appScripts: string[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'bvd-hostile-'));
    project = writeHostileProject(tmp);
    dist = buildHostileSite(tmp); // throws with the build's problems if the project does not build cleanly
    // No CSP header here, and the pages bypass the CSP <meta>: anything that became script would run and be caught.
    site = await serveDir(dist);
  });
  afterAll(async () => {
    await site?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function openHostile(search: string, opts: Parameters<typeof suite.open>[1] = {}): Promise<Page> {
    // The built page carries a CSP <meta> that would stop injected script from running; bypass it so
    // that escaping is tested on its own (the CSP is a second line of defence, tested above).
    const page = await open(site.url, { bypassCSP: true, ...opts });
    await page.goto(site.url + search);
    await waitForApp(page);
    appScripts = await page.evaluate(() => [...document.scripts].map((s) => s.src || `inline: ${s.textContent?.slice(0, 60)}`));
    return page;
  }

  async function expectClean(page: Page, where: string) {
    expect(await injectionSigns(page, appScripts), where).toEqual([]);
  }

  /** The page's text (SVG text included) holds each string verbatim. */
  async function expectShown(page: Page, where: string, strings: string[], scope = 'body') {
    const text = await page.locator(scope).first().evaluate((e) => e.textContent ?? '');
    const missing = strings.filter((s) => !text.includes(s)).map((s) => JSON.stringify(s.slice(0, 80)));
    expect(missing, `${where}: not shown verbatim`).toEqual([]);
  }

  const DATA_DISTRICTS = ['changping', 'chaoyang', 'fangshan', 'huairou', 'xicheng'];

  it('every view, in both languages, shows the hostile text as text and runs none of it', async () => {
    const e = project.expect;
    const page = await openHostile('');
    for (const lang of ['zh', 'en'] as const) {
      const q = lang === 'en' ? '&lang=en' : '';
      const names = (ids: string[]) => ids.map((d) => e.districtName(d, lang));
      const checks: [view: string, search: string, shown: string[], scope?: string][] = [
        ['compare', '?view=compare&ind=intake', [e.indicatorName('intake', lang), ...names(['changping', 'chaoyang', 'xicheng']), e.sourceTitle('xicheng-2020', lang)]],
        ['compare', '?view=compare&ind=further_study_rate', [...names(['changping', 'huairou']), MIX]],
        // Names drawn by ECharts (axis labels, line end labels) must be verbatim too: no rich text, no {a} {b} templates.
        ['compare', '?view=compare&ind=intake', names(['changping', 'chaoyang', 'fangshan', 'xicheng']), '[data-testid=compare-chart] svg'],
        ['compare', '?view=compare&ind=intake&chart=line', names(['changping', 'chaoyang', 'fangshan', 'xicheng']), '[data-testid=compare-chart] svg'],
        ['compare', '?view=compare&ind=further_study_rate&chart=line', names(['changping', 'huairou']), '[data-testid=compare-chart] svg'],
        ['table', '?view=table&ind=intake', [e.indicatorName('intake', lang), ...names(['changping', 'chaoyang', 'xicheng'])]],
        ['table', '?view=table&table=indicators&year=2022', [e.indicatorName('intake', lang), e.indicatorName('dual_teacher_share', lang)]],
        ['district', '?view=district&district=changping', [e.districtName('changping', lang), MIX, e.sourceTitle('changping-2023', lang), e.indicatorName('intake', lang)]],
        ['map', '?view=map&ind=intake', names(Object.keys(DISTRICT_ITEMS))],
        ['coverage', '?view=coverage', [...names(Object.keys(DISTRICT_ITEMS)), e.indicatorName('schools', lang), e.indicatorName('intake', lang)]],
        ['sources', '?view=sources', [...DATA_DISTRICTS.map((d) => e.sourceTitle(`${d}-${{ changping: 2023, chaoyang: 2022, fangshan: 2019, huairou: 2023, xicheng: 2020 }[d]}`, lang)), MIX]],
        ['methodology', '?view=methodology', [e.indicatorName('schools', lang), MIX, ...(lang === 'zh' ? [LONG] : [])]],
        ['import', '?view=import', []],
      ];
      if (lang === 'zh') checks.push(['district', '?view=district&district=changping', [LONG]]);
      for (const [view, search, strings, scope] of checks) {
        await page.goto(site.url + search + q);
        await waitForView(page, view, search);
        await expectClean(page, search + q);
        await expectShown(page, search + q, strings, scope ?? 'main');
      }
    }
    // Every single hostile string is shown somewhere as it is (coverage lists every district by name).
    await page.goto(site.url + '?view=coverage');
    await waitForView(page, 'coverage');
    await expectShown(page, 'coverage', Object.values(HOSTILE), 'main');
  }, 150_000);

  it('the source viewer shows hostile quotes, locators and periods as text, the 1,500-character quote highlighted', async () => {
    const lq = project.expect.longQuote;
    const id = observationId(join(dist, 'data'), lq.district, (r) => r[10] === lq.quote);
    const page = await openHostile(`?view=sources&src=${lq.source}&obs=${id}`);
    await waitForView(page, 'sources', `?src=x&obs=${id}`);
    const mark = squash((await page.locator('[data-testid=quote-mark]').allTextContents()).join(''));
    expect(mark).toBe(squash(lq.quote));
    await expectShown(page, 'viewer', [LONG, MIX], 'main');
    await expectClean(page, 'viewer');
    // Every value listed beside the report opens its own hostile passage.
    const links = page.locator('.source-viewer__values a');
    const n = await links.count();
    expect(n).toBeGreaterThan(20);
    for (let i = 0; i < n; i += 7) {
      await links.nth(i).click();
      await page.waitForSelector('[data-testid=selected-obs]');
      await expectClean(page, `viewer value ${i}`);
      const selected = (await page.locator('[data-testid=selected-obs]').textContent()) ?? '';
      // The locator and the period carry hostile strings: shown as they are.
      expect(Object.values(HOSTILE).some((h) => selected.includes(h)), `selected value ${i}: ${selected.slice(0, 120)}`).toBe(true);
    }
  }, 90_000);

  it('chart tooltips over every bar and point show hostile names, quotes and notes as text', async () => {
    const page = await openHostile('?ind=intake');
    const seen: string[] = [];
    for (const search of ['?ind=intake', '?ind=further_study_rate&ref=m,g,k', '?ind=intake&chart=line', '?ind=dual_teacher_share&lang=en']) {
      await page.goto(site.url + search);
      await waitForView(page, 'compare');
      const bars = await barPaths(page);
      expect(bars.length, `${search}: bars or points found`).toBeGreaterThan(1);
      for (const i of bars.slice(0, 40)) {
        const tip = await hoverTooltip(page, i);
        expect(tip, `${search}: no tooltip over path ${i}`).not.toBe('');
        seen.push(tip);
        await expectClean(page, `${search} tooltip over path ${i}`);
      }
      await page.mouse.move(1, 1);
    }
    expect(seen.length).toBeGreaterThan(4);
    const all = seen.join('\n');
    // District names (the title), the quote's hostile prefix and the notes all appear verbatim.
    for (const d of ['changping', 'chaoyang', 'xicheng']) expect(all).toContain(project.expect.districtName(d, 'zh'));
    expect(all).toContain(HOSTILE.formula);
    expect(all).toContain(HOSTILE.script);
  }, 150_000);

  it('every table cell opens its source viewer, and every chart data-table link too', async () => {
    const page = await openHostile('?view=table&ind=intake');
    for (const search of ['?view=table&ind=intake', '?view=table&ind=further_study_rate&lang=en', '?ind=intake&year=2020']) {
      await page.goto(site.url + search);
      const isTable = search.includes('view=table');
      await waitForView(page, isTable ? 'table' : 'compare');
      if (!isTable) await page.locator('.data-table summary').click();
      const sel = isTable ? '[data-testid=data-grid] tbody td a' : '.data-table tbody a';
      const n = await page.locator(sel).count();
      expect(n, `${search}: cell links`).toBeGreaterThan(1);
      for (let i = 0; i < n; i++) {
        await page.goto(site.url + search);
        await waitForView(page, isTable ? 'table' : 'compare');
        if (!isTable) await page.locator('.data-table summary').click();
        await page.locator(sel).nth(i).click();
        await page.waitForSelector('[data-testid=selected-obs]');
        await page.waitForSelector('[data-testid=source-text] span');
        await expectClean(page, `${search} cell ${i}`);
      }
    }
  }, 150_000);

  it('exports: the SVG is well-formed XML with no script or handler, the CSV neutralises formulas', async () => {
    const page = await openHostile('?ind=intake', { acceptDownloads: true });
    await waitForView(page, 'compare');
    await page.click('[data-testid=export-open]');
    await page.waitForSelector('[data-testid=export-panel]');
    await expectClean(page, 'export panel');

    const svg = (await download(page, '[data-testid=svg-slide169]')).bytes.toString('utf8');
    expect(svg).not.toMatch(/<script/i);
    const parsed = await page.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
      const err = doc.querySelector('parsererror')?.textContent ?? null;
      const handlers: string[] = [];
      for (const el of doc.querySelectorAll('*')) for (const a of el.attributes) if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) handlers.push(`${el.localName} ${a.name}`);
      return { err, handlers, scripts: doc.querySelectorAll('script').length, text: doc.documentElement.textContent ?? '' };
    }, svg);
    const badChars = [...new Set([...svg].filter((c) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(c)).map((c) => `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`))];
    // Soft: each export problem is reported on its own.
    expect.soft(parsed.err, `the exported SVG is not well-formed XML (control characters not allowed in XML 1.0: ${badChars.join(' ') || 'none'})`).toBeNull();
    expect(parsed.handlers).toEqual([]);
    expect(parsed.scripts).toBe(0);
    expect(parsed.text).toContain(project.expect.districtName('changping', 'zh'));

    // The PNG is drawn from that SVG: it must still work.
    const png = Promise.race([
      page.waitForEvent('download', { timeout: 20_000 }).then(() => 'downloaded'),
      page.waitForSelector('[data-testid=export-panel] [role=alert]', { timeout: 20_000 }).then(async (e) => `error: ${await e.textContent()}`),
    ]);
    await page.click('[data-testid=png-slide169]');
    expect.soft(await png, 'the PNG export (drawn from the same SVG) fails').toBe('downloaded');

    // CSV: every cell a spreadsheet would evaluate (= + - @, tab, CR) must be neutralised.
    const csv = (await download(page, '[data-testid=export-csv]')).bytes.toString('utf8');
    const rows = parseCsvCells(csv);
    expect(rows.length).toBeGreaterThan(2);
    const header = rows[0]!;
    const live = formulaCells(rows.slice(1)).map((c) => ({ ...c, row: c.row + 1, column: header[c.col - 1] }));
    // The bundled dataset download goes through the same writer.
    const manifest = JSON.parse(readFileSync(join(dist, 'data/manifest.json'), 'utf8'));
    const dataset = parseCsvCells(readFileSync(join(dist, 'data', manifest.files.csv), 'utf8'));
    const liveDataset = formulaCells(dataset.slice(1)).map((c) => ({ ...c, row: c.row + 1, column: dataset[0]![c.col - 1] }));
    const summary = (l: typeof live) => [...new Set(l.map((c) => c.column))].join(', ');
    expect.soft(
      { exported: live.length, dataset: liveDataset.length },
      `formula cells left live — export columns: ${summary(live)}; dataset columns: ${summary(liveDataset)}; e.g. ${JSON.stringify(live[0] ?? liveDataset[0])}. ` +
        `Papa.unparse's escapeFormulae regex /^[=+\\-@\\t\\r].*$/ does not match a cell containing a line break (CR, LF, U+2028/9), so such cells are written unguarded.`,
    ).toEqual({ exported: 0, dataset: 0 });
  }, 90_000);

  it('an imported CSV with hostile cells is judged, accepted and shown as text everywhere', async () => {
    const header = ['district', 'year', 'period', 'indicator', 'value', 'basis', 'scope', 'source', 'locator', 'quote', 'flags', 'note_zh', 'note_en'];
    const ids = ['haidian', 'dongcheng', 'fengtai', 'shijingshan', 'tongzhou', 'shunyi', 'daxing', 'pinggu', 'yanqing', 'miyun', 'mentougou'];
    const items = Object.values(HOSTILE);
    const rows: Record<string, string>[] = [];
    // The first row pushes the rest past the first 4 KiB, where U+0000–U+0008 would mark the file as binary
    // (three long cells, since none may pass 2,000 characters).
    rows.push({ district: 'haidian', year: '2022', indicator: 'intake', value: '1200', note_zh: LONG, note_en: LONG, quote: `${HOSTILE.img} ${LONG} 招生人数 1200 人`, locator: HOSTILE.svg, source: HOSTILE.script, period: HOSTILE.rich });
    ids.slice(1).forEach((d, i) => {
      const h = items[i % items.length]!;
      const v = String(1300 + i * 17);
      rows.push({ district: d, year: '2022', indicator: 'intake', value: v, period: h, source: items[(i + 3) % items.length]!, locator: items[(i + 1) % items.length]!, quote: `${items[(i + 2) % items.length]} 招生人数 ${v} 人`, note_zh: MIX, note_en: h });
    });
    // A refused row with hostile cells, for the download of refusals.
    rows.push({ district: 'haidian', year: '2021', indicator: 'intake', value: HOSTILE.formula, note_zh: MIX, quote: HOSTILE.minus });
    const page = await openHostile('?view=import', { acceptDownloads: true });
    await waitForView(page, 'import');
    await page.setInputFiles('[data-testid=import-file]', { name: `"><img src=x onerror="window.__pwned=5">.csv`, mimeType: 'text/csv', buffer: Buffer.from(csvText(header, rows)) });
    await page.waitForSelector('[data-testid=import-summary]');
    await expectClean(page, 'import judged');
    const rejections = await page.locator('.import-rejections tbody tr').allTextContents();
    expect(rejections, 'only the deliberately bad row is refused').toHaveLength(1);
    const refused = (await download(page, '[data-testid=download-rejected]')).bytes.toString('utf8');
    const liveRefused = formulaCells(parseCsvCells(refused).slice(1));
    await page.click('[data-testid=import-accept]');
    await page.waitForSelector('[data-testid=import-saved]');
    await expectClean(page, 'import accepted');
    await expectShown(page, 'import list', [`"><img src=x onerror="window.__pwned=5">.csv`], 'main');

    await page.goto(site.url + '?ind=intake&year=2022');
    await waitForView(page, 'compare');
    await expectClean(page, 'compare with imports');
    await expectShown(page, 'compare with imports', ids.map((d) => project.expect.districtName(d, 'zh')), '[data-testid=compare-chart]');
    await page.locator('.data-table summary').click();
    await expectShown(page, 'data table of imports', [HOSTILE.svg, HOSTILE.textarea], '.data-table');
    const tips: string[] = [];
    for (const i of (await barPaths(page)).slice(0, 20)) {
      tips.push(await hoverTooltip(page, i));
      await expectClean(page, 'tooltip of an imported bar');
    }
    expect(tips.join('\n')).toContain(HOSTILE.img); // the quote, as text

    await page.goto(site.url + '?view=table&ind=intake');
    await waitForView(page, 'table');
    await expectClean(page, 'table with imports');
    await expectShown(page, 'table with imports', ids.map((d) => project.expect.districtName(d, 'zh')), 'main');
    // A cell citing the hostile "source" opens the viewer, which says there is no such report.
    await page.locator('[data-testid=data-grid] tbody tr', { hasText: project.expect.districtName('haidian', 'zh') }).locator('td a').first().click();
    await page.waitForSelector('main [role=alert]');
    await expectShown(page, 'unknown source', [HOSTILE.script], 'main');
    await expectClean(page, 'unknown source');

    expect(liveRefused, 'the download of refused rows leaves formula cells live').toEqual([]);
  }, 120_000);
});

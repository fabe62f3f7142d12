// npm run bench: data build and in-browser performance at several scales.
//
//   tsx scripts/bench/run.ts [--scales S,M,L,T10k] [--runs 5] [--no-import] [--keep]
//                            [--build-timeout SEC] [--build-heap MB] [--timeout SEC] [--results DIR]
//
// --scales   which scales, comma-separated (default: S,M,L,T10k). A synthetic
//            scale takes a unit count to run reduced, e.g. L:300 (results "L-300").
// --runs     browser runs per measurement; medians are reported (default 5).
// --no-import  skip the import measurements (100,000 valid rows; one row 166,400 times; with S).
// --results DIR  where the JSON goes (default bench/results).
// --keep     keep the generated projects and built data under bench/tmp/.
// --reuse    measure the browser on data kept by an earlier --keep run (no build figures).
// --build-timeout  seconds allowed for each data build (default per scale; L 1200).
// --build-heap MB  run the data build with node --max-old-space-size=MB (default 512,
//            as npm run data does).
// --timeout  seconds allowed for each page wait (default 180).
//
// Writes bench/results/<scale>.json as each scale finishes, and
// bench/results/summary.json with the machine's description; prints a table.
// A scale whose build or page fails is recorded as failed; the others go on.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, platform } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { CHART_MARKS, importFile, interact, launchBrowser, loadUntilMark, openSession, round, scrollGrid, type ImportRun, type PhaseResult, type ScrollResult, type Session } from './browser.ts';
import { injectBoot } from '../lib/boot-html.ts';
import { measureBuild, ROOT, type BuildResult } from './build.ts';
import { bundleReport } from './bundle.ts';
import { gzipSize, type ByteCounts } from './bytes.ts';
import { generateProject, type GenerateSummary } from './generate.ts';
import { writeImportCsv } from './import-csv.ts';
import { resolveScale, type ScaleDef } from './scales.ts';
import { startServer, type BenchServer } from './server.ts';

const DEFAULT_INDICATOR = 'dual_teacher_share';
const TMP = join(ROOT, 'bench/tmp');

// ---------- arguments

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(name);
const scaleTokens = (arg('--scales') ?? 'S,M,L,T10k').split(',').map((s) => s.trim()).filter(Boolean);
const RUNS = Math.max(1, Number(arg('--runs') ?? 5));
const PAGE_TIMEOUT = Number(arg('--timeout') ?? 180) * 1000;
const BUILD_TIMEOUT = arg('--build-timeout') ? Number(arg('--build-timeout')) : null;
const RESULTS = resolve(arg('--results') ?? join(ROOT, 'bench/results'));
const BUILD_HEAP = arg('--build-heap') ? Number(arg('--build-heap')) : 512; // as npm run data
const KEEP = flag('--keep');
const REUSE = flag('--reuse');
const WITH_IMPORT = !flag('--no-import');
const scales = scaleTokens.map(resolveScale);

// ---------- statistics

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return round(s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2);
}

interface PhaseSummary {
  runs: number;
  failed: number;
  ms: number | null;
  msSamples: number[];
  /** Medians over the runs; worstMs: the longest task of any run. */
  longTasks: { count: number | null; totalMs: number | null; maxMs: number | null; worstMs: number | null };
  bytes?: ByteCounts;
  bytesSettled?: ByteCounts;
  /** How many runs ended on each mark (the app's own, or the bench's DOM witness). */
  via?: Record<string, number>;
  /** Median time to each mark, where it came. */
  byMark?: Record<string, number | null>;
  errors?: string[];
}

function tally(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

type Sample = PhaseResult | { error: string };
const isOk = (s: Sample): s is PhaseResult => !('error' in s);

function summarise(samples: Sample[]): PhaseSummary {
  const ok = samples.filter(isOk);
  const errors = [...new Set(samples.filter((s): s is { error: string } => !isOk(s)).map((s) => s.error))];
  const bytes = ok.find((s) => s.bytes)?.bytes;
  const bytesSettled = ok.find((s) => s.bytesSettled)?.bytesSettled;
  return {
    runs: samples.length,
    failed: samples.length - ok.length,
    ms: median(ok.map((s) => s.ms)),
    msSamples: ok.map((s) => s.ms),
    longTasks: {
      count: median(ok.map((s) => s.longTasks.count)),
      totalMs: median(ok.map((s) => s.longTasks.totalMs)),
      maxMs: median(ok.map((s) => s.longTasks.maxMs)),
      worstMs: ok.length ? Math.max(...ok.map((s) => s.longTasks.maxMs)) : null,
    },
    ...(bytes ? { bytes } : {}),
    ...(bytesSettled ? { bytesSettled } : {}),
    ...(ok.some((s) => s.via) ? { via: tally(ok.map((s) => s.via ?? '')) } : {}),
    ...(ok.some((s) => s.byMark) ? { byMark: Object.fromEntries(Object.keys(ok[0]?.byMark ?? {}).map((k) => [k, median(ok.map((s) => s.byMark?.[k]).filter((v): v is number => v != null))])) } : {}),
    ...(errors.length ? { errors } : {}),
  };
}

const ratio = (a: number | null | undefined, b: number | null | undefined) => (a != null && b ? round(a / b, 2) : null);

function pairedRatio(app: Sample[], base: Sample[]): number | null {
  const rs = app.flatMap((a, i) => {
    const b = base[i];
    return a && b && isOk(a) && isOk(b) && b.ms > 0 ? [a.ms / b.ms] : [];
  });
  const m = median(rs.map((r) => r * 1000));
  return m === null ? null : round(m / 1000, 2);
}

function shortError(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 300);
}

async function attempt(fn: () => Promise<PhaseResult>): Promise<Sample> {
  try {
    return await fn();
  } catch (e) {
    return { error: shortError(e) };
  }
}

// ---------- building the pages

async function buildApp(outDir: string): Promise<string | null> {
  try {
    rmSync(outDir, { recursive: true, force: true });
    await viteBuild({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
    // public/ holds the real data built by `npm run data`; each scale mounts its own at /data/.
    rmSync(join(outDir, 'data'), { recursive: true, force: true });
    return null;
  } catch (e) {
    return shortError(e);
  }
}

async function buildBaseline(outDir: string): Promise<string | null> {
  try {
    rmSync(outDir, { recursive: true, force: true });
    await viteBuild({
      root: join(ROOT, 'scripts/bench/baseline'),
      configFile: false,
      base: './',
      publicDir: false,
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, target: 'es2022' },
    });
    return null;
  } catch (e) {
    return shortError(e);
  }
}

// ---------- one scale in the browser

interface Manifest {
  counts: { observations: number; byIndicator: Record<string, number>; byDistrict: Record<string, number> };
  files: { indicators: Record<string, string> };
}

/** The indicator to switch to: the one with most rows besides the default. */
function otherIndicator(m: Manifest): string | null {
  const ids = Object.keys(m.files.indicators).filter((i) => i !== DEFAULT_INDICATOR);
  ids.sort((a, b) => (m.counts.byIndicator[b] ?? 0) - (m.counts.byIndicator[a] ?? 0) || (a < b ? -1 : 1));
  return ids[0] ?? null;
}

function indicatorFile(out: string, m: Manifest): { rows: number; raw: number; gzip: number } | null {
  const path = m.files.indicators[DEFAULT_INDICATOR];
  if (!path) return null;
  const file = join(out, path);
  return { rows: m.counts.byIndicator[DEFAULT_INDICATOR] ?? 0, raw: statSync(file).size, gzip: gzipSize(file) };
}

const GRID_READY = "!!document.querySelector('[data-testid=data-grid] tbody tr')";

async function close(s: Session | null) {
  await s?.context.close().catch(() => undefined);
}

interface AppRun {
  compareLoad: Sample;
  compareIndicator: Sample;
  compareDistricts: Sample;
  tableLoad: Sample;
  tableIndicator: Sample;
  tableFilter: Sample;
  baselineLoad: Sample;
}

async function appRun(browser: Browser, server: BenchServer, other: string, errors: Set<string>): Promise<AppRun> {
  const base = server.url;
  const skipped = { error: 'skipped: an earlier step on this page failed' };
  const T = PAGE_TIMEOUT;
  // Interactions take well under a second at every scale; a wait that long means the page is stuck.
  const TI = Math.min(PAGE_TIMEOUT, 60_000);

  // Compare view: load, indicator switch, district group.
  let s: Session | null = await openSession(browser, { chartObserver: true });
  const compareLoad = await attempt(() => loadUntilMark(s!, server, base, CHART_MARKS, T));
  let compareIndicator: Sample = skipped;
  let compareDistricts: Sample = skipped;
  if (isOk(compareLoad)) {
    compareIndicator = await attempt(() => interact(s!, server, CHART_MARKS, async () => void (await s!.page.selectOption('.picker--indicator select', other)), TI));
    if (isOk(compareIndicator)) {
      compareDistricts = await attempt(async () => {
        await s!.page.click('.picker--districts summary');
        const button = s!.page.locator('.picker__actions button').nth(2);
        await button.waitFor({ timeout: T });
        const label = (await button.textContent())?.trim() ?? '';
        const r = await interact(s!, server, CHART_MARKS, () => button.click(), TI);
        const summary = (await s!.page.textContent('.picker--districts .picker__summary'))?.trim() ?? '';
        return { ...r, note: `group button '${label}' → ${summary}` };
      });
    }
  }
  s.errors.forEach((e) => errors.add(e));
  await close(s);

  // Table view (districts × years): load, indicator switch, filter to a few districts.
  s = await openSession(browser);
  const tableLoad = await attempt(() => loadUntilMark(s!, server, `${base}?view=table&ind=${DEFAULT_INDICATOR}`, ['bvd:table'], T, GRID_READY));
  let tableIndicator: Sample = skipped;
  let tableFilter: Sample = skipped;
  if (isOk(tableLoad)) {
    // The filter: the first row's district name (synthetic names lose their last two digits, matching up to 100 units).
    const first = ((await s.page.textContent('[data-testid=data-grid] tbody th').catch(() => '')) ?? '').trim();
    const query = /^合成单元\d{5}$/.test(first) ? first.slice(0, -2) : first;
    tableIndicator = await attempt(() => interact(s!, server, ['bvd:table'], async () => void (await s!.page.selectOption('.picker--indicator select', other)), TI, GRID_READY));
    if (isOk(tableIndicator)) {
      tableFilter = await attempt(async () => {
        const r = await interact(s!, server, ['bvd:table'], () => s!.page.fill('#table-filter', query), TI);
        const rows = (await s!.page.textContent('section p.muted[aria-live=polite]').catch(() => ''))?.trim() ?? '';
        return { ...r, note: `filter '${query}' → ${rows}` };
      });
    }
  }
  s.errors.forEach((e) => errors.add(e));
  await close(s);

  // Baseline: ECharts alone, the same data.
  s = await openSession(browser, { chartObserver: true });
  const baselineLoad = await attempt(() => loadUntilMark(s!, server, `${base}baseline/`, CHART_MARKS, T));
  s.errors.forEach((e) => errors.add(`baseline ${e}`));
  await close(s);
  return { compareLoad, compareIndicator, compareDistricts, tableLoad, tableIndicator, tableFilter, baselineLoad };
}

// ---------- per scale

interface ScaleResult {
  scale: string;
  description: string;
  spec: ScaleDef['synthetic'];
  status: 'ok' | 'build-failed' | 'browser-failed' | 'generate-failed';
  generated?: GenerateSummary;
  build?: BuildResult;
  browser?: Record<string, unknown>;
  errors: string[];
  startedAt: string;
  /** 1-minute load average at the start and end of the scale: other work skews the figures. */
  loadAverage: [number, number];
  seconds: number;
  /** --reuse: measured on data an earlier --keep run built. */
  reusedData?: boolean;
}

function writeJson(path: string, data: unknown) {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path, JSON.stringify(data, null, 2) + '\n');
}

async function runScale(def: ScaleDef, ctx: { browser: Browser | null; server: BenchServer; appDist: string; baselineDist: string; appError: string | null }): Promise<{ result: ScaleResult; importResult?: Record<string, unknown> }> {
  const started = performance.now();
  const result: ScaleResult = { scale: def.name, description: def.description, spec: def.synthetic, status: 'ok', errors: [], startedAt: new Date().toISOString(), loadAverage: [round(loadavg()[0]!, 2), 0], seconds: 0 };
  const dir = join(TMP, def.name);
  const out = join(dir, 'site-data');
  const reuse = REUSE && existsSync(join(out, 'manifest.json'));
  if (!reuse) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let root = ROOT;
  if (reuse) log(`${def.name}: reusing the data built by an earlier --keep run (no build figures)`);
  else if (def.synthetic) {
    log(`${def.name}: generating (${def.description})`);
    try {
      result.generated = generateProject(def.synthetic, join(dir, 'project'));
      root = join(dir, 'project');
      log(`${def.name}: ${result.generated.observations.toLocaleString('en')} observations, ${(result.generated.bytes / 1e6).toFixed(1)} MB in ${result.generated.seconds.toFixed(1)} s`);
    } catch (e) {
      result.status = 'generate-failed';
      result.errors.push(shortError(e));
      return { result };
    }
  }
  if (!reuse) log(`${def.name}: building the data (time limit ${BUILD_TIMEOUT ?? def.buildTimeoutSec} s)`);
  const b: BuildResult | { ok: true; reused: true } = reuse ? { ok: true, reused: true } : await measureBuild(root, out, BUILD_TIMEOUT ?? def.buildTimeoutSec, BUILD_HEAP);
  if (!('reused' in b)) {
    result.build = b;
    log(`${def.name}: build ${b.ok ? 'ok' : 'FAILED'} in ${b.wallSec} s, peak RSS ${b.peakRssMB ?? b.sampledPeakRssMB} MB${b.ok ? '' : ` (exit ${b.exitCode}${b.timedOut ? ', timed out' : ''}${b.signal ? `, ${b.signal}` : ''})`}`);
  } else result.reusedData = true;
  let importResult: Record<string, unknown> | undefined;
  if (!b.ok) {
    result.status = 'build-failed';
  } else if (def.browser !== 'none' && ctx.browser && !ctx.appError) {
    // The page carries its dataset's first view (as a build of the site with this data would).
    const site = join(dir, 'site');
    cpSync(ctx.appDist, site, { recursive: true });
    writeFileSync(join(site, 'index.html'), injectBoot(readFileSync(join(ctx.appDist, 'index.html'), 'utf8'), out));
    ctx.server.mount({ '/': site, '/data/': out, '/baseline/': ctx.baselineDist });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const errors = new Set<string>();
    if (!manifest.files.indicators[DEFAULT_INDICATOR]) result.errors.push(`${DEFAULT_INDICATOR} has no data at this scale`);
    if (def.browser === 'full') {
      const other = otherIndicator(manifest);
      if (!other) {
        result.errors.push('no second indicator to switch to');
      } else {
        const runs: AppRun[] = [];
        for (let i = 0; i < RUNS; i++) {
          log(`${def.name}: browser run ${i + 1}/${RUNS}`);
          runs.push(await appRun(ctx.browser, ctx.server, other, errors));
        }
        const ph = (k: keyof AppRun) => summarise(runs.map((r) => r[k]));
        const notes = (k: keyof AppRun) => [...new Set(runs.map((r) => r[k]).filter(isOk).map((r) => r.note).filter(Boolean))];
        const app = {
          compareLoad: ph('compareLoad'),
          compareIndicatorSwitch: { ...ph('compareIndicator'), to: other },
          compareDistrictGroup: { ...ph('compareDistricts'), notes: notes('compareDistricts') },
          tableLoad: ph('tableLoad'),
          tableIndicatorSwitch: { ...ph('tableIndicator'), to: other },
          tableFilter: { ...ph('tableFilter'), notes: notes('tableFilter') },
        };
        const baseline = ph('baselineLoad');
        result.browser = {
          runs: RUNS,
          defaultIndicator: DEFAULT_INDICATOR,
          defaultIndicatorFile: indicatorFile(out, manifest),
          app,
          baseline,
          ratios: {
            firstChart: ratio(app.compareLoad.ms, baseline.ms),
            // The median of each run's own ratio (app and baseline measured back to back): steadier when the machine is busy.
            firstChartPaired: pairedRatio(runs.map((r) => r.compareLoad), runs.map((r) => r.baselineLoad)),
            bytesRaw: ratio(app.compareLoad.bytes?.raw.total, baseline.bytes?.raw.total),
            bytesGzip: ratio(app.compareLoad.bytes?.gzip.total, baseline.bytes?.gzip.total),
            jsGzip: ratio(app.compareLoad.bytes?.gzip.js, baseline.bytes?.gzip.js),
            bytesSettledGzip: ratio(app.compareLoad.bytesSettled?.gzip.total, baseline.bytesSettled?.gzip.total),
          },
        };
        if ([app.compareLoad, baseline].some((p) => p.ms === null)) result.status = 'browser-failed';
      }
      // The import of a 100,000-row CSV runs once, on the real data.
      if (def.name === 'S' && WITH_IMPORT) importResult = await runImport(ctx.browser, ctx.server, errors);
    } else if (def.browser === 'table-scroll') {
      const loads: Sample[] = [];
      const scrolls: (ScrollResult | { error: string })[] = [];
      for (let i = 0; i < RUNS; i++) {
        log(`${def.name}: table scroll run ${i + 1}/${RUNS}`);
        const s = await openSession(ctx.browser);
        const load = await attempt(() => loadUntilMark(s, ctx.server, `${ctx.server.url}?view=table&ind=${DEFAULT_INDICATOR}`, ['bvd:table'], PAGE_TIMEOUT, GRID_READY));
        loads.push(load);
        if (isOk(load)) {
          try {
            scrolls.push(await scrollGrid(s, 40, 2000));
          } catch (e) {
            scrolls.push({ error: shortError(e) });
          }
        }
        s.errors.forEach((e) => errors.add(e));
        await close(s);
      }
      const ok = scrolls.filter((x): x is ScrollResult => !('error' in x));
      const m = (f: (x: ScrollResult) => number) => median(ok.map(f));
      result.browser = {
        runs: RUNS,
        tableLoad: summarise(loads),
        scroll: {
          runs: scrolls.length,
          failed: scrolls.length - ok.length,
          steps: 40,
          plannedMs: 2000,
          frames: m((x) => x.frames),
          frameMs: { median: m((x) => x.frameMs.median), p95: m((x) => x.frameMs.p95), max: m((x) => x.frameMs.max) },
          slowFrames: m((x) => x.slowFrames),
          longTasks: { count: m((x) => x.longTasks.count), totalMs: m((x) => x.longTasks.totalMs), maxMs: m((x) => x.longTasks.maxMs) },
          durationMs: m((x) => x.durationMs),
          reachedBottom: ok.length > 0 && ok.every((x) => x.reachedBottom),
          scrollHeightPx: ok[0]?.scrollHeightPx ?? null,
          maxRowsInDom: Math.max(0, ...ok.map((x) => x.maxRowsInDom)),
          rowsReported: ok[0]?.rowsReported ?? null,
          samples: ok,
          errors: scrolls.filter((x): x is { error: string } => 'error' in x).map((x) => x.error),
        },
      };
    }
    result.errors.push(...[...errors].slice(0, 20));
  } else if (def.browser !== 'none') {
    result.errors.push(ctx.appError ? `app build failed: ${ctx.appError}` : 'no browser');
  }
  if (!KEEP && !reuse) rmSync(dir, { recursive: true, force: true });
  result.seconds = round((performance.now() - started) / 1000);
  result.loadAverage[1] = round(loadavg()[0]!, 2);
  return { result, ...(importResult ? { importResult } : {}) };
}

async function runImport(browser: Browser, server: BenchServer, errors: Set<string>): Promise<Record<string, unknown>> {
  const csv = join(TMP, 'import-100k.csv');
  const made = writeImportCsv(ROOT, csv, 100_000);
  const result = await measureImport(browser, server, errors, csv, made);
  // The worst case for the rules between rows: one row 166,400 times (every copy refused as a duplicate).
  const same = join(TMP, 'import-identical.csv');
  const text = `district,year,indicator,value\n${'haidian,2021,intake,1200\n'.repeat(IDENTICAL_ROWS)}`;
  writeFileSync(same, text);
  const identical = await measureImport(browser, server, errors, same, { rows: IDENTICAL_ROWS, bytes: Buffer.byteLength(text) });
  return { ...result, identical };
}

const IDENTICAL_ROWS = 166_400;

async function measureImport(browser: Browser, server: BenchServer, errors: Set<string>, csv: string, made: { rows: number; bytes: number }): Promise<Record<string, unknown>> {
  const runs: (ImportRun | { error: string })[] = [];
  for (let i = 0; i < RUNS; i++) {
    log(`import: run ${i + 1}/${RUNS} (${made.rows.toLocaleString('en')} rows, ${(made.bytes / 1e6).toFixed(1)} MB)`);
    const s = await openSession(browser);
    try {
      runs.push(await importFile(s, server.url, csv, PAGE_TIMEOUT));
    } catch (e) {
      runs.push({ error: shortError(e) });
    }
    s.errors.forEach((e) => errors.add(`import ${e}`));
    await close(s);
  }
  const ok = runs.filter((r): r is ImportRun => !('error' in r));
  if (!KEEP) rmSync(csv, { force: true });
  return {
    rows: made.rows,
    fileBytes: made.bytes,
    runs: runs.length,
    failed: runs.length - ok.length,
    ms: median(ok.map((r) => r.ms)),
    msSamples: ok.map((r) => r.ms),
    longTasks: {
      count: median(ok.map((r) => r.longTasks.count)),
      totalMs: median(ok.map((r) => r.longTasks.totalMs)),
      maxMs: median(ok.map((r) => r.longTasks.maxMs)),
      maxOfRunsMs: Math.max(0, ...ok.map((r) => r.longTasks.maxMs)),
    },
    summary: ok[0]?.summary ?? null,
    errors: runs.filter((r): r is { error: string } => 'error' in r).map((r) => r.error),
  };
}

// ---------- output

const t0 = performance.now();
function log(msg: string) {
  console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
}

function fmt(n: number | null | undefined, unit = ''): string {
  return n == null ? '—' : `${n.toLocaleString('en', { maximumFractionDigits: 1 })}${unit}`;
}

function printTable(results: ScaleResult[], importResult: Record<string, unknown> | undefined) {
  const rows: string[][] = [['scale', 'observations', 'build s', 'build MB', 'first chart ms (×base, paired)', 'ind. switch ms (kB gz, longest task)', 'district grp ms', 'table ms', 'table switch ms', 'table filter ms', 'first chart kB gz (×base)', 'whole view kB gz']];
  for (const r of results) {
    const app = (r.browser?.app ?? {}) as Record<string, PhaseSummary>;
    const ratios = (r.browser?.ratios ?? {}) as Record<string, number | null>;
    const table = (r.browser?.tableLoad as PhaseSummary | undefined) ?? app.tableLoad;
    rows.push([
      r.scale,
      fmt(r.build?.output?.observations ?? r.generated?.observations),
      r.reusedData ? 'reused' : r.build?.ok ? fmt(r.build.wallSec) : `FAILED${r.build?.timedOut ? ' (timeout)' : ''}`,
      fmt(r.build?.peakRssMB ?? r.build?.sampledPeakRssMB),
      app.compareLoad ? `${fmt(app.compareLoad.ms)} (${fmt(ratios.firstChart)}×, ${fmt(ratios.firstChartPaired)}×)` : '—',
      app.compareIndicatorSwitch ? `${fmt(app.compareIndicatorSwitch.ms)} (${fmt((app.compareIndicatorSwitch.bytes?.gzip.total ?? 0) / 1000)}, ${fmt(app.compareIndicatorSwitch.longTasks.worstMs)})` : '—',
      fmt(app.compareDistrictGroup?.ms),
      fmt(table?.ms),
      fmt(app.tableIndicatorSwitch?.ms),
      fmt(app.tableFilter?.ms),
      app.compareLoad?.bytes ? `${fmt(app.compareLoad.bytes.gzip.total / 1000)} (${fmt(ratios.bytesGzip)}×)` : '—',
      app.compareLoad?.bytesSettled ? fmt(app.compareLoad.bytesSettled.gzip.total / 1000) : '—',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log('');
  for (const [i, r] of rows.entries()) {
    console.log(r.map((c, j) => c.padEnd(widths[j]!)).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  for (const r of results) {
    const scroll = r.browser?.scroll as { frameMs: { median: number; p95: number; max: number }; longTasks: { count: number; maxMs: number }; maxRowsInDom: number } | undefined;
    if (scroll) {
      console.log(`\n${r.scale} table scroll: frame median ${fmt(scroll.frameMs.median)} ms, p95 ${fmt(scroll.frameMs.p95)} ms, max ${fmt(scroll.frameMs.max)} ms; long tasks ${fmt(scroll.longTasks.count)} (longest ${fmt(scroll.longTasks.maxMs)} ms); at most ${scroll.maxRowsInDom} rows in the DOM`);
    }
  }
  for (const imp of importResult ? [importResult, importResult.identical as Record<string, unknown> | undefined] : []) {
    if (!imp) continue;
    const lt = imp.longTasks as { count: number; maxMs: number; maxOfRunsMs: number };
    console.log(`\nimport of ${fmt(imp.rows as number)} rows: ${fmt(imp.ms as number)} ms; long tasks ${fmt(lt.count)} (longest ${fmt(lt.maxMs)} ms median, ${fmt(lt.maxOfRunsMs)} ms worst); ${imp.summary ?? ''}`);
  }
  for (const r of results) if (r.status !== 'ok' || r.errors.length) console.log(`\n${r.scale}: ${r.status}${r.errors.length ? `; ${r.errors.slice(0, 5).join(' | ')}` : ''}${r.build && !r.build.ok ? `\n  build stderr: ${r.build.stderrTail.slice(-400)}` : ''}`);
}

async function main() {
  mkdirSync(TMP, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  const needBrowser = scales.some((s) => s.browser !== 'none');
  const appDist = join(TMP, 'app-dist');
  const baselineDist = join(TMP, 'baseline-dist');
  let appError: string | null = null;
  if (needBrowser) {
    log('building the app and the baseline page');
    appError = (await buildApp(appDist)) ?? (await buildBaseline(baselineDist));
    if (appError) log(`page build failed: ${appError}`);
  }
  if (needBrowser && !appError) {
    // What the first download is made of, by package and src/ folder.
    try {
      const bundle = await bundleReport(join(TMP, 'app-maps'));
      writeJson(join(RESULTS, 'bundle.json'), bundle);
      log(`first download: ${(bundle.total.gzip / 1000).toFixed(1)} kB gzip JS in ${bundle.files.length} files; ${bundle.groups.slice(0, 6).map((g) => `${g.group} ${(g.gzip / 1000).toFixed(1)}`).join(', ')} (bench/results/bundle.json)`);
    } catch (e) {
      log(`bundle report failed: ${shortError(e)}`);
    }
  }
  const server = await startServer();
  const browser = needBrowser && !appError ? await launchBrowser() : null;
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    memoryGB: round(totalmem() / 1024 ** 3, 1),
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium: browser?.version() ?? null,
    date: new Date().toISOString(),
    /** Load average when the run started: other work on the machine skews every figure. */
    loadAverage1m: round(loadavg()[0]!, 2),
  };
  const results: ScaleResult[] = [];
  let importResult: Record<string, unknown> | undefined;
  try {
    for (const def of scales) {
      const { result, importResult: imp } = await runScale(def, { browser, server, appDist, baselineDist, appError });
      results.push(result);
      writeJson(join(RESULTS, `${def.name}.json`), { machine, ...result });
      if (imp) {
        importResult = imp;
        writeJson(join(RESULTS, 'import.json'), { machine, ...imp });
      }
    }
  } finally {
    await browser?.close();
    await server.close();
  }
  const summary = {
    machine,
    options: { scales: scaleTokens, runs: RUNS, import: WITH_IMPORT, buildHeapMB: BUILD_HEAP },
    seconds: round((performance.now() - t0) / 1000),
    scales: Object.fromEntries(
      results.map((r) => {
        const app = (r.browser?.app ?? {}) as Record<string, PhaseSummary>;
        const brief = (p: PhaseSummary | undefined) => (p ? { ms: p.ms, longTasks: p.longTasks, failed: p.failed } : null);
        return [
          r.scale,
          {
            status: r.status,
            observations: r.build?.output?.observations ?? r.generated?.observations ?? null,
            build: r.build ? { ok: r.build.ok, seconds: r.build.wallSec, peakRssMB: r.build.peakRssMB ?? r.build.sampledPeakRssMB, outputMB: r.build.output ? round(r.build.output.bytes / 1e6) : null, timedOut: r.build.timedOut, exitCode: r.build.exitCode } : null,
            compareLoad: brief(app.compareLoad),
            compareBytes: app.compareLoad?.bytes ?? null,
            compareIndicatorSwitch: brief(app.compareIndicatorSwitch),
            compareDistrictGroup: brief(app.compareDistrictGroup),
            tableLoad: brief(app.tableLoad ?? (r.browser?.tableLoad as PhaseSummary | undefined)),
            tableIndicatorSwitch: brief(app.tableIndicatorSwitch),
            tableFilter: brief(app.tableFilter),
            baseline: r.browser?.baseline ? { ms: (r.browser.baseline as PhaseSummary).ms, bytes: (r.browser.baseline as PhaseSummary).bytes } : null,
            ratios: r.browser?.ratios ?? null,
            scroll: r.browser?.scroll ? { ...(r.browser.scroll as Record<string, unknown>), samples: undefined } : null,
            errors: r.errors,
          },
        ];
      }),
    ),
    import: importResult ?? null,
  };
  writeJson(join(RESULTS, 'summary.json'), summary);
  printTable(results, importResult);
  console.log(`\nresults: ${RESULTS}/ (${summary.seconds} s)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

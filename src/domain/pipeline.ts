// The build as a stream, so memory stays bounded however many rows there are:
//   1. reference tables and report texts (texts are copied out, not kept);
//   2. each observation file is validated and its rows spilled by district;
//   3. each district: derive, check (duplicates, conflicts, small samples —
//      all keyed within a district), write its file, spill rows by indicator;
//   4. each indicator: sort, write its file and its slice of the tidy CSV;
//   5. metadata, coverage and the manifest with the content version.
// Pure: the caller supplies files, hashing, spill storage and the output sink.
import Papa from 'papaparse';
import { decodeUtf8, parseCsv } from './csv.ts';
import { checkDataset, compareObservations, DATA_DIR, readDerivationRequests, readReferenceData, type BuildOptions, type DataFiles, type Dataset } from './dataset.ts';
import { deriveObservations } from './derive.ts';
import type { Issue } from './issues.ts';
import { DATA_FORMAT, OBS_COLUMNS, encodeRow, encodeSlice, type CoverageFile, type DataObservation, type IndexFile, type IndicatorSlices, type Manifest, type ObsFile, type RankRow, type RanksFile } from './obs-file.ts';
import { barsFor, basesOf, pointsFor } from './select.ts';
import { publicCsvRows } from './public-csv.ts';
import { indexSource, type SourceIndex } from './quotes.ts';
import { OBSERVATION_COLUMNS, PUBLIC_CSV_COLUMNS } from './schema.ts';
import type { Observation, Origin, ReferenceData } from './types.ts';
import { readObservation } from './validate.ts';

export interface Hasher {
  update(bytes: Uint8Array): void;
  /** Hex digest. */
  digest(): string;
}

/** Rows set aside by key and taken back later (memory for tests, disk for large builds). */
export interface Spill<T> {
  append(key: string, rows: T[]): void;
  keys(): string[];
  /** Returns the rows of a key and forgets them. */
  take(key: string): T[];
}

/** Where output goes; paths are relative to the output folder. */
export interface Sink {
  write(path: string, bytes: Uint8Array): void;
  append(path: string, bytes: Uint8Array): void;
}

export interface BuildEnv {
  files: DataFiles;
  sha256: (bytes: Uint8Array) => string;
  hasher: () => Hasher;
  spill: <T>(name: string) => Spill<T>;
  sink: Sink;
  onlyFiles?: string[];
  /** Called with each indicator's rows in canonical order (lets tests keep the dataset). */
  onIndicator?: (id: string, rows: DataObservation[]) => void;
  /** Indicators with at least this many rows are also written in slices (default SLICE_MIN_ROWS). */
  sliceMinRows?: number;
}

/**
 * From this many rows an indicator's file is also written in slices: at
 * national scale one file holds 30,000 rows (0.9 MB gzip), and a chart of
 * each district's latest value needs a tenth of them.
 */
export const SLICE_MIN_ROWS = 2000;

/**
 * An indicator's rows by year, and the rows of each district's latest year in
 * each basis (all their scopes and competing statements, so a chart of latest
 * values picks from them what it would pick from the whole file). Rows keep
 * the canonical order.
 */
export function indicatorSlices(rows: DataObservation[]): { latest: DataObservation[]; years: Map<number, DataObservation[]> } {
  const latestYear = new Map<string, number>();
  for (const o of rows) {
    const k = `${o.district}|${o.basis}`;
    if ((latestYear.get(k) ?? -Infinity) < o.year) latestYear.set(k, o.year);
  }
  const years = new Map<number, DataObservation[]>();
  for (const o of rows) {
    let l = years.get(o.year);
    if (!l) years.set(o.year, (l = []));
    l.push(o);
  }
  return { latest: rows.filter((o) => latestYear.get(`${o.district}|${o.basis}`) === o.year), years: new Map([...years].sort((a, b) => a[0] - b[0])) };
}

export interface BuildSummary {
  manifest: Manifest;
  refs: ReferenceData;
  sourceTexts: Map<string, string>;
}

const enc = new TextEncoder();
const SOURCE_CACHE = 32;

interface Spilled {
  o: Observation;
  at: Origin;
}

function hashName(stem: string, ext: string, bytes: Uint8Array, sha256: BuildEnv['sha256']): string {
  return `${stem}.${sha256(bytes).slice(0, 10)}.${ext}`;
}

function sortedRecord(m: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function bump(m: Map<string, number>, k: string) {
  m.set(k, (m.get(k) ?? 0) + 1);
}

export function runBuild(env: BuildEnv): { issues: Issue[]; summary: BuildSummary | null } {
  const { files, sha256, sink } = env;
  const issues: Issue[] = [];
  const written = new Map<string, string>(); // path -> sha256, for the content version
  const write = (path: string, bytes: Uint8Array) => {
    sink.write(path, bytes);
    written.set(path, sha256(bytes));
  };

  // 1. Reference tables; report texts are checked and copied out as they are read.
  const { refs, sourceTexts } = readReferenceData(files, sha256, issues, { keepTexts: false });
  const sourceFiles: Record<string, string> = {};
  for (const s of [...refs.sources.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const bytes = files.read(`${DATA_DIR}/sources/${s.file}`);
    if (!bytes || sha256(bytes) !== s.sha256) continue;
    const path = hashName(`sources/${s.id}`, 'txt', bytes, sha256);
    write(path, bytes);
    sourceFiles[s.id] = path;
  }
  // Indexed texts for the quote check, a few at a time.
  const cache = new Map<string, SourceIndex>();
  const sourceIndex = (id: string): SourceIndex | undefined => {
    let idx = cache.get(id);
    if (idx) {
      cache.delete(id);
      cache.set(id, idx);
      return idx;
    }
    const s = refs.sources.get(id);
    const bytes = s ? files.read(`${DATA_DIR}/sources/${s.file}`) : undefined;
    if (!s || !bytes || sha256(bytes) !== s.sha256) return undefined;
    const decoded = decodeUtf8(bytes, s.file);
    if (!decoded.ok) return undefined;
    idx = indexSource(decoded.text);
    cache.set(id, idx);
    if (cache.size > SOURCE_CACHE) cache.delete(cache.keys().next().value!);
    return idx;
  };

  // 2. Validate every observation file; spill rows by district.
  const byDistrict = env.spill<Spilled>('district');
  const obsFiles = files
    .list(`${DATA_DIR}/observations`)
    .filter((p) => p.endsWith('.csv') && (!env.onlyFiles || env.onlyFiles.includes(p)));
  if (obsFiles.length === 0) issues.push({ file: `${DATA_DIR}/observations`, line: 1, field: '(file)', message: 'holds no .csv files' });
  for (const path of obsFiles) {
    const decoded = decodeUtf8(files.read(path)!, path);
    if (!decoded.ok) {
      issues.push(decoded.issue);
      continue;
    }
    const rows = new Map<string, Spilled[]>();
    const { issues: csvIssues } = parseCsv(decoded.text, path, {
      ...OBSERVATION_COLUMNS,
      onRecord: (r) => {
        const at = { file: path, line: r.line };
        const { obs, issues: rowIssues } = readObservation(r.cells, at, refs, { mode: 'curated', sourceIndex });
        issues.push(...rowIssues);
        if (!obs) return;
        let list = rows.get(obs.district);
        if (!list) rows.set(obs.district, (list = []));
        list.push({ o: obs, at });
      },
    });
    issues.push(...csvIssues);
    for (const [d, list] of rows) byDistrict.append(d, list);
  }

  // 3. District by district: derive, check, write, spill by indicator.
  let requests = readDerivationRequests(files, refs, issues);
  const districtKeys = byDistrict.keys();
  if (env.onlyFiles) {
    const read = new Set(districtKeys);
    requests = requests.filter((r) => read.has(r.district));
  }
  const requestsBy = new Map<string, typeof requests>();
  for (const r of requests) {
    let l = requestsBy.get(r.district);
    if (!l) requestsBy.set(r.district, (l = []));
    l.push(r);
  }
  const byIndicator = env.spill<DataObservation>('indicator');
  const districtFiles: Record<string, string> = {};
  const countsSource = new Map<string, number>();
  const countsDistrict = new Map<string, number>();
  const countsIndicator = new Map<string, number>();
  let curatedCount = 0;
  let derivedCount = 0;
  // Plain arrays, not Sets: at national scale there are hundreds of thousands of cells.
  const coverage = new Map<string, { years: number[]; flagged: number[] }>();
  const seenDistricts = new Set<string>();
  for (const d of districtKeys) {
    seenDistricts.add(d);
    const spilled = byDistrict.take(d);
    const origins = new Map<string, Origin>();
    const curated: Observation[] = [];
    for (const { o, at } of spilled) {
      // Two rows with one key get one id; keep both so the duplicate check can name them.
      if (origins.has(o.id)) o.id = `${o.id}~${at.line}`;
      origins.set(o.id, at);
      curated.push(o);
    }
    const { derived, issues: deriveIssues } = deriveObservations(curated, requestsBy.get(d) ?? [], refs);
    issues.push(...deriveIssues);
    const all = [...curated, ...derived];
    const { issues: checkIssues, denominators } = checkDataset(all, origins, refs);
    issues.push(...checkIssues);
    if (issues.length > 0) continue; // nothing is written from a build that will fail
    all.sort(compareObservations);
    const rows: DataObservation[] = all.map((o) => ({ ...o, n: denominators.get(o.id)?.n ?? null }));
    const json = enc.encode(JSON.stringify({ format: DATA_FORMAT, columns: OBS_COLUMNS, rows: rows.map(encodeRow) } satisfies ObsFile));
    const path = hashName(`obs/d/${d}`, 'json', json, sha256);
    write(path, json);
    districtFiles[d] = path;
    const perIndicator = new Map<string, DataObservation[]>();
    for (const o of rows) {
      let l = perIndicator.get(o.indicator);
      if (!l) perIndicator.set(o.indicator, (l = []));
      l.push(o);
      if (o.source) bump(countsSource, o.source);
      bump(countsDistrict, o.district);
      bump(countsIndicator, o.indicator);
      if (o.flags.includes('derived')) derivedCount++;
      else curatedCount++;
      const ck = `${o.indicator}|${o.district}|${o.basis}|${o.scope}`;
      let c = coverage.get(ck);
      if (!c) coverage.set(ck, (c = { years: [], flagged: [] }));
      if (!c.years.includes(o.year)) c.years.push(o.year);
      if (o.flags.some((f) => f !== 'derived') && !c.flagged.includes(o.year)) c.flagged.push(o.year);
    }
    for (const [ind, list] of perIndicator) byIndicator.append(ind, list);
  }
  // Requests naming a district with no rows at all cannot find their inputs either.
  for (const r of requests) {
    if (!seenDistricts.has(r.district)) {
      issues.push({ file: r.origin.file, line: r.origin.line, field: 'numerator', message: `no ${r.numerator.indicator} row for ${r.district} ${r.year} in ${r.source}` });
    }
  }
  if (issues.length > 0) return { issues, summary: null };

  // 4. Indicator by indicator: its file, and its rows of the tidy CSV (BOM so Excel reads UTF-8).
  const csvPath = 'observations.csv';
  const csvHash = env.hasher();
  const csvAppend = (text: string) => {
    const bytes = enc.encode(text);
    sink.append(csvPath, bytes);
    csvHash.update(bytes);
  };
  csvAppend('\uFEFF' + Papa.unparse([PUBLIC_CSV_COLUMNS as unknown as string[]], { newline: '\r\n' }) + '\r\n');
  const indicatorFiles: Record<string, string> = {};
  const sliceFiles: Record<string, IndicatorSlices> = {};
  const basisOrder = [...refs.bases.values()].map((b) => b.id);
  // Each district's rank on each indicator and basis, computed here where all districts meet.
  const ranks = env.spill<RankRow>('ranks');
  for (const id of byIndicator.keys()) {
    const rows = byIndicator.take(id).sort(compareObservations);
    const indicator = refs.indicators.get(id)!;
    for (const basis of [...new Set(rows.map((o) => o.basis))].sort()) {
      const points = pointsFor(rows, { indicator: id, basis, districts: null });
      const { bars } = barsFor(points, [...new Set(points.map((p) => p.district))], { mode: 'latest' }, indicator);
      // Values whose basis is in doubt get no rank and are not counted among the ranked.
      const ranked = bars.filter((b) => b.rank !== null);
      for (const b of ranked) ranks.append(b.district, [[id, basis, b.year, b.value, b.rank!, ranked.length, b.tiedWith]]);
    }
    const json = enc.encode(JSON.stringify({ format: DATA_FORMAT, columns: OBS_COLUMNS, rows: rows.map(encodeRow) } satisfies ObsFile));
    const path = hashName(`obs/i/${id}`, 'json', json, sha256);
    write(path, json);
    indicatorFiles[id] = path;
    if (rows.length >= (env.sliceMinRows ?? SLICE_MIN_ROWS)) {
      const { latest, years } = indicatorSlices(rows);
      const slice = (key: string, list: DataObservation[]) => {
        const bytes = enc.encode(JSON.stringify(encodeSlice(list)));
        const p = hashName(`obs/s/${id}/${key}`, 'json', bytes, sha256);
        write(p, bytes);
        return p;
      };
      sliceFiles[id] = {
        latest: slice('latest', latest),
        years: Object.fromEntries([...years].map(([y, list]) => [String(y), slice(String(y), list)])),
        rows: rows.length,
        bases: basesOf(rows, id, basisOrder),
      };
    }
    csvAppend(publicCsvRows(rows, { refs }));
    env.onIndicator?.(id, rows);
  }
  written.set(csvPath, csvHash.digest());
  const rankFiles: Record<string, string> = {};
  for (const d of ranks.keys()) {
    const bytes = enc.encode(JSON.stringify({ format: DATA_FORMAT, ranks: ranks.take(d) } satisfies RanksFile));
    const path = hashName(`obs/r/${d}`, 'json', bytes, sha256);
    write(path, bytes);
    rankFiles[d] = path;
  }

  // 5. Metadata, coverage, manifest.
  const meta = enc.encode(
    JSON.stringify({
      format: DATA_FORMAT,
      groups: [...refs.groups.values()].sort((a, b) => a.order - b.order),
      districts: [...refs.districts.values()],
      indicators: [...refs.indicators.values()],
      bases: [...refs.bases.values()],
      sources: [...refs.sources.values()].map((s) => ({ ...s, observations: countsSource.get(s.id) ?? 0 })),
    }),
  );
  const metaPath = hashName('meta', 'json', meta, sha256);
  write(metaPath, meta);
  const coverageFile: CoverageFile = {
    format: DATA_FORMAT,
    cells: [...coverage.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, c]) => {
        const [indicator = '', district = '', basis = '', scope = ''] = k.split('|');
        return [indicator, district, basis, scope, c.years.sort((a, b) => a - b), c.flagged.sort((a, b) => a - b)];
      }),
  };
  const cov = enc.encode(JSON.stringify(coverageFile));
  const coveragePath = hashName('coverage', 'json', cov, sha256);
  write(coveragePath, cov);

  const index = enc.encode(JSON.stringify({ format: DATA_FORMAT, districts: districtFiles, ranks: rankFiles, sources: sourceFiles } satisfies IndexFile));
  const indexPath = hashName('index', 'json', index, sha256);
  write(indexPath, index);

  const version = contentVersion(written, env.hasher);
  const manifest: Manifest = {
    format: DATA_FORMAT,
    version,
    dataDate: [...refs.sources.values()].map((s) => s.added).sort().pop() ?? '',
    counts: {
      observations: curatedCount + derivedCount,
      curated: curatedCount,
      derived: derivedCount,
      bySource: sortedRecord(countsSource),
      byDistrict: sortedRecord(countsDistrict),
      byIndicator: sortedRecord(countsIndicator),
    },
    files: { meta: metaPath, coverage: coveragePath, csv: csvPath, indicators: indicatorFiles, ...(Object.keys(sliceFiles).length > 0 ? { slices: sliceFiles } : {}), index: indexPath },
  };
  sink.write('manifest.json', enc.encode(JSON.stringify(manifest, null, 1) + '\n'));
  return { issues, summary: { manifest, refs, sourceTexts } };
}

/** The dataset version: a hash over every output file's path and content hash, in path order. */
export function contentVersion(written: Map<string, string>, hasher: () => Hasher): string {
  const h = hasher();
  for (const path of [...written.keys()].sort()) h.update(enc.encode(`${path}\0${written.get(path)}\n`));
  return h.digest().slice(0, 12);
}

/** In-memory spill and sink, for tests and small builds. */
export function memorySpill<T>(): Spill<T> {
  const m = new Map<string, T[]>();
  return {
    append(key, rows) {
      const l = m.get(key);
      if (l) l.push(...rows);
      else m.set(key, [...rows]);
    },
    keys: () => [...m.keys()].sort(),
    take(key) {
      const l = m.get(key) ?? [];
      m.delete(key);
      return l;
    },
  };
}

export function memorySink(): Sink & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    write: (p, b) => void files.set(p, b),
    append(p, b) {
      const prev = files.get(p);
      if (!prev) files.set(p, b);
      else {
        const next = new Uint8Array(prev.length + b.length);
        next.set(prev);
        next.set(b, prev.length);
        files.set(p, next);
      }
    },
  };
}


/**
 * The whole dataset in memory (tests, small builds): the streaming build with
 * in-memory spill and sink, keeping every indicator's rows as they pass.
 */
export function buildDataset(
  files: DataFiles,
  sha256: (bytes: Uint8Array) => string,
  options: BuildOptions = {},
  hasher: () => Hasher = () => fallbackHasher(sha256),
): { issues: Issue[]; dataset: Dataset | null; outputs?: Map<string, Uint8Array> } {
  const observations: DataObservation[] = [];
  const sink = memorySink();
  const { issues, summary } = runBuild({
    files,
    sha256,
    hasher,
    spill: memorySpill,
    sink,
    ...(options.onlyFiles ? { onlyFiles: options.onlyFiles } : {}),
    ...(options.sliceMinRows !== undefined ? { sliceMinRows: options.sliceMinRows } : {}),
    onIndicator: (_id, rows) => observations.push(...rows),
  });
  if (!summary) return { issues, dataset: null };
  const { refs } = summary;
  // The texts for callers that show or check quotes (small data only).
  const { sourceTexts } = readReferenceData(files, sha256, [], { keepTexts: true });
  return { issues, dataset: { refs, observations, sourceTexts, dataDate: summary.manifest.dataDate, manifest: summary.manifest }, outputs: sink.files };
}

/** A hasher from a one-shot sha256 (buffers; fine for small data). */
function fallbackHasher(sha256: (bytes: Uint8Array) => string): Hasher {
  const parts: Uint8Array[] = [];
  return {
    update: (b) => void parts.push(b),
    digest() {
      const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      return sha256(all);
    },
  };
}

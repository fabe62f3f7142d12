// What the build writes for the app: a small manifest, reference metadata,
// observation files split by indicator and by district (so a view downloads
// only what it shows), a coverage summary, the tidy CSV and the source texts.
// Same input gives the same bytes: no clocks, stable orders.
import type { Dataset } from './dataset.ts';
import { toPublicCsv } from './public-csv.ts';
import type { Observation } from './types.ts';
import { DATA_FORMAT, OBS_COLUMNS, encodeRow, type CoverageFile, type DataObservation, type Manifest, type ObsFile } from './obs-file.ts';

export * from './obs-file.ts';

const enc = new TextEncoder();

function countBy(list: Observation[], key: (o: Observation) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of list) out[key(o)] = (out[key(o)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function groupBy(list: DataObservation[], key: (o: DataObservation) => string): Map<string, DataObservation[]> {
  const out = new Map<string, DataObservation[]>();
  for (const o of list) {
    let l = out.get(key(o));
    if (!l) out.set(key(o), (l = []));
    l.push(o);
  }
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function refsJson(ds: Dataset): string {
  const { refs } = ds;
  const sourceCounts: Record<string, number> = {};
  for (const o of ds.observations) if (o.source) sourceCounts[o.source] = (sourceCounts[o.source] ?? 0) + 1;
  return JSON.stringify({
    format: DATA_FORMAT,
    groups: [...refs.groups.values()].sort((a, b) => a.order - b.order),
    districts: [...refs.districts.values()],
    indicators: [...refs.indicators.values()],
    bases: [...refs.bases.values()],
    sources: [...refs.sources.values()].map((s) => ({ ...s, observations: sourceCounts[s.id] ?? 0 })),
  });
}

function coverageJson(observations: DataObservation[]): string {
  const cells = new Map<string, { years: Set<number>; flagged: Set<number>; key: [string, string, string, string] }>();
  for (const o of observations) {
    const k = `${o.indicator}|${o.district}|${o.basis}|${o.scope}`;
    let c = cells.get(k);
    if (!c) cells.set(k, (c = { years: new Set(), flagged: new Set(), key: [o.indicator, o.district, o.basis, o.scope] }));
    c.years.add(o.year);
    if (o.flags.some((f) => f !== 'derived')) c.flagged.add(o.year);
  }
  const out: CoverageFile = {
    format: DATA_FORMAT,
    cells: [...cells.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, c]) => [...c.key, [...c.years].sort(), [...c.flagged].sort()]),
  };
  return JSON.stringify(out);
}

function obsFileJson(rows: DataObservation[]): string {
  const file: ObsFile = { format: DATA_FORMAT, columns: OBS_COLUMNS, rows: rows.map(encodeRow) };
  return JSON.stringify(file);
}

/**
 * Every output file by path relative to the output folder. File names carry
 * a hash of their content so that browsers may cache them forever; only
 * manifest.json changes name-stably.
 */
export function datasetOutputs(ds: Dataset, sha256Hex: (bytes: Uint8Array) => string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const hashed = (stem: string, ext: string, content: string | Uint8Array) => {
    const bytes = typeof content === 'string' ? enc.encode(content) : content;
    const name = `${stem}.${sha256Hex(bytes).slice(0, 10)}.${ext}`;
    files.set(name, bytes);
    return name;
  };
  const observations: DataObservation[] = ds.observations.map((o) => ({ ...o, n: ds.denominators.get(o.id)?.n ?? null }));

  const meta = hashed('meta', 'json', refsJson(ds));
  const coverage = hashed('coverage', 'json', coverageJson(observations));
  const indicators: Record<string, string> = {};
  for (const [id, rows] of groupBy(observations, (o) => o.indicator)) indicators[id] = hashed(`obs/i/${id}`, 'json', obsFileJson(rows));
  const districts: Record<string, string> = {};
  for (const [id, rows] of groupBy(observations, (o) => o.district)) districts[id] = hashed(`obs/d/${id}`, 'json', obsFileJson(rows));
  const sources: Record<string, string> = {};
  for (const [id, text] of [...ds.sourceTexts.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    sources[id] = hashed(`sources/${id}`, 'txt', text);
  }
  // The CSV keeps a stable name: people link to it and tools read it.
  files.set('observations.csv', enc.encode(toPublicCsv(observations, ds)));

  const version = contentVersion(files, sha256Hex);
  const manifest: Manifest = {
    format: DATA_FORMAT,
    version,
    dataDate: ds.dataDate,
    counts: {
      observations: observations.length,
      curated: observations.filter((o) => !o.flags.includes('derived')).length,
      derived: observations.filter((o) => o.flags.includes('derived')).length,
      bySource: countBy(observations, (o) => o.source),
      byDistrict: countBy(observations, (o) => o.district),
      byIndicator: countBy(observations, (o) => o.indicator),
    },
    files: { meta, coverage, csv: 'observations.csv', indicators, districts, sources },
  };
  files.set('manifest.json', enc.encode(JSON.stringify(manifest, null, 1) + '\n'));
  return files;
}

/** Hash over every file's path and bytes, in path order. */
export function contentVersion(files: Map<string, Uint8Array>, sha256Hex: (bytes: Uint8Array) => string): string {
  const parts: Uint8Array[] = [];
  for (const path of [...files.keys()].sort()) {
    if (path === 'manifest.json') continue;
    parts.push(enc.encode(path + '\0'), files.get(path)!, enc.encode('\0'));
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return sha256Hex(all).slice(0, 12);
}

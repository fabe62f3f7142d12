// Fetching the built data files. Each file is fetched once per page and
// shared; the manifest is always revalidated, the rest are content-hashed and
// cached by the browser. A single-file build inlines the files instead.
import type { CoverageFile, DataObservation, IndexFile, Manifest, ObsFile, RanksFile } from '../domain/obs-file.ts';
import { decodeRow } from '../domain/obs-file.ts';
import { indexMeta, type Meta, type MetaFile } from './meta.ts';

const DATA_BASE = 'data/';
const inflight = new Map<string, Promise<unknown>>();

/** Files inlined by the single-file build: path -> text. */
function inlined(): Record<string, string> | null {
  const g = globalThis as { __BVD_DATA__?: Record<string, string> };
  if (g.__BVD_DATA__ === undefined && typeof document !== 'undefined') {
    // A data block, not a script: it runs nothing, so it needs no CSP exception.
    const el = document.getElementById('bvd-data');
    g.__BVD_DATA__ = el?.textContent ? (JSON.parse(el.textContent) as Record<string, string>) : undefined;
  }
  return g.__BVD_DATA__ ?? null;
}

const blobUrls = new Map<string, string>();
/** A link to a data file: a URL on the server, or a blob when the data is inlined. */
export function dataHref(path: string, type = 'text/plain;charset=utf-8'): string {
  const bundle = inlined();
  if (!bundle) return DATA_BASE + path;
  let url = blobUrls.get(path);
  if (!url && bundle[path] !== undefined) {
    url = URL.createObjectURL(new Blob([bundle[path]!], { type }));
    blobUrls.set(path, url);
  }
  return url ?? '#';
}

async function fetchText(path: string, fresh = false): Promise<string> {
  const bundle = inlined();
  if (bundle) {
    const text = bundle[path];
    if (text === undefined) throw new Error(`${path} is not in this file`);
    return text;
  }
  const res = await fetch(DATA_BASE + path, fresh ? { cache: 'no-cache' } : {});
  if (!res.ok) throw new Error(`${DATA_BASE}${path}: HTTP ${res.status}`);
  return res.text();
}

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = inflight.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    inflight.set(key, p);
    // A failed load may be retried later.
    p.catch(() => inflight.delete(key));
  }
  return p;
}

export function loadManifest(): Promise<Manifest> {
  return once('manifest', async () => JSON.parse(await fetchText('manifest.json', true)) as Manifest);
}

export function loadMeta(manifest: Manifest): Promise<Meta> {
  return once('meta', async () => indexMeta(JSON.parse(await fetchText(manifest.files.meta)) as MetaFile));
}

function decodeObsFile(text: string): DataObservation[] {
  const file = JSON.parse(text) as ObsFile;
  return file.rows.map(decodeRow);
}

/** Observations of one indicator; an indicator without data gives []. */
export function loadIndicator(manifest: Manifest, id: string): Promise<DataObservation[]> {
  const path = manifest.files.indicators[id];
  if (!path) return Promise.resolve([]);
  return once(`i:${id}`, async () => decodeObsFile(await fetchText(path)));
}

/** Where district, rank and report-text files are (one file, fetched the first time one is needed). */
export function loadIndex(manifest: Manifest): Promise<IndexFile> {
  return once('index', async () => JSON.parse(await fetchText(manifest.files.index)) as IndexFile);
}

export async function loadDistrict(manifest: Manifest, id: string): Promise<DataObservation[]> {
  const path = (await loadIndex(manifest)).districts[id];
  if (!path) return [];
  return once(`d:${id}`, async () => decodeObsFile(await fetchText(path)));
}

export async function loadRanks(manifest: Manifest, id: string): Promise<RanksFile> {
  const path = (await loadIndex(manifest)).ranks[id];
  if (!path) return { format: 1, ranks: [] };
  return once(`r:${id}`, async () => JSON.parse(await fetchText(path)) as RanksFile);
}

export function loadCoverage(manifest: Manifest): Promise<CoverageFile> {
  return once('coverage', async () => JSON.parse(await fetchText(manifest.files.coverage)) as CoverageFile);
}

export async function loadSourceText(manifest: Manifest, id: string): Promise<string> {
  const path = (await loadIndex(manifest)).sources[id];
  if (!path) throw new Error(`no text for source ${id}`);
  return once(`s:${id}`, () => fetchText(path));
}

/** Every indicator's observations (the table's all-indicators mode, exports). */
export async function loadAll(manifest: Manifest): Promise<DataObservation[]> {
  const lists = await Promise.all(Object.keys(manifest.files.indicators).map((id) => loadIndicator(manifest, id)));
  return lists.flat();
}

export function csvUrl(manifest: Manifest): string {
  return dataHref(manifest.files.csv, 'text/csv;charset=utf-8');
}

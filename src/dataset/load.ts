// Fetching the built data files. Each file is fetched once per page and
// shared; the manifest is always revalidated, the rest are content-hashed and
// cached by the browser. A single-file build inlines the files instead.
import type { CoverageFile, DataObservation, IndexFile, Manifest, ObsFile, ObsSliceFile, RanksFile } from '../domain/obs-file.ts';
import { decodeRow, decodeSlice } from '../domain/obs-file.ts';
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

/**
 * The files the default view needs, parsed, as the build put them into
 * index.html (path -> JSON value): the first chart needs no request. Read once.
 */
let bootFiles: Map<string, unknown> | undefined;
function boot(): Map<string, unknown> {
  if (bootFiles) return bootFiles;
  bootFiles = new Map();
  const el = typeof document !== 'undefined' ? document.getElementById('bvd-boot') : null;
  if (el?.textContent) {
    try {
      const files = (JSON.parse(el.textContent) as { files?: Record<string, unknown> }).files ?? {};
      for (const [path, value] of Object.entries(files)) bootFiles.set(path, value);
    } catch {
      // A damaged block costs a request, nothing more.
    }
  }
  return bootFiles;
}

/** Forgets the inlined files (they describe another dataset version than the server's). */
export function dropBoot(live: Manifest): void {
  bootFiles = new Map();
  inflight.clear();
  inflight.set('manifest', Promise.resolve(live));
}

/** A file's parsed content when the page already holds it: the single-file bundle or the boot block. */
export function inlineJson<T>(path: string): T | undefined {
  const text = inlined()?.[path];
  if (text !== undefined) return JSON.parse(text) as T;
  return boot().get(path) as T | undefined;
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

async function fetchJson<T>(path: string, fresh = false): Promise<T> {
  const held = inlineJson<T>(path);
  if (held !== undefined) return held;
  return JSON.parse(await fetchText(path, fresh)) as T;
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

/**
 * What the page already holds, decoded without waiting: the manifest, the
 * metadata and an indicator's rows when index.html (or the single file)
 * carries them. Registered as loaded, so later loads share them.
 */
export function heldManifest(): Manifest | undefined {
  const m = inlineJson<Manifest>('manifest.json');
  if (m) inflight.set('manifest', Promise.resolve(m));
  return m;
}

export function heldMeta(manifest: Manifest): Meta | undefined {
  const file = inlineJson<MetaFile>(manifest.files.meta);
  if (!file) return undefined;
  const meta = indexMeta(file);
  inflight.set('meta', Promise.resolve(meta));
  return meta;
}

export function heldSlice(manifest: Manifest, id: string, key: string): DataObservation[] | undefined {
  const slices = manifest.files.slices?.[id];
  const path = key === 'latest' ? slices?.latest : slices?.years[key];
  const file = path ? inlineJson<ObsSliceFile>(path) : undefined;
  if (!file) return undefined;
  const rows = decodeSlice(file);
  inflight.set(`s:${id}:${key}`, Promise.resolve(rows));
  return rows;
}

export function heldIndicator(manifest: Manifest, id: string): DataObservation[] | undefined {
  const path = manifest.files.indicators[id];
  const file = path ? inlineJson<ObsFile>(path) : undefined;
  if (!file) return undefined;
  const rows = decodeObsFile(file);
  inflight.set(`i:${id}`, Promise.resolve(rows));
  return rows;
}

/** Whether the data came with the page as one file (no server to ask). */
export function isSingleFile(): boolean {
  return inlined() !== null;
}

/** The server's manifest, asked afresh whatever the page holds. */
export async function fetchLiveManifest(): Promise<Manifest> {
  const res = await fetch(DATA_BASE + 'manifest.json', { cache: 'no-cache' });
  if (!res.ok) throw new Error(`${DATA_BASE}manifest.json: HTTP ${res.status}`);
  return (await res.json()) as Manifest;
}

export function loadManifest(): Promise<Manifest> {
  return once('manifest', () => fetchJson<Manifest>('manifest.json', true));
}

export function loadMeta(manifest: Manifest): Promise<Meta> {
  return once('meta', async () => indexMeta(await fetchJson<MetaFile>(manifest.files.meta)));
}

function decodeObsFile(file: ObsFile): DataObservation[] {
  return file.rows.map(decodeRow);
}

/** Observations of one indicator; an indicator without data gives []. */
export function loadIndicator(manifest: Manifest, id: string): Promise<DataObservation[]> {
  const path = manifest.files.indicators[id];
  if (!path) return Promise.resolve([]);
  return once(`i:${id}`, async () => decodeObsFile(await fetchJson<ObsFile>(path)));
}

/** One slice of a large indicator: "latest" or a year (see IndicatorSlices). */
export function loadSlice(manifest: Manifest, id: string, key: string): Promise<DataObservation[]> {
  const slices = manifest.files.slices?.[id];
  const path = key === 'latest' ? slices?.latest : slices?.years[key];
  if (!path) return Promise.resolve([]);
  return once(`s:${id}:${key}`, async () => decodeSlice(await fetchJson<ObsSliceFile>(path)));
}

/** Where district, rank and report-text files are (one file, fetched the first time one is needed). */
export function loadIndex(manifest: Manifest): Promise<IndexFile> {
  return once('index', async () => fetchJson<IndexFile>(manifest.files.index));
}

export async function loadDistrict(manifest: Manifest, id: string): Promise<DataObservation[]> {
  const path = (await loadIndex(manifest)).districts[id];
  if (!path) return [];
  return once(`d:${id}`, async () => decodeObsFile(await fetchJson<ObsFile>(path)));
}

export async function loadRanks(manifest: Manifest, id: string): Promise<RanksFile> {
  const path = (await loadIndex(manifest)).ranks[id];
  if (!path) return { format: 1, ranks: [] };
  return once(`r:${id}`, async () => fetchJson<RanksFile>(path));
}

export function loadCoverage(manifest: Manifest): Promise<CoverageFile> {
  return once('coverage', async () => fetchJson<CoverageFile>(manifest.files.coverage));
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

// The read-only data the app has loaded, and hooks that load on demand.
import { useEffect, useMemo, useRef, useState } from 'react';
import { create } from 'zustand';
import type { CoverageFile, DataObservation, IndexFile, Manifest, RanksFile } from '../domain/obs-file.ts';
import type { BasisCount, RowsNeed } from '../domain/select.ts';
import { dropBoot, fetchLiveManifest, heldIndicator, heldManifest, heldMeta, heldSlice, isSingleFile, loadAll, loadCoverage, loadDistrict, loadIndex, loadIndicator, loadManifest, loadMeta, loadRanks, loadSlice } from './load.ts';
import { withExtras, type Meta } from './meta.ts';
import { joinSlices, sliceKeys } from './slices.ts';
import { useImported } from './imported.ts';

interface Slot<T> {
  data?: T;
  error?: string;
}

interface DataStore {
  manifest?: Manifest;
  meta?: Meta;
  error?: string;
  indicators: Record<string, Slot<DataObservation[]>>;
  /** Slices of large indicators, by "indicator|latest" or "indicator|year". */
  slices: Record<string, Slot<DataObservation[]>>;
  districts: Record<string, Slot<DataObservation[]>>;
  coverage: Slot<CoverageFile>;
  ranks: Record<string, Slot<RanksFile>>;
  all: Slot<DataObservation[]>;
}

export const useDataStore = create<DataStore>(() => ({ indicators: {}, slices: {}, districts: {}, coverage: {}, ranks: {}, all: {} }));

let started = false;
/**
 * Starts loading the manifest and metadata (once), and the rows of the
 * indicator the page opens on, so their request does not wait for the first
 * render. What index.html already holds is in the store before React renders.
 */
export function startLoading(opened: { indicator: string; need?: RowsNeed } | null = null): void {
  if (started) return;
  started = true;
  const fail = (e: unknown) => useDataStore.setState({ error: String((e as Error).message ?? e) });
  const held = heldManifest();
  if (held) {
    const meta = heldMeta(held);
    useDataStore.setState({ manifest: held, ...(meta ? { meta } : {}) });
    if (opened) prefetchRows(held, opened.indicator, opened.need);
    if (!meta) loadMeta(held).then((m) => useDataStore.setState({ meta: m }), fail);
    if (!isSingleFile()) revalidate(held);
    return;
  }
  loadManifest()
    .then(async (manifest) => {
      useDataStore.setState({ manifest });
      if (opened) prefetchRows(manifest, opened.indicator, opened.need);
      const meta = await loadMeta(manifest);
      useDataStore.setState({ meta });
    })
    .catch(fail);
}

const loadSliceKey = (manifest: Manifest, key: string) => {
  const at = key.lastIndexOf('|');
  return loadSlice(manifest, key.slice(0, at), key.slice(at + 1));
};

/** Puts what the page holds into the store at once and asks for the rest (before the first render); no need: the whole file. */
function prefetchRows(manifest: Manifest, id: string, need: RowsNeed | undefined): void {
  const keys = need ? sliceKeys(manifest, id, need) : null;
  if (!keys) {
    const rows = heldIndicator(manifest, id);
    if (rows) useDataStore.setState((s) => ({ indicators: { ...s.indicators, [id]: { data: rows } } }));
    else ensureKeyed('indicators', manifest, id, loadIndicator);
    return;
  }
  for (const k of keys) {
    const rows = heldSlice(manifest, id, k);
    if (rows) useDataStore.setState((s) => ({ slices: { ...s.slices, [`${id}|${k}`]: { data: rows } } }));
    else ensureKeyed('slices', manifest, `${id}|${k}`, loadSliceKey);
  }
}

/**
 * The page's inlined manifest names a dataset version; the server's manifest
 * is the truth. Asked once the page has settled: when the data was rebuilt
 * without the page, the store starts over from the server's files.
 */
function revalidate(held: Manifest): void {
  const check = () => {
    fetchLiveManifest().then(
      (live) => {
        if (live.version === held.version) return;
        dropBoot(live);
        useDataStore.setState({ manifest: live, meta: undefined, indicators: {}, slices: {}, districts: {}, coverage: {}, ranks: {}, all: {} });
        loadMeta(live).then(
          (meta) => useDataStore.setState({ meta }),
          (e: unknown) => useDataStore.setState({ error: String((e as Error).message ?? e) }),
        );
      },
      () => undefined, // offline after loading: keep what the page holds
    );
  };
  if (document.readyState === 'complete') setTimeout(check, 0);
  else window.addEventListener('load', () => setTimeout(check, 0), { once: true });
}

type KeyedKind = 'indicators' | 'slices' | 'districts' | 'ranks';

/** Starts loading one keyed file into its slot unless it has one. */
function ensureKeyed<T>(kind: KeyedKind, manifest: Manifest, id: string, load: (manifest: Manifest, id: string) => Promise<T>): void {
  if ((useDataStore.getState()[kind] as Record<string, Slot<T>>)[id]) return;
  const put = (v: Slot<T>) => useDataStore.setState((s) => ({ [kind]: { ...(s[kind] as Record<string, Slot<T>>), [id]: v } }) as Partial<DataStore>);
  put({});
  load(manifest, id).then(
    (data) => {
      // A store started over (new dataset version) does not take the old one's rows.
      if (useDataStore.getState().manifest === manifest) put({ data });
    },
    (e: Error) => {
      if (useDataStore.getState().manifest === manifest) put({ error: e.message });
    },
  );
}

export function useManifest(): Manifest | undefined {
  return useDataStore((s) => s.manifest);
}

/** Metadata including any districts and indicators the user imported. */
export function useMeta(): Meta | undefined {
  const meta = useDataStore((s) => s.meta);
  const extraDistricts = useImported((s) => s.districts);
  const extraIndicators = useImported((s) => s.indicators);
  return meta ? withExtras(meta, extraDistricts, extraIndicators) : undefined;
}

export function useLoadError(): string | undefined {
  return useDataStore((s) => s.error);
}

const EMPTY: DataObservation[] = [];

function mergeImported(rows: DataObservation[] | undefined, imported: DataObservation[], keep: (o: DataObservation) => boolean) {
  if (!rows) return undefined;
  const mine = imported.filter(keep);
  return mine.length === 0 ? rows : [...rows, ...mine];
}

/** Loads one keyed file once (an indicator's, a district's or its ranks) and returns its slot as it fills. */
function useKeyed<T>(kind: KeyedKind, id: string | null, load: (manifest: Manifest, id: string) => Promise<T>): Slot<T> | undefined {
  const manifest = useManifest();
  const slot = useDataStore((s) => (id ? (s[kind] as Record<string, Slot<T>>)[id] : undefined));
  useEffect(() => {
    if (!manifest || !id || slot) return;
    ensureKeyed(kind, manifest, id, load);
  }, [manifest, id, slot, kind, load]);
  return slot;
}

/** Observations of an indicator (bundled and imported); undefined while loading. */
export function useIndicatorRows(id: string | null): { rows?: DataObservation[]; error?: string } {
  const slot = useKeyed('indicators', id, loadIndicator);
  const imported = useImported((s) => s.observations);
  if (!id) return { rows: EMPTY };
  const rows = mergeImported(slot?.data, imported, (o) => o.indicator === id);
  return slot?.error ? { error: slot.error } : rows ? { rows } : {};
}

/** What a view knows of an indicator's whole file when it fetched only slices. */
export interface IndicatorSummary {
  bases: BasisCount[];
  years: number[];
}

/**
 * The rows of an indicator a view needs (a large indicator comes in slices:
 * only those are fetched), and, when only slices came, what the whole file
 * holds. With imported rows of the indicator the whole file is used, so that
 * its bases and years count them too.
 */
export function useIndicatorRowsFor(id: string | null, need: RowsNeed): { rows?: DataObservation[]; error?: string; summary?: IndicatorSummary } {
  const manifest = useManifest();
  const imported = useImported((s) => s.observations);
  const withImported = id !== null && imported.some((o) => o.indicator === id);
  const keys = manifest && id && !withImported ? sliceKeys(manifest, id, need) : null;
  const whole = useIndicatorRows(keys ? null : id);
  const all = useDataStore((s) => s.slices);
  const slots = keys && id ? keys.map((k) => all[`${id}|${k}`]) : [];
  const keyList = keys?.join(',') ?? '';
  useEffect(() => {
    if (!manifest || !id || !keyList) return;
    for (const k of keyList.split(',')) ensureKeyed('slices', manifest, `${id}|${k}`, loadSliceKey);
  }, [manifest, id, keyList]);
  const lists = slots.map((s) => s?.data);
  // The same slices give the same array, so that what is computed from it is not computed again.
  const union = useRef<{ lists: (DataObservation[] | undefined)[]; rows: DataObservation[] } | null>(null);
  let rows: DataObservation[] | undefined;
  if (lists.length > 0 && lists.every((l) => l)) {
    const prev = union.current;
    if (prev && prev.lists.length === lists.length && prev.lists.every((l, i) => l === lists[i])) rows = prev.rows;
    else {
      rows = joinSlices(lists as DataObservation[][]);
      union.current = { lists, rows };
    }
  }
  const s = keys && id ? manifest?.files.slices?.[id] : undefined;
  const summary = useMemo(() => (s ? { bases: s.bases, years: Object.keys(s.years).map(Number).sort((a, b) => a - b) } : undefined), [s]);
  if (!keys) return whole;
  const error = slots.find((x) => x?.error)?.error;
  return error ? { error } : rows ? { rows, ...(summary ? { summary } : {}) } : {};
}

export function useDistrictRows(id: string | null): { rows?: DataObservation[]; error?: string } {
  const slot = useKeyed('districts', id, loadDistrict);
  const imported = useImported((s) => s.observations);
  if (!id) return { rows: EMPTY };
  const rows = mergeImported(slot?.data, imported, (o) => o.district === id);
  return slot?.error ? { error: slot.error } : rows ? { rows } : {};
}

/** Every observation; loads every indicator file (only views that show everything ask). */
export function useAllRows(enabled = true): { rows?: DataObservation[]; error?: string } {
  const manifest = useManifest();
  const slot = useDataStore((s) => s.all);
  const imported = useImported((s) => s.observations);
  useEffect(() => {
    if (!enabled || !manifest || slot.data || slot.error) return;
    loadAll(manifest).then(
      (data) => useDataStore.setState({ all: { data } }),
      (e: Error) => useDataStore.setState({ all: { error: e.message } }),
    );
  }, [enabled, manifest, slot]);
  const rows = mergeImported(slot.data, imported, () => true);
  return slot.error ? { error: slot.error } : rows ? { rows } : {};
}

/** The file index (district, rank and report-text files), loaded on first use. */
export function useIndex(): IndexFile | undefined {
  const manifest = useManifest();
  const [index, setIndex] = useState<IndexFile>();
  useEffect(() => {
    if (manifest) void loadIndex(manifest).then(setIndex, () => setIndex(undefined));
  }, [manifest]);
  return index;
}

export function useCoverage(): { coverage?: CoverageFile; error?: string } {
  const manifest = useManifest();
  const slot = useDataStore((s) => s.coverage);
  useEffect(() => {
    if (!manifest || slot.data || slot.error) return;
    loadCoverage(manifest).then(
      (data) => useDataStore.setState({ coverage: { data } }),
      (e: Error) => useDataStore.setState({ coverage: { error: e.message } }),
    );
  }, [manifest, slot]);
  return slot.error ? { error: slot.error } : slot.data ? { coverage: slot.data } : {};
}

/** A district's precomputed ranks (bundled data only: imported values are not ranked). */
export function useRanks(id: string | null): { ranks?: RanksFile; error?: string } {
  const slot = useKeyed('ranks', id, loadRanks);
  return slot?.error ? { error: slot.error } : slot?.data ? { ranks: slot.data } : {};
}

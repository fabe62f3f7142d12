// The read-only data the app has loaded, and hooks that load on demand.
import { useEffect, useState } from 'react';
import { create } from 'zustand';
import type { CoverageFile, DataObservation, IndexFile, Manifest, RanksFile } from '../domain/obs-file.ts';
import { dropBoot, fetchLiveManifest, heldIndicator, heldManifest, heldMeta, isSingleFile, loadAll, loadCoverage, loadDistrict, loadIndex, loadIndicator, loadManifest, loadMeta, loadRanks } from './load.ts';
import { withExtras, type Meta } from './meta.ts';
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
  districts: Record<string, Slot<DataObservation[]>>;
  coverage: Slot<CoverageFile>;
  ranks: Record<string, Slot<RanksFile>>;
  all: Slot<DataObservation[]>;
}

export const useDataStore = create<DataStore>(() => ({ indicators: {}, districts: {}, coverage: {}, ranks: {}, all: {} }));

let started = false;
/**
 * Starts loading the manifest and metadata (once), and the rows of the
 * indicator the page opens on, so their request does not wait for the first
 * render. What index.html already holds is in the store before React renders.
 */
export function startLoading(indicator: string | null = null): void {
  if (started) return;
  started = true;
  const fail = (e: unknown) => useDataStore.setState({ error: String((e as Error).message ?? e) });
  const held = heldManifest();
  if (held) {
    const meta = heldMeta(held);
    const rows = indicator ? heldIndicator(held, indicator) : undefined;
    useDataStore.setState({ manifest: held, ...(meta ? { meta } : {}), ...(rows && indicator ? { indicators: { [indicator]: { data: rows } } } : {}) });
    if (!meta) loadMeta(held).then((m) => useDataStore.setState({ meta: m }), fail);
    if (indicator && !rows) ensureKeyed('indicators', held, indicator, loadIndicator);
    if (!isSingleFile()) revalidate(held);
    return;
  }
  loadManifest()
    .then(async (manifest) => {
      useDataStore.setState({ manifest });
      if (indicator) ensureKeyed('indicators', manifest, indicator, loadIndicator);
      const meta = await loadMeta(manifest);
      useDataStore.setState({ meta });
    })
    .catch(fail);
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
        useDataStore.setState({ manifest: live, meta: undefined, indicators: {}, districts: {}, coverage: {}, ranks: {}, all: {} });
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

type KeyedKind = 'indicators' | 'districts' | 'ranks';

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

// Imported files persist in this browser's IndexedDB (never sent anywhere).
// Every read and write tolerates a browser without storage: the import then
// lasts for the page only.
import type { DataObservation } from '../domain/obs-file.ts';
import type { District, Indicator } from '../domain/types.ts';
import { useImported } from './imported.ts';

export interface ImportRecord {
  id: string;
  name: string;
  importedAt: string;
  observations: DataObservation[];
  districts: District[];
  indicators: Indicator[];
}

const DB = 'bvd-imports';
const STORE = 'imports';

function open(): Promise<IDBDatabase> {
  return new Promise((ok, fail) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
}

async function tx<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((ok, fail) => {
      const req = run(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
  } finally {
    db.close();
  }
}

let records: ImportRecord[] = [];

function publish() {
  useImported.setState({
    files: records.map((r) => ({ id: r.id, name: r.name, importedAt: r.importedAt, rows: r.observations.length })),
    observations: records.flatMap((r) => r.observations),
    districts: records.flatMap((r) => r.districts),
    indicators: records.flatMap((r) => r.indicators),
  });
}

export async function loadImports(): Promise<void> {
  try {
    records = ((await tx('readonly', (s) => s.getAll())) as ImportRecord[]).sort((a, b) => (a.importedAt < b.importedAt ? -1 : 1));
  } catch {
    records = [];
  }
  publish();
}

/** Stores first, then shows: what the page says is kept is kept. */
export async function addImport(r: ImportRecord): Promise<boolean> {
  let stored = true;
  try {
    await tx('readwrite', (s) => s.put(r));
  } catch {
    stored = false; // kept for this page only
  }
  records = [...records.filter((x) => x.id !== r.id), r];
  publish();
  return stored;
}

export async function removeImport(id: string): Promise<void> {
  try {
    await tx('readwrite', (s) => s.delete(id));
  } catch {
    /* nothing stored */
  }
  records = records.filter((r) => r.id !== id);
  publish();
}

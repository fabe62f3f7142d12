// Runs the import in a Web Worker so a large file never freezes the page;
// falls back to the main thread where workers cannot start (the offline
// single-file build opened from disk).
import { finishImport, importedDistricts, prepareImport, type ImportResult } from '../../domain/import.ts';
import { indexSource } from '../../domain/quotes.ts';
import type { Observation, ReferenceData } from '../../domain/types.ts';
import type { ImportRequest } from './import.worker.ts';

export interface BundledData {
  /** URL of each bundled report's text. */
  sourceUrls: Record<string, string>;
  /** URL of each district's bundled observations (for the worker). */
  districtUrls: Record<string, string>;
  /** The bundled observations of some districts (for the main-thread fallback, which may read inlined data). */
  loadDistricts: (ids: string[]) => Promise<Observation[]>;
}

export async function runImport(file: File, refs: ReferenceData, data: BundledData, onProgress: (rows: number) => void): Promise<ImportResult> {
  const bytes = await file.arrayBuffer();
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  if (!worker) {
    const texts = new Map<string, string>();
    for (const [id, url] of Object.entries(data.sourceUrls)) {
      try {
        const res = await fetch(url);
        if (res.ok) texts.set(id, await res.text());
      } catch {
        /* quote checks against this report are skipped */
      }
    }
    const prepared = prepareImport(new Uint8Array(bytes), file.name, refs, { sourceIndex: (id) => (texts.has(id) ? indexSource(texts.get(id)!) : undefined) });
    return finishImport(prepared, await data.loadDistricts(importedDistricts(prepared)));
  }
  type Message =
    | { type: 'progress'; rows: number }
    | { type: 'accepted'; rows: ImportResult['accepted'] }
    | { type: 'rejected'; rows: ImportResult['rejected'] }
    | { type: 'error'; message: string }
    | { type: 'done'; result: ImportResult };
  const accepted: ImportResult['accepted'] = [];
  const rejected: ImportResult['rejected'] = [];
  return new Promise((ok, fail) => {
    worker!.onmessage = (e: MessageEvent<Message>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.rows);
      else if (m.type === 'accepted') for (const r of m.rows) accepted.push(r);
      else if (m.type === 'rejected') for (const r of m.rows) rejected.push(r);
      else if (m.type === 'error') {
        fail(new Error(m.message));
        worker!.terminate();
      } else {
        ok({ ...m.result, accepted, rejected });
        worker!.terminate();
      }
    };
    worker!.onerror = (e) => {
      fail(new Error(e.message || 'the import worker failed'));
      worker!.terminate();
    };
    const req: ImportRequest = { bytes, fileName: file.name, refs, sourceUrls: data.sourceUrls, districtUrls: data.districtUrls };
    worker!.postMessage(req, [bytes]);
  });
}

// Parses and judges an imported CSV off the main thread: each row on its own,
// then the rows against each other and against the bundled observations of
// the districts they name (fetched here, only those).
import { finishImport, importedDistricts, prepareImport } from '../../domain/import.ts';
import { decodeRow, type ObsFile } from '../../domain/obs-file.ts';
import { indexSource, type SourceIndex } from '../../domain/quotes.ts';
import type { Observation, ReferenceData } from '../../domain/types.ts';

export interface ImportRequest {
  bytes: ArrayBuffer;
  fileName: string;
  refs: ReferenceData;
  /** URL of each bundled report's text, for checking quotes that cite one. */
  sourceUrls: Record<string, string>;
  /** URL of each district's bundled observations, for the duplicate and conflict rules. */
  districtUrls: Record<string, string>;
}

const post = (m: unknown) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<ImportRequest>) => {
  // A failure (a district's file cannot be fetched) is answered, never left hanging.
  judge(e.data).catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
};

async function judge({ bytes, fileName, refs, sourceUrls, districtUrls }: ImportRequest): Promise<void> {
  const view = new Uint8Array(bytes);
  // Fetch only the reports the file mentions.
  const head = new TextDecoder().decode(view);
  const indexes = new Map<string, SourceIndex>();
  await Promise.all(
    Object.entries(sourceUrls)
      .filter(([id]) => head.includes(id))
      .map(async ([id, url]) => {
        const res = await fetch(url);
        if (res.ok) indexes.set(id, indexSource(await res.text()));
      }),
  );
  const prepared = prepareImport(view, fileName, refs, {
    sourceIndex: (id) => indexes.get(id),
    onProgress: (n) => post({ type: 'progress', rows: n }),
  });
  const bundled: Observation[] = [];
  await Promise.all(
    importedDistricts(prepared)
      .filter((d) => districtUrls[d])
      .map(async (d) => {
        const res = await fetch(districtUrls[d]!);
        if (!res.ok) throw new Error(`${districtUrls[d]}: HTTP ${res.status}`);
        for (const r of (JSON.parse(await res.text()) as ObsFile).rows) bundled.push(decodeRow(r));
      }),
  );
  const result = finishImport(prepared, bundled);
  // Rows go back in slices: one message of 100,000 objects would take the main
  // thread a long task to unpack; slices arrive as separate short tasks.
  for (let i = 0; i < result.accepted.length; i += SLICE) post({ type: 'accepted', rows: result.accepted.slice(i, i + SLICE) });
  for (let i = 0; i < result.rejected.length; i += REJECTED_SLICE) post({ type: 'rejected', rows: result.rejected.slice(i, i + REJECTED_SLICE) });
  post({ type: 'done', result: { ...result, accepted: [], rejected: [] } });
}

const SLICE = 2000;
// A refused row carries its cells and issues: about four times the objects of an accepted one.
const REJECTED_SLICE = 500;

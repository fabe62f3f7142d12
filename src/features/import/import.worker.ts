// Parses and judges an imported CSV off the main thread.
import { importCsv } from '../../domain/import.ts';
import { indexSource, type SourceIndex } from '../../domain/quotes.ts';
import type { ReferenceData } from '../../domain/types.ts';

export interface ImportRequest {
  bytes: ArrayBuffer;
  fileName: string;
  refs: ReferenceData;
  /** URL of each bundled report's text, for checking quotes that cite one. */
  sourceUrls: Record<string, string>;
}

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const { bytes, fileName, refs, sourceUrls } = e.data;
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
  const result = importCsv(view, fileName, refs, {
    sourceIndex: (id) => indexes.get(id),
    onProgress: (n) => (self as unknown as Worker).postMessage({ type: 'progress', rows: n }),
  });
  // Rows go back in slices: one message of 100,000 objects would take the main
  // thread a long task to unpack; slices arrive as separate short tasks.
  const post = (m: unknown) => (self as unknown as Worker).postMessage(m);
  for (let i = 0; i < result.accepted.length; i += SLICE) post({ type: 'accepted', rows: result.accepted.slice(i, i + SLICE) });
  for (let i = 0; i < result.rejected.length; i += SLICE) post({ type: 'rejected', rows: result.rejected.slice(i, i + SLICE) });
  post({ type: 'done', result: { ...result, accepted: [], rejected: [] } });
};

const SLICE = 2000;

// The build's storage on disk: rows spilled to JSON-lines files by key, and
// output written into a staging folder that is swapped in only on success.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Hasher, Sink, Spill } from '../../src/domain/pipeline.ts';

export function nodeHasher(): Hasher {
  const h = createHash('sha256');
  return { update: (b) => void h.update(b), digest: () => h.digest('hex') };
}

/** Spills rows to <dir>/<name>/<n>.jsonl; keys map to file numbers (keys may hold any character). */
export function diskSpill<T>(dir: string, name: string): Spill<T> {
  const base = join(dir, name);
  mkdirSync(base, { recursive: true });
  const files = new Map<string, string>();
  // Small buffers per key, flushed in batches, so millions of rows do not mean millions of writes.
  const buffers = new Map<string, string[]>();
  let buffered = 0;
  const flush = (key?: string) => {
    const keys = key === undefined ? [...buffers.keys()] : [key];
    for (const k of keys) {
      const lines = buffers.get(k);
      if (!lines || lines.length === 0) continue;
      appendFileSync(files.get(k)!, lines.join('\n') + '\n');
      buffered -= lines.length;
      buffers.set(k, []);
    }
  };
  return {
    append(key, rows) {
      if (!files.has(key)) files.set(key, join(base, `${files.size}.jsonl`));
      let list = buffers.get(key);
      if (!list) buffers.set(key, (list = []));
      for (const r of rows) list.push(JSON.stringify(r));
      buffered += rows.length;
      if (buffered > 50_000) flush();
    },
    keys: () => [...files.keys()].sort(),
    take(key) {
      flush(key);
      const path = files.get(key);
      if (!path || !existsSync(path)) return [];
      const text = readFileSync(path, 'utf8');
      rmSync(path);
      return text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as T);
    },
  };
}

export function dirSink(dir: string): Sink {
  const ensure = (p: string) => mkdirSync(dirname(p), { recursive: true });
  return {
    write(path, bytes) {
      const full = join(dir, path);
      ensure(full);
      writeFileSync(full, bytes);
    },
    append(path, bytes) {
      const full = join(dir, path);
      ensure(full);
      appendFileSync(full, bytes);
    },
  };
}

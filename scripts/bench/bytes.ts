// Bytes a page downloaded, by type, raw and as gzip would send them (zlib,
// default level 6, computed from the files served; cached per file).
import { statSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Sent } from './server.ts';

export const BYTE_TYPES = ['js', 'css', 'json', 'other'] as const;
export type ByteType = (typeof BYTE_TYPES)[number];

export interface ByteCounts {
  requests: number;
  raw: Record<ByteType | 'total', number>;
  gzip: Record<ByteType | 'total', number>;
  /** The largest responses. */
  largest: { path: string; raw: number; gzip: number }[];
}

const gzCache = new Map<string, { mtime: number; size: number; gz: number }>();

export function gzipSize(file: string): number {
  const st = statSync(file);
  const hit = gzCache.get(file);
  if (hit && hit.mtime === st.mtimeMs && hit.size === st.size) return hit.gz;
  const gz = gzipSync(readFileSync(file)).length;
  gzCache.set(file, { mtime: st.mtimeMs, size: st.size, gz });
  return gz;
}

export function typeOf(path: string): ByteType {
  const ext = extname(path).toLowerCase();
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.css') return 'css';
  if (ext === '.json') return 'json';
  return 'other';
}

export function countBytes(sent: Sent[]): ByteCounts {
  const zero = () => ({ js: 0, css: 0, json: 0, other: 0, total: 0 });
  const out: ByteCounts = { requests: sent.length, raw: zero(), gzip: zero(), largest: [] };
  for (const s of sent) {
    const t = typeOf(s.file);
    const gz = gzipSize(s.file);
    out.raw[t] += s.bytes;
    out.raw.total += s.bytes;
    out.gzip[t] += gz;
    out.gzip.total += gz;
    out.largest.push({ path: s.path, raw: s.bytes, gzip: gz });
  }
  out.largest = out.largest.sort((a, b) => b.raw - a.raw).slice(0, 5);
  return out;
}

// Which slice files of a large indicator a need asks for, and how their rows
// join. No React: the store's hook and the tests share these.
import type { DataObservation, Manifest } from '../domain/obs-file.ts';
import type { RowsNeed } from '../domain/select.ts';

/** The slices a need reads ("latest", years), or null when the indicator comes whole. */
export function sliceKeys(manifest: Manifest, id: string, need: RowsNeed): string[] | null {
  const s = manifest.files.slices?.[id];
  if (!s) return null;
  if (need.years === 'all') return Object.keys(s.years);
  return ['latest', ...need.years.map(String).filter((y) => y in s.years)];
}

/** The rows of several slices, each once: a district's latest rows are also in their year's slice. */
export function joinSlices(lists: DataObservation[][]): DataObservation[] {
  const seen = new Set<string>();
  const out: DataObservation[] = [];
  for (const l of lists) {
    for (const o of l) {
      if (seen.has(o.id)) continue;
      seen.add(o.id);
      out.push(o);
    }
  }
  return out;
}

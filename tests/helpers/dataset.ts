// The curated dataset built in-process, once per test file.
import { resolve } from 'node:path';
import type { Dataset } from '../../src/domain/dataset.ts';
import { buildDataset } from '../../src/domain/pipeline.ts';
import { formatIssue } from '../../src/domain/issues.ts';
import type { Observation } from '../../src/domain/types.ts';
import { fsDataFiles, sha256Hex } from '../../scripts/lib/data-files.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

let cached: Dataset | null = null;

export function curatedDataset(): Dataset {
  if (cached) return cached;
  // DATA_ONLY=data/observations/x.csv restricts the build to files being worked on.
  const only = process.env.DATA_ONLY?.split(',').filter(Boolean);
  const { issues, dataset } = buildDataset(fsDataFiles(ROOT), sha256Hex, only ? { onlyFiles: only } : {});
  if (!dataset) throw new Error('the curated data does not build:\n' + issues.map(formatIssue).join('\n'));
  cached = dataset;
  return dataset;
}

export function rowsOf(source: string): Observation[] {
  return curatedDataset().observations.filter((o) => o.source === source);
}

/** The single stated (non-derived) value for a quantity in a report; throws if absent or ambiguous. */
export function statedValue(
  source: string,
  q: { district?: string; year: number; indicator: string; basis?: string; scope?: string; locator?: string },
): number {
  const rows = rowsOf(source).filter(
    (o) =>
      o.year === q.year &&
      o.indicator === q.indicator &&
      o.basis === (q.basis ?? '') &&
      o.scope === (q.scope ?? '') &&
      (q.locator === undefined || o.locator === q.locator) &&
      !o.flags.includes('derived'),
  );
  if (rows.length !== 1) throw new Error(`expected one ${q.indicator} ${q.year} row in ${source}, found ${rows.length}`);
  return rows[0]!.value;
}

/** Curated (stated, non-derived) rows of a report counted by indicator category ("family"). */
export function familyCounts(source: string, which: 'stated' | 'derived' = 'stated'): Record<string, number> {
  const ds = curatedDataset();
  const out: Record<string, number> = {};
  for (const o of rowsOf(source)) {
    if (o.flags.includes('derived') !== (which === 'derived')) continue;
    const cat = ds.refs.indicators.get(o.indicator)!.category;
    out[cat] = (out[cat] ?? 0) + 1;
  }
  return out;
}

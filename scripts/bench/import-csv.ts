// A CSV for the import benchmark: `rows` valid observations (district, year,
// indicator, value, locator) for the districts and indicators of a project's
// data, values inside each indicator's plausible range. Deterministic, streamed.
// Every row passes the import's rules between rows too: each quantity
// (district, year, indicator) has one value, restated under another locator
// once the quantities run out, and the years end before any report's years,
// so no row repeats or contradicts the bundled data.
import { closeSync, openSync, writeSync } from 'node:fs';
import { readReferenceData } from '../../src/domain/dataset.ts';
import { fsDataFiles, sha256Hex } from '../lib/data-files.ts';
import { prng } from './generate.ts';

const YEARS = 25;

export function writeImportCsv(root: string, path: string, rows = 100_000, seed = 0x1e): { rows: number; bytes: number } {
  const issues: unknown[] = [];
  const { refs } = readReferenceData(fsDataFiles(root), sha256Hex, issues as never, { keepTexts: false });
  const districts = [...refs.districts.keys()];
  const indicators = [...refs.indicators.values()];
  if (districts.length === 0 || indicators.length === 0) throw new Error(`no districts or indicators under ${root}/data`);
  const firstReportYear = Math.min(2025, ...[...refs.sources.values()].map((s) => s.yearMin));
  const rand = prng(seed);
  // Every district × year × indicator once, in a shuffled order.
  const quantities = districts.length * YEARS * indicators.length;
  const order = Array.from({ length: quantities }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const values = new Map<number, number>();
  const fd = openSync(path, 'w');
  let bytes = 0;
  let buf = 'district,year,indicator,value,locator\n';
  for (let i = 0; i < rows; i++) {
    const q = order[i % quantities]!;
    const d = districts[q % districts.length]!;
    const ind = indicators[Math.floor(q / districts.length) % indicators.length]!;
    const year = firstReportYear - YEARS + Math.floor(q / (districts.length * indicators.length));
    let value = values.get(q);
    if (value === undefined) {
      const lo = ind.unit === 'percent' ? Math.max(0, ind.plausibleMin ?? 0) : (ind.plausibleMin ?? 0);
      const hi = ind.unit === 'percent' ? Math.min(100, ind.plausibleMax ?? 100) : (ind.plausibleMax ?? 1000);
      const f = 10 ** ind.decimals;
      value = Math.round((lo + rand() * (hi - lo)) * f) / f;
      values.set(q, value);
    }
    const round = Math.floor(i / quantities);
    buf += `${d},${year},${ind.id},${value},${round === 0 ? '' : `restated ${round}`}\n`;
    if (buf.length > 1 << 16) {
      bytes += writeSync(fd, buf);
      buf = '';
    }
  }
  bytes += writeSync(fd, buf);
  closeSync(fd);
  return { rows, bytes };
}

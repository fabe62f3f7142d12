// A CSV for the import benchmark: `rows` valid observations (district, year,
// indicator, value only) for the districts and indicators of a project's
// data, values inside each indicator's plausible range. Deterministic, streamed.
import { closeSync, openSync, writeSync } from 'node:fs';
import { readReferenceData } from '../../src/domain/dataset.ts';
import { fsDataFiles, sha256Hex } from '../lib/data-files.ts';
import { prng } from './generate.ts';

export function writeImportCsv(root: string, path: string, rows = 100_000, seed = 0x1e): { rows: number; bytes: number } {
  const issues: unknown[] = [];
  const { refs } = readReferenceData(fsDataFiles(root), sha256Hex, issues as never, { keepTexts: false });
  const districts = [...refs.districts.keys()];
  const indicators = [...refs.indicators.values()];
  if (districts.length === 0 || indicators.length === 0) throw new Error(`no districts or indicators under ${root}/data`);
  const rand = prng(seed);
  const fd = openSync(path, 'w');
  let bytes = 0;
  let buf = 'district,year,indicator,value\n';
  for (let i = 0; i < rows; i++) {
    const d = districts[Math.floor(rand() * districts.length)]!;
    const ind = indicators[Math.floor(rand() * indicators.length)]!;
    const lo = ind.unit === 'percent' ? Math.max(0, ind.plausibleMin ?? 0) : (ind.plausibleMin ?? 0);
    const hi = ind.unit === 'percent' ? Math.min(100, ind.plausibleMax ?? 100) : (ind.plausibleMax ?? 1000);
    const f = 10 ** ind.decimals;
    const value = Math.round((lo + rand() * (hi - lo)) * f) / f;
    const year = 2000 + Math.floor(rand() * 25);
    buf += `${d},${year},${ind.id},${value}\n`;
    if (buf.length > 1 << 16) {
      bytes += writeSync(fd, buf);
      buf = '';
    }
  }
  bytes += writeSync(fd, buf);
  closeSync(fd);
  return { rows, bytes };
}

// The coverage matrix: for each indicator and district, the years with data
// (any basis), and whether any of them carries a doubt flag.
import type { CoverageFile, DataObservation } from '../../domain/obs-file.ts';

export interface CoverageCell {
  years: number[];
  flagged: boolean;
  bases: string[];
}

export type CoverageMatrix = Map<string, Map<string, CoverageCell>>;

export function coverageMatrix(file: CoverageFile, imported: DataObservation[] = []): CoverageMatrix {
  const out: CoverageMatrix = new Map();
  const cell = (ind: string, d: string) => {
    let row = out.get(ind);
    if (!row) out.set(ind, (row = new Map()));
    let c = row.get(d);
    if (!c) row.set(d, (c = { years: [], flagged: false, bases: [] }));
    return c;
  };
  for (const [ind, d, basis, , years, flagged] of file.cells) {
    const c = cell(ind, d);
    c.years = [...new Set([...c.years, ...years])].sort((a, b) => a - b);
    c.flagged ||= flagged.length > 0;
    if (!c.bases.includes(basis)) c.bases.push(basis);
  }
  for (const o of imported) {
    const c = cell(o.indicator, o.district);
    if (!c.years.includes(o.year)) c.years = [...c.years, o.year].sort((a, b) => a - b);
    if (!c.bases.includes(o.basis)) c.bases.push(o.basis);
  }
  return out;
}

/** Years written compactly: 2018–2019, 2022 → "18–19, 22". */
export function compactYears(years: number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < years.length) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    const a = String(years[i]).slice(2);
    const b = String(years[j]).slice(2);
    parts.push(i === j ? a : `${a}–${b}`);
    i = j + 1;
  }
  return parts.join(', ');
}

// The benchmark scales. S is the real curated data; the others are synthetic
// projects in the real data format, written by generate.ts.

export interface SyntheticSpec {
  /** Units ("districts"): each gets its own report text and observation file. */
  units: number;
  years: number;
  /** Last year described; years run lastYear - years + 1 … lastYear. */
  lastYear: number;
  /** Indicators, the first of them always dual_teacher_share (the app's default). */
  indicators: number;
  /** Functional groups the units are split into, in contiguous blocks. */
  groups: number;
  seed: number;
  /** Shares of rows flagged derived (with a formula) and small_sample (with notes). */
  derivedShare: number;
  smallSampleShare: number;
}

export interface ScaleDef {
  name: string;
  description: string;
  /** null: the real data of this repository. */
  synthetic: SyntheticSpec | null;
  /** Which browser measurements this scale gets. */
  browser: 'full' | 'table-scroll' | 'none';
  /** Time limit for the data build, in seconds. */
  buildTimeoutSec: number;
}

const base = { lastYear: 2024, derivedShare: 0.01, smallSampleShare: 0.01 };

export const SCALES: Record<string, ScaleDef> = {
  S: {
    name: 'S',
    description: 'the real curated data (16 districts, 5 reports)',
    synthetic: null,
    browser: 'full',
    buildTimeoutSec: 300,
  },
  M: {
    name: 'M',
    description: '16 districts × 30 years × 200 indicators',
    synthetic: { ...base, units: 16, years: 30, indicators: 200, groups: 4, seed: 0x4d },
    browser: 'full',
    buildTimeoutSec: 900,
  },
  L: {
    name: 'L',
    description: '3,000 county-level units × 10 years × 100 indicators (national stand-in)',
    synthetic: { ...base, units: 3000, years: 10, indicators: 100, groups: 31, seed: 0x4c },
    browser: 'full',
    buildTimeoutSec: 1200,
  },
  T10k: {
    name: 'T10k',
    description: '10,000 units × 2 years × 3 indicators (table of 10,000 rows)',
    synthetic: { ...base, units: 10_000, years: 2, indicators: 3, groups: 10, seed: 0x54 },
    browser: 'table-scroll',
    buildTimeoutSec: 900,
  },
  T: {
    name: 'T',
    description: 'tiny: 6 units × 3 years × 8 indicators (tests)',
    synthetic: { ...base, units: 6, years: 3, indicators: 8, groups: 2, seed: 0x74, derivedShare: 0.1, smallSampleShare: 0.1 },
    browser: 'none',
    buildTimeoutSec: 120,
  },
};

/**
 * A scale by token: a name ("L"), or a name with fewer units ("L:300", a
 * reduced L whose results are called "L-300").
 */
export function resolveScale(token: string): ScaleDef {
  const [name, unitsRaw] = token.split(':');
  const def = SCALES[name ?? ''];
  if (!def) throw new Error(`unknown scale '${token}' (known: ${Object.keys(SCALES).join(', ')}; reduce units with e.g. L:300)`);
  if (unitsRaw === undefined) return def;
  const units = Number(unitsRaw);
  if (!def.synthetic || !Number.isInteger(units) || units < 1) throw new Error(`'${token}': only synthetic scales take a unit count (a positive integer)`);
  return {
    ...def,
    name: `${def.name}-${units}`,
    description: `${def.description}, reduced to ${units} units`,
    synthetic: { ...def.synthetic, units, groups: Math.min(def.synthetic.groups, units) },
  };
}

export function expectedRows(s: SyntheticSpec): number {
  return s.units * s.years * s.indicators;
}

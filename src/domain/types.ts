import type { FlagId, ScopeId, UnitId } from './vocab.ts';

export interface Group {
  id: string;
  nameZh: string;
  nameEn: string;
  order: number;
}

export interface District {
  id: string;
  nameZh: string;
  nameEn: string;
  group: string;
  /** Syllables separated by spaces ("hai dian"); empty for user-added districts. */
  pinyin: string;
  tile: [col: number, row: number] | null;
  noteZh: string;
  noteEn: string;
}

export interface Indicator {
  id: string;
  nameZh: string;
  nameEn: string;
  unit: UnitId;
  category: string;
  decimals: number;
  /** true, false, or null when neither direction is better. */
  higherIsBetter: boolean | null;
  /** Count indicator that gives a rate's n, if any. */
  denominator: string;
  plausibleMin: number | null;
  plausibleMax: number | null;
  definitionZh: string;
  definitionEn: string;
}

export interface Basis {
  id: string;
  nameZh: string;
  nameEn: string;
  /** Indicator ids this basis applies to; empty means any. */
  appliesTo: string[];
  denominator: string;
  definitionZh: string;
  definitionEn: string;
}

export interface Source {
  id: string;
  district: string;
  title: string;
  titleEn: string;
  titleYear: number;
  published: string;
  publisher: string;
  file: string;
  originalFile: string;
  sha256: string;
  yearMin: number;
  yearMax: number;
  added: string;
  noteZh: string;
  noteEn: string;
}

export interface Observation {
  /** Stable id derived from the row's key. */
  id: string;
  district: string;
  year: number;
  /** The period as the report words it when it is not a plain year. */
  period: string;
  indicator: string;
  value: number;
  basis: string;
  scope: ScopeId;
  /** Report id; empty for user data without a source. */
  source: string;
  locator: string;
  quote: string;
  flags: FlagId[];
  /** Arithmetic a derived value came from, written out with its numbers. */
  formula: string;
  /** Ids of the observations a derived value came from. */
  inputs: string[];
  noteZh: string;
  noteEn: string;
  /** [start, end) character offsets of the quote in the source text. */
  span: [number, number] | null;
}

/** Where a row came from, for error messages; never written to output. */
export interface Origin {
  file: string;
  line: number;
}

export interface ReferenceData {
  groups: Map<string, Group>;
  districts: Map<string, District>;
  indicators: Map<string, Indicator>;
  bases: Map<string, Basis>;
  sources: Map<string, Source>;
}

/** The quantity an observation measures: rows sharing it must agree or be flagged. */
export function quantityKey(o: Pick<Observation, 'district' | 'year' | 'indicator' | 'basis' | 'scope'>): string {
  return `${o.district}|${o.year}|${o.indicator}|${o.basis}|${o.scope}`;
}

/** One statement of a quantity: two rows with the same row key are duplicates. */
export function rowKey(
  o: Pick<Observation, 'district' | 'year' | 'indicator' | 'basis' | 'scope' | 'source' | 'locator'>,
): string {
  return `${quantityKey(o)}|${o.source}|${o.locator}`;
}

// The shapes of the built data files, and the row codec the app decodes them
// with. Kept apart from the build-side writer so the app bundle stays small.
import type { Observation } from './types.ts';
import type { FlagId, ScopeId } from './vocab.ts';

export const DATA_FORMAT = 1;

/** Column order of observation rows in the JSON files. */
export const OBS_COLUMNS = [
  'id',
  'district',
  'year',
  'period',
  'indicator',
  'value',
  'basis',
  'scope',
  'source',
  'locator',
  'quote',
  'flags',
  'formula',
  'inputs',
  'noteZh',
  'noteEn',
  'span',
  'n',
] as const;

export type ObsRow = [
  id: string,
  district: string,
  year: number,
  period: string,
  indicator: string,
  value: number,
  basis: string,
  scope: string,
  source: string,
  locator: string,
  quote: string,
  flags: string[],
  formula: string,
  inputs: string[],
  noteZh: string,
  noteEn: string,
  span: [number, number] | null,
  n: number | null,
];

export interface ObsFile {
  format: number;
  columns: readonly string[];
  rows: ObsRow[];
}

/** An observation as the app holds it: the curated fields plus the n behind a rate. */
export interface DataObservation extends Observation {
  n: number | null;
}

export interface Manifest {
  format: number;
  /** Content hash of every data file: the dataset version that links carry. */
  version: string;
  dataDate: string;
  counts: {
    observations: number;
    curated: number;
    derived: number;
    bySource: Record<string, number>;
    byDistrict: Record<string, number>;
    byIndicator: Record<string, number>;
  };
  files: {
    meta: string;
    coverage: string;
    csv: string;
    /** Every observation of an indicator, one file each. */
    indicators: Record<string, string>;
    /**
     * Large indicators also come in slices (a chart then fetches what it
     * draws): absent for an indicator small enough to fetch whole.
     */
    slices?: Record<string, IndicatorSlices>;
    /** The file maps below, kept apart: at national scale they list thousands of files. */
    index: string;
  };
}

/** An indicator's slices, and what a view needs to know of its whole file without fetching it. */
export interface IndicatorSlices {
  /** Each district's rows of its latest year, per basis (what a "latest values" chart draws). */
  latest: string;
  /** One file per year. */
  years: Record<string, string>;
  /** Rows in the whole file. */
  rows: number;
  /** Its bases: districts and observations in each, as basesOf() counts them over the whole file. */
  bases: { basis: string; districts: number; observations: number }[];
}

/** A slice of an indicator's rows in columns (OBS_COLUMNS order): compact, and quick to decode. */
export interface ObsSliceFile {
  format: number;
  columns: readonly string[];
  rows: number;
  data: unknown[][];
}

export function encodeSlice(rows: DataObservation[]): ObsSliceFile {
  const encoded = rows.map(encodeRow);
  return { format: DATA_FORMAT, columns: OBS_COLUMNS, rows: rows.length, data: OBS_COLUMNS.map((_, c) => encoded.map((r) => r[c])) };
}

export function decodeSlice(file: ObsSliceFile): DataObservation[] {
  const out: DataObservation[] = new Array(file.rows);
  const cols = file.data;
  for (let i = 0; i < file.rows; i++) out[i] = decodeRow(cols.map((c) => c[i]) as ObsRow);
  return out;
}

/** Where each district's, rank table's and report text's file is; loaded when a view needs one. */
export interface IndexFile {
  format: number;
  districts: Record<string, string>;
  /** Per district: its rank on every indicator and basis it reports, among all districts. */
  ranks: Record<string, string>;
  sources: Record<string, string>;
}

/** [indicator, basis, latest year, value, rank, districts ranked, districts sharing the rank] */
export type RankRow = [string, string, number, number, number, number, number];

export interface RanksFile {
  format: number;
  ranks: RankRow[];
}

export interface CoverageFile {
  format: number;
  /** [indicator, district, basis, scope, years, flagged years] */
  cells: [string, string, string, string, number[], number[]][];
}

export function encodeRow(o: DataObservation): ObsRow {
  return [
    o.id, o.district, o.year, o.period, o.indicator, o.value, o.basis, o.scope, o.source, o.locator,
    o.quote, o.flags, o.formula, o.inputs, o.noteZh, o.noteEn, o.span, o.n,
  ];
}

export function decodeRow(r: ObsRow): DataObservation {
  return {
    id: r[0],
    district: r[1],
    year: r[2],
    period: r[3],
    indicator: r[4],
    value: r[5],
    basis: r[6],
    scope: r[7] as ScopeId,
    source: r[8],
    locator: r[9],
    quote: r[10],
    flags: r[11] as FlagId[],
    formula: r[12],
    inputs: r[13],
    noteZh: r[14],
    noteEn: r[15],
    span: r[16],
    n: r[17],
  };
}


// The tidy CSV of observations people download (and can import back).
import Papa from 'papaparse';
import type { ReferenceData } from './types.ts';
import { PUBLIC_CSV_COLUMNS } from './schema.ts';
import type { DataObservation } from './obs-file.ts';

/** Cells that a spreadsheet would run as a formula: guarded with a leading apostrophe. */
export const FORMULA_START = /^[=+\-@\t\r]/;

type Refs = { refs: Pick<ReferenceData, 'districts' | 'indicators' | 'sources'> };

/** Data rows only (no header), each ending in CRLF. */
export function publicCsvRows(observations: DataObservation[], ds: Refs): string {
  if (observations.length === 0) return '';
  const rows = observations.map((o) => {
    const d = ds.refs.districts.get(o.district);
    const i = ds.refs.indicators.get(o.indicator);
    const s = ds.refs.sources.get(o.source);
    return [
      o.id, o.district, d?.nameZh ?? '', d?.nameEn ?? '', o.year, o.period, o.indicator, i?.nameZh ?? '',
      i?.nameEn ?? '', o.value, i?.unit ?? '', o.basis, o.scope, o.source, s?.title ?? '', o.locator, o.quote,
      o.flags.join(';'), o.formula, o.inputs.join(';'), o.noteZh, o.noteEn,
    ];
  });
  // escapeFormulae: a cell starting with = + - @ would run as a formula in Excel; the import strips the guard.
  // The pattern is ours: Papa's default misses a formula cell that also holds a line break.
  return Papa.unparse(rows, { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START }) + '\r\n';
}

/** The whole file: BOM (so Excel opens the Chinese text as UTF-8), header, rows; CRLF as RFC 4180 asks. */
export function toPublicCsv(observations: DataObservation[], ds: Refs): string {
  return '\uFEFF' + Papa.unparse([[...PUBLIC_CSV_COLUMNS]], { newline: '\r\n' }) + '\r\n' + publicCsvRows(observations, ds);
}

/** A view's table as it is shown: its column headers and, row by row, its cells (numbers stay numbers). */
export interface ShownTable {
  columns: string[];
  rows: (string | number | null)[][];
}

/** A shown table as CSV (BOM, CRLF, formula cells guarded); an empty cell is an empty field, never 0. */
export function toTableCsv(table: ShownTable): string {
  const rows = table.rows.map((r) => r.map((c) => (c === null ? '' : c)));
  return '\uFEFF' + Papa.unparse([table.columns, ...rows], { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START }) + '\r\n';
}

// Importing a user's CSV: observations in the public format (or districts /
// indicators tables to extend the vocabulary). Every row is judged by
// validate.ts, the module the build uses; nothing is dropped silently: each
// refused row comes back with its line, field and reason.
import { decodeUtf8, parseCsv } from './csv.ts';
import { stableId } from './hash.ts';
import type { DataObservation } from './obs-file.ts';
import type { SourceIndex } from './quotes.ts';
import { DISTRICT_SPEC, INDICATOR_SPEC, OBSERVATION_COLUMNS, PUBLIC_CSV_COLUMNS } from './schema.ts';
import type { Issue } from './issues.ts';
import type { District, Indicator, ReferenceData } from './types.ts';
import { readObservation } from './validate.ts';

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 500_000;

export type ImportKind = 'observations' | 'districts' | 'indicators';

export interface Rejection {
  line: number;
  field: string;
  reason: string;
  cells: Record<string, string>;
}

export interface ImportResult {
  kind: ImportKind | null;
  /** One clear message when the file as a whole cannot be read; rows are then not judged. */
  fileError: string | null;
  header: string[];
  accepted: DataObservation[];
  rejected: Rejection[];
  districts: District[];
  indicators: Indicator[];
  /** Ids the rows use that neither the bundled data nor the import defines. */
  unknownDistricts: string[];
  unknownIndicators: string[];
  rows: number;
}

const OBS_IMPORT_COLUMNS = {
  required: ['district', 'year', 'indicator', 'value'],
  optional: [...new Set([...PUBLIC_CSV_COLUMNS, ...OBSERVATION_COLUMNS.optional, ...OBSERVATION_COLUMNS.required])].filter(
    (c) => !['district', 'year', 'indicator', 'value'].includes(c),
  ),
};

function emptyResult(kind: ImportKind | null, fileError: string | null): ImportResult {
  return { kind, fileError, header: [], accepted: [], rejected: [], districts: [], indicators: [], unknownDistricts: [], unknownIndicators: [], rows: 0 };
}

/** Which table a header describes. */
export function detectKind(headerLine: string): ImportKind | null {
  const cols = headerLine.replace(/^\uFEFF/, '').split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  if (cols.includes('indicator') && (cols.includes('value') || cols.includes('district'))) return 'observations';
  if (cols.includes('unit') && cols.includes('definition_zh')) return 'indicators';
  if (cols.includes('name_zh') && cols.includes('group')) return 'districts';
  return null;
}

/** Undoes the "'" our CSV export puts before cells starting with = + - @ (spreadsheet formula guard). */
function unguard(cells: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(cells)) out[k] = /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
  return out;
}

export interface ImportOptions {
  sourceIndex: (sourceId: string) => SourceIndex | undefined;
  maxBytes?: number;
  /** Reports progress every so many rows (for the worker to post). */
  onProgress?: (rowsRead: number) => void;
}

export function importCsv(bytes: Uint8Array, fileName: string, refs: ReferenceData, opts: ImportOptions): ImportResult {
  const max = opts.maxBytes ?? IMPORT_MAX_BYTES;
  if (bytes.length === 0) return emptyResult(null, 'empty');
  if (bytes.length > max) return emptyResult(null, `too-large:${max}`);
  if (!/\.(csv|txt)$/i.test(fileName)) return emptyResult(null, 'not-csv');
  const decoded = decodeUtf8(bytes, fileName);
  if (!decoded.ok) return emptyResult(null, `not-utf8:${decoded.issue.line}`);
  const text = decoded.text;
  if (text.trim() === '') return emptyResult(null, 'empty');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const kind = detectKind(firstLine);
  if (!kind) return emptyResult(null, 'not-observations');
  if (/[\u0000-\u0008]/.test(text.slice(0, 4096))) return emptyResult(null, 'not-csv');

  const result = emptyResult(kind, null);
  if (kind === 'districts' || kind === 'indicators') {
    const spec = kind === 'districts' ? DISTRICT_SPEC : INDICATOR_SPEC;
    const { table, issues: csvIssues } = parseCsv(text, fileName, spec);
    result.header = table.header;
    const headerProblems = csvIssues.filter((i) => i.field === 'header');
    if (headerProblems.length > 0) return { ...emptyResult(kind, `header:${headerProblems.map((i) => i.message).join('; ')}`), header: table.header };
    if (csvIssues.some((i) => i.field === '(file)')) return { ...emptyResult(kind, 'no-rows'), header: table.header };
    for (const r of table.records) {
      result.rows++;
      const rowIssues: Issue[] = [];
      const item = spec.read(r, fileName, rowIssues);
      if (item) (kind === 'districts' ? result.districts : result.indicators).push(item as never);
      // One refused row, however many of its cells are wrong.
      else result.rejected.push({ line: r.line, field: rowIssues[0]?.field ?? '(row)', reason: rowIssues.map((i) => `${i.field}: ${i.message}`).join('; '), cells: r.cells });
    }
    for (const i of csvIssues) {
      result.rejected.push({ line: i.line, field: i.field, reason: i.message, cells: {} });
      result.rows++;
    }
    result.rejected.sort((a, b) => a.line - b.line);
    return result;
  }

  const unknownD = new Set<string>();
  const unknownI = new Set<string>();
  const { table, issues } = parseCsv(text, fileName, {
    ...OBS_IMPORT_COLUMNS,
    onRecord: (r) => {
      result.rows++;
      if (result.rows > IMPORT_MAX_ROWS) return;
      if (opts.onProgress && result.rows % 5000 === 0) opts.onProgress(result.rows);
      const cells = unguard(r.cells);
      const { obs, issues: rowIssues } = readObservation(cells, { file: fileName, line: r.line }, refs, { mode: 'import', sourceIndex: opts.sourceIndex });
      if (obs) {
        result.accepted.push({ ...obs, id: `u${stableId(`${fileName}|${r.line}|${cells['district']}|${cells['year']}|${cells['indicator']}`)}`, n: null });
      } else {
        const first = rowIssues[0]!;
        result.rejected.push({ line: r.line, field: first.field, reason: rowIssues.map((i) => (i.field === first.field && rowIssues.length === 1 ? i.message : `${i.field}: ${i.message}`)).join('; '), cells: r.cells });
        for (const i of rowIssues) {
          if (i.field === 'district' && i.message.startsWith('unknown district')) unknownD.add(cells['district']!.trim());
          if (i.field === 'indicator' && i.message.startsWith('unknown indicator')) unknownI.add(cells['indicator']!.trim());
        }
      }
    },
  });
  result.header = table.header;
  const headerProblems = issues.filter((i) => i.field === 'header');
  if (headerProblems.length > 0) {
    return { ...emptyResult(kind, `header:${headerProblems.map((i) => i.message).join('; ')}`), header: table.header };
  }
  // A header and no rows: one answer about the file, not a refused row that does not exist.
  if (issues.some((i) => i.field === '(file)')) return { ...emptyResult(kind, 'no-rows'), header: table.header };
  // Rows the CSV parser could not split into cells are rejected too, with their line.
  for (const i of issues) {
    result.rejected.push({ line: i.line, field: i.field, reason: i.message, cells: {} });
    if (i.field === '(csv)') result.rows++;
  }
  if (result.rows > IMPORT_MAX_ROWS) return { ...emptyResult(kind, `too-many-rows:${IMPORT_MAX_ROWS}`), header: table.header };
  result.rejected.sort((a, b) => a.line - b.line);
  result.unknownDistricts = [...unknownD].sort();
  result.unknownIndicators = [...unknownI].sort();
  return result;
}

/** Minimal entries for ids the user chose to add: named by their id, in an "imported" group. */
export function minimalDistrict(id: string): District {
  return { id, nameZh: id, nameEn: id, group: 'imported', pinyin: '', tile: null, noteZh: '用户导入时添加的区。', noteEn: 'Added by the user during an import.' };
}

export function minimalIndicator(id: string, unit: Indicator['unit']): Indicator {
  return {
    id,
    nameZh: id,
    nameEn: id,
    unit,
    category: 'imported',
    decimals: 2,
    higherIsBetter: null,
    denominator: '',
    plausibleMin: null,
    plausibleMax: null,
    definitionZh: '用户导入时添加的指标，无定义。',
    definitionEn: 'Added by the user during an import; no definition.',
  };
}

/** The refused rows as CSV with a reason column, so nothing is lost. */
export function rejectedCsvRows(result: ImportResult): { fields: string[]; data: string[][] } {
  const fields = [...result.header, 'line', 'reason'];
  return { fields, data: result.rejected.map((r) => [...result.header.map((h) => r.cells[h] ?? ''), String(r.line), r.reason.startsWith(`${r.field}: `) ? r.reason : `${r.field}: ${r.reason}`]) };
}

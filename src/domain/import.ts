// Importing a user's CSV: observations in the public format (or districts /
// indicators tables to extend the vocabulary). Every row is judged by
// validate.ts, the module the build uses; nothing is dropped silently: each
// refused row comes back with its line, field and reason.
import { decodeUtf8, parseCsv } from './csv.ts';
import { stableId } from './hash.ts';
import type { DataObservation } from './obs-file.ts';
import type { SourceIndex } from './quotes.ts';
import { DISTRICT_SPEC, INDICATOR_SPEC, OBSERVATION_COLUMNS, PUBLIC_CSV_COLUMNS } from './schema.ts';
import { issueOf, type Issue, type IssueCode, type IssueParams } from './issues.ts';
import type { District, Indicator, Observation, ReferenceData } from './types.ts';
import { compareStatements, readObservation } from './validate.ts';

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 500_000;

export type ImportKind = 'observations' | 'districts' | 'indicators';

export interface Rejection {
  line: number;
  /** The first field at fault. */
  field: string;
  /** Every problem in English, as the build would print it. */
  reason: string;
  /** Every problem with its code and parameters, for the reader's language. */
  issues: Issue[];
  cells: Record<string, string>;
}

export interface ImportResult {
  kind: ImportKind | null;
  /** One clear message when the file as a whole cannot be read; rows are then not judged. */
  fileError: string | null;
  /** The header problems behind a `header:` file error, for the reader's language. */
  fileIssues: Issue[];
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

/** A judged file whose rows have not yet been compared with each other and the bundled data. */
export interface PreparedImport {
  fileName: string;
  result: ImportResult;
  /** Rows that passed the row checks, in file order. */
  candidates: { obs: DataObservation; line: number; cells: Record<string, string> }[];
}

const OBS_IMPORT_COLUMNS = {
  required: ['district', 'year', 'indicator', 'value'],
  optional: [...new Set([...PUBLIC_CSV_COLUMNS, ...OBSERVATION_COLUMNS.optional, ...OBSERVATION_COLUMNS.required])].filter(
    (c) => !['district', 'year', 'indicator', 'value'].includes(c),
  ),
};

function emptyResult(kind: ImportKind | null, fileError: string | null, fileIssues: Issue[] = []): ImportResult {
  return { kind, fileError, fileIssues, header: [], accepted: [], rejected: [], districts: [], indicators: [], unknownDistricts: [], unknownIndicators: [], rows: 0 };
}

/** One refused row, however many of its cells are wrong. */
function rejection(line: number, issues: Issue[], cells: Record<string, string>): Rejection {
  const first = issues[0]!;
  const reason = issues.length === 1 ? first.message : issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  return { line, field: first.field, reason, issues, cells };
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
  /**
   * The bundled observations of these districts, to refuse rows that repeat
   * or contradict them (the worker fetches them between prepare and finish).
   */
  bundled?: (districts: string[]) => readonly Observation[];
}

/** Reads and judges a file in one go: prepareImport, then finishImport against opts.bundled. */
export function importCsv(bytes: Uint8Array, fileName: string, refs: ReferenceData, opts: ImportOptions): ImportResult {
  const prepared = prepareImport(bytes, fileName, refs, opts);
  return finishImport(prepared, opts.bundled?.(importedDistricts(prepared)) ?? []);
}

/** Reads the file and judges each row on its own (validate.ts, as the build does). */
export function prepareImport(bytes: Uint8Array, fileName: string, refs: ReferenceData, opts: ImportOptions): PreparedImport {
  const none = (result: ImportResult): PreparedImport => ({ fileName, result, candidates: [] });
  const max = opts.maxBytes ?? IMPORT_MAX_BYTES;
  if (bytes.length === 0) return none(emptyResult(null, 'empty'));
  if (bytes.length > max) return none(emptyResult(null, `too-large:${max}`));
  if (!/\.(csv|txt)$/i.test(fileName)) return none(emptyResult(null, 'not-csv'));
  const decoded = decodeUtf8(bytes, fileName);
  if (!decoded.ok) return none(emptyResult(null, `not-utf8:${decoded.issue.line}`));
  const text = decoded.text;
  if (text.trim() === '') return none(emptyResult(null, 'empty'));
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const kind = detectKind(firstLine);
  if (!kind) return none(emptyResult(null, 'not-observations'));
  if (/[\u0000-\u0008]/.test(text.slice(0, 4096))) return none(emptyResult(null, 'not-csv'));
  const headerError = (header: string[], problems: Issue[]) =>
    none({ ...emptyResult(kind, `header:${problems.map((i) => i.message).join('; ')}`, problems), header });

  const result = emptyResult(kind, null);
  if (kind === 'districts' || kind === 'indicators') {
    const spec = kind === 'districts' ? DISTRICT_SPEC : INDICATOR_SPEC;
    const { table, issues: csvIssues } = parseCsv(text, fileName, spec);
    result.header = table.header;
    const headerProblems = csvIssues.filter((i) => i.field === 'header');
    if (headerProblems.length > 0) return headerError(table.header, headerProblems);
    if (csvIssues.some((i) => i.field === '(file)')) return none({ ...emptyResult(kind, 'no-rows'), header: table.header });
    for (const r of table.records) {
      result.rows++;
      const rowIssues: Issue[] = [];
      const item = spec.read(r, fileName, rowIssues);
      if (item) (kind === 'districts' ? result.districts : result.indicators).push(item as never);
      else result.rejected.push(rejection(r.line, rowIssues, r.cells));
    }
    for (const i of csvIssues) {
      result.rejected.push(rejection(i.line, [i], {}));
      result.rows++;
    }
    result.rejected.sort((a, b) => a.line - b.line);
    return none(result);
  }

  const candidates: PreparedImport['candidates'] = [];
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
        const id = `u${stableId(`${fileName}|${r.line}|${cells['district']}|${cells['year']}|${cells['indicator']}`)}`;
        candidates.push({ obs: { ...obs, id, n: null }, line: r.line, cells: r.cells });
      } else {
        result.rejected.push(rejection(r.line, rowIssues, r.cells));
        for (const i of rowIssues) {
          if (i.code === 'district.unknown') unknownD.add(cells['district']!.trim());
          if (i.code === 'indicator.unknown') unknownI.add(cells['indicator']!.trim());
        }
      }
    },
  });
  result.header = table.header;
  const headerProblems = issues.filter((i) => i.field === 'header');
  if (headerProblems.length > 0) return headerError(table.header, headerProblems);
  // A header and no rows: one answer about the file, not a refused row that does not exist.
  if (issues.some((i) => i.field === '(file)')) return none({ ...emptyResult(kind, 'no-rows'), header: table.header });
  // Rows the CSV parser could not split into cells are rejected too, with their line.
  for (const i of issues) {
    result.rejected.push(rejection(i.line, [i], {}));
    if (i.field === '(csv)') result.rows++;
  }
  if (result.rows > IMPORT_MAX_ROWS) return none({ ...emptyResult(kind, `too-many-rows:${IMPORT_MAX_ROWS}`), header: table.header });
  result.unknownDistricts = [...unknownD].sort();
  result.unknownIndicators = [...unknownI].sort();
  return { fileName, result, candidates };
}

/** Districts whose bundled observations finishImport needs. */
export function importedDistricts(p: PreparedImport): string[] {
  return [...new Set(p.candidates.map((c) => c.obs.district))].sort();
}

/**
 * Applies the build's rules between rows (validate.ts compareStatements) to
 * the file's rows and the bundled data: a row repeating an earlier row or a
 * bundled one is refused, and so is a row disagreeing with another statement
 * of its quantity unless flagged conflict. Every refused row names the line
 * or the bundled statement it clashes with.
 */
export function finishImport(p: PreparedImport, bundled: readonly Observation[]): ImportResult {
  const { result, candidates } = p;
  if (candidates.length === 0) {
    result.rejected.sort((a, b) => a.line - b.line);
    return result;
  }
  const districts = new Set(candidates.map((c) => c.obs.district));
  const base = bundled.filter((o) => districts.has(o.district));
  const rows: Observation[] = [...base, ...candidates.map((c) => c.obs)];
  const n = base.length;
  const found = new Map<number, Issue[]>();
  // Many rows clash with the same statement (a row repeated 166,400 times): their
  // issues share one message and parameters, each with its own line.
  const said = new Map<string, Issue>();
  const issueFor = (line: number, field: string, code: IssueCode, params: IssueParams, key: string): Issue => {
    let like = said.get(key);
    if (!like) said.set(key, (like = issueOf({ file: p.fileName, line }, field, code, params)));
    return { ...like, line };
  };
  for (const f of compareStatements(rows, (i) => i >= n)) {
    const c = candidates[f.row - n]!;
    const o = c.obs;
    let issue: Issue;
    if (f.kind === 'lonely_conflict') issue = issueFor(c.line, 'flags', 'import.lonelyConflict', {}, 'lonely');
    else {
      const other = rows[f.other]!;
      const inFile = f.other >= n;
      const line = inFile ? candidates[f.other - n]!.line : 0;
      const where = [other.source, other.locator || other.formula].filter(Boolean).join(', ');
      if (f.kind === 'duplicate') {
        issue = inFile
          ? issueFor(c.line, '(row)', 'import.duplicateOfLine', { line }, `d${f.other}`)
          : issueFor(c.line, '(row)', 'import.duplicateOfBundled', { where, other: other.value }, `d${f.other}`);
      } else {
        issue = inFile
          ? issueFor(c.line, 'flags', 'import.disagreesWithLine', { value: o.value, other: other.value, line }, `c${f.other}|${o.value}`)
          : issueFor(c.line, 'flags', 'import.disagreesWithBundled', { value: o.value, other: other.value, where }, `c${f.other}|${o.value}`);
      }
    }
    const list = found.get(f.row - n);
    if (list) list.push(issue);
    else found.set(f.row - n, [issue]);
  }
  candidates.forEach((c, i) => {
    const issues = found.get(i);
    if (issues) result.rejected.push(rejection(c.line, issues, c.cells));
    else result.accepted.push(c.obs);
  });
  result.rejected.sort((a, b) => a.line - b.line);
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
/**
 * The refused rows as CSV with a reason column, so nothing is lost. The
 * reason is in English unless `reasonOf` says it otherwise (the app passes
 * the reader's language).
 */
export function rejectedCsvRows(result: ImportResult, reasonOf: (r: Rejection) => string = englishReason): { fields: string[]; data: string[][] } {
  const fields = [...result.header, 'line', 'reason'];
  return { fields, data: result.rejected.map((r) => [...result.header.map((h) => r.cells[h] ?? ''), String(r.line), reasonOf(r)]) };
}

/** Every problem of a refused row, each led by its field: "value: ...; flags: ...". */
export function englishReason(r: Rejection): string {
  return r.issues.map((i) => `${i.field}: ${i.message}`).join('; ');
}

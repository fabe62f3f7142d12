// From candidates to files the data build accepts: observation rows in the
// curated files' columns, the report's row for data/sources.csv, and merging
// new rows into an existing observations file without touching its rows.
// Shared by the CLI (npm run extract -- --out) and the browser's review
// workbench, so both write the same thing.
import Papa from 'papaparse';
import { checkDataset } from '../dataset.ts';
import { deriveObservations, valuesAgree } from '../derive.ts';
import { indexSource } from '../quotes.ts';
import { issueOf, type Issue, type IssueCode, type IssueParams } from '../issues.ts';
import { quantityKey, type Observation, type Origin, type ReferenceData } from '../types.ts';
import { readObservation } from '../validate.ts';
import type { Candidate } from './candidate.ts';

/** Columns of data/observations/<district>.csv, in order. */
export const CURATED_FILE_COLUMNS = [
  'district', 'year', 'period', 'indicator', 'value', 'basis', 'scope', 'source', 'locator', 'quote', 'flags', 'formula', 'note_zh', 'note_en',
] as const;
export type CuratedRow = Record<(typeof CURATED_FILE_COLUMNS)[number], string>;

export const NEEDS_REVIEW_ZH = '待核对';
export const NEEDS_REVIEW_EN = 'needs_review';

/** A candidate as a row of the curated files; unreviewed rows say so in their notes. */
export function candidateRow(c: Candidate, opts: { reviewed: boolean }): CuratedRow {
  const mark = (note: string, word: string) => (opts.reviewed ? note : [word, note].filter(Boolean).join(word === NEEDS_REVIEW_ZH ? '：' : ': '));
  return {
    district: c.district,
    year: c.year === null ? '' : String(c.year),
    period: c.period,
    indicator: c.indicator,
    value: c.value,
    basis: c.basis,
    scope: c.scope,
    source: c.source,
    locator: c.locator,
    quote: c.quote,
    flags: c.flags.join(';'),
    formula: c.formula,
    note_zh: mark(c.noteZh, NEEDS_REVIEW_ZH),
    note_en: mark(c.noteEn, NEEDS_REVIEW_EN),
  };
}

/** Rows as an observations file: header, LF line ends, UTF-8 without BOM (like data/observations/*.csv). */
export function rowsToCsv(rows: CuratedRow[]): string {
  return Papa.unparse({ fields: [...CURATED_FILE_COLUMNS], data: rows.map((r) => CURATED_FILE_COLUMNS.map((c) => r[c])) }, { newline: '\n' }) + '\n';
}

const quantity = (r: Pick<CuratedRow, 'district' | 'year' | 'indicator' | 'basis' | 'scope' | 'value' | 'source'>) =>
  [r.district, r.year, r.indicator, r.basis, r.scope, Number(r.value), r.source].join('|');

/**
 * New rows appended to an observations file's text: every row already there is
 * kept byte for byte; a new row equal to one there (same quantity, value and
 * report) is left out. Returns the text and how many rows were added and skipped.
 */
export function appendRows(existing: string, rows: CuratedRow[]): { text: string; added: number; skipped: number } {
  const parsed = Papa.parse<Record<string, string>>(existing.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const have = new Set(parsed.data.map((r) => quantity(r as CuratedRow)));
  const fresh = rows.filter((r) => !have.has(quantity(r)));
  if (fresh.length === 0) return { text: existing, added: 0, skipped: rows.length };
  // The file's own line ends (CRLF or LF) go on.
  const nl = /\r\n/.test(existing) ? '\r\n' : '\n';
  const body = rowsToCsv(fresh).split('\n').slice(1).filter(Boolean).map((l) => l + nl).join('');
  const base = existing === '' ? CURATED_FILE_COLUMNS.join(',') + nl : /\n$/.test(existing) ? existing : existing + nl;
  return { text: base + body, added: fresh.length, skipped: rows.length - fresh.length };
}

export interface SourceInfo {
  id: string;
  district: string;
  title: string;
  titleYear: number;
  /** The file name under data/sources/. */
  file: string;
  /** The name the report had when it was added. */
  originalFile: string;
  sha256: string;
  yearMin: number;
  yearMax: number;
  /** YYYY-MM-DD. */
  added: string;
  published?: string;
  /** Who wrote the row, for its note ("npm run extract", "the review workbench"). */
  by?: { zh: string; en: string };
}

/** Columns of data/sources.csv, in the file's order. */
export const SOURCES_COLUMNS = ['id', 'district', 'title', 'title_en', 'title_year', 'published', 'publisher', 'file', 'original_file', 'sha256', 'year_min', 'year_max', 'added', 'note_zh', 'note_en'] as const;

/** The report's row for data/sources.csv, and the file's header. */
export function sourceRow(s: SourceInfo): { header: string; row: string } {
  const header = [...SOURCES_COLUMNS];
  const cells: Record<string, string> = {
    id: s.id,
    district: s.district,
    title: s.title,
    title_en: '',
    title_year: String(s.titleYear),
    published: s.published ?? '',
    publisher: '',
    file: s.file,
    original_file: s.originalFile,
    sha256: s.sha256,
    year_min: String(s.yearMin),
    year_max: String(s.yearMax),
    added: s.added,
    note_zh: `由${s.by?.zh ?? '抽取与核对工作台'}生成；请补充英文标题与发布机构。`,
    note_en: `Written by ${s.by?.en ?? 'the review workbench'}; add the English title and the publisher.`,
  };
  const line = Papa.unparse({ fields: header, data: [header.map((h) => cells[h] ?? '')] }, { newline: '\n' });
  return { header: header.join(','), row: line.split('\n')[1]! };
}

/** The years a report's rows describe, widened to the title year, for year_min and year_max. */
export function yearSpan(rows: Pick<CuratedRow, 'year'>[], titleYear: number | null, dataYear: number | null): [number, number] {
  const years = rows.map((r) => Number(r.year)).filter((y) => Number.isInteger(y) && y > 1900);
  const top = titleYear ?? dataYear ?? Math.max(...years, 0);
  const low = years.length > 0 ? Math.min(...years) : (dataYear ?? top);
  return [Math.min(low, top), Math.max(top, ...years)];
}

export interface RowProblem {
  /** Index of the row in the list checked. */
  row: number;
  field: string;
  /** English; the code and parameters say it in the reader's language (src/i18n/issue-messages.ts). */
  message: string;
  code?: IssueCode;
  params?: IssueParams;
}

const problemOf = (row: number, x: Pick<Issue, 'field' | 'message' | 'code' | 'params'>): RowProblem => ({
  row,
  field: x.field,
  message: x.message,
  ...(x.code ? { code: x.code } : {}),
  ...(x.params ? { params: x.params } : {}),
});

/**
 * What `npm run data` would say about these rows as a new observations file of
 * a new report: each row judged like a curated row (quote verbatim in the
 * report's text, flags with notes, ids, ranges), then the checks across rows
 * (duplicates, unflagged conflicts, lonely conflict flags, small samples) with
 * the derived values the build adds and the district's bundled rows beside them.
 * `refs.sources` must hold the new report's row.
 */
export function checkReviewedRows(
  rows: CuratedRow[],
  refs: ReferenceData,
  reportText: string,
  bundled: Observation[],
  file: string,
): RowProblem[] {
  const problems: RowProblem[] = [];
  const index = indexSource(reportText);
  const origins = new Map<string, Origin>();
  const fresh: Observation[] = [];
  const rowOfLine = (line: number) => line - 2;
  rows.forEach((cells, i) => {
    const at: Origin = { file, line: i + 2 };
    const { obs, issues } = readObservation(cells, at, refs, { mode: 'curated', sourceIndex: () => index });
    for (const x of issues) problems.push(problemOf(i, x));
    if (obs) {
      fresh.push(obs);
      origins.set(obs.id, at);
    }
  });
  const { derived, issues: derivationIssues } = deriveObservations(fresh.map((o) => ({ ...o, flags: [...o.flags] })), [], refs);
  for (const x of derivationIssues) problems.push(problemOf(rowOfLine(x.line), x));
  const others = bundled.filter((b) => !fresh.some((o) => o.source === b.source));
  const { issues } = checkDataset([...fresh, ...derived, ...others], origins, refs);
  for (const x of issues) problems.push(problemOf(rowOfLine(x.line), x));
  // The bundled row must carry the conflict flag too, and only its own file can give it.
  for (const o of fresh) {
    for (const b of others) {
      if (quantityKey(b) !== quantityKey(o) || valuesAgree(b.value, o.value) || b.flags.includes('conflict')) continue;
      problems.push(problemOf(rowOfLine(origins.get(o.id)!.line), issueOf({ file, line: 0 }, 'flags', 'review.bundledUnflagged', { source: b.source, locator: b.locator, other: b.value })));
    }
  }
  return problems.sort((a, b) => a.row - b.row);
}

// Decoding and parsing of CSV files, shared by the build script and the
// in-browser import so that a file is read the same way everywhere.
import Papa from 'papaparse';
import { issueOf, type Issue } from './issues.ts';

export interface CsvRecord {
  /** 1-based line in the file where the record starts. */
  line: number;
  /** Cells by column name (header order). */
  cells: Record<string, string>;
}

export interface CsvTable {
  file: string;
  header: string[];
  records: CsvRecord[];
}

/**
 * Offset of the first byte that is not part of a valid UTF-8 sequence, or -1.
 * TextDecoder's fatal mode says only that the input is bad; a curator needs to
 * know where.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; issue: Issue };

/** Decodes UTF-8 (with or without BOM) or reports the line of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array, file: string): DecodeResult {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
    const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return { ok: false, issue: issueOf({ file, line }, '(file)', 'file.notUtf8', { byte: hex, offset: bad }) };
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

/** Offsets where lines start; a line ends at LF, CRLF or a lone CR (old Mac files). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export interface ParseCsvOptions {
  /** Column names the file must have. */
  required: readonly string[];
  /** Further column names the file may have. */
  optional: readonly string[];
  /** Called for each record as it is parsed (lets large imports stream). */
  onRecord?: (record: CsvRecord) => void;
}

/**
 * Parses CSV text with a header row. Header problems stop the file (its rows
 * cannot be read meaningfully); row-level problems are returned as issues and
 * the row is skipped, so one bad row never hides the others.
 */
export function parseCsv(
  text: string,
  file: string,
  opts: ParseCsvOptions,
): { table: CsvTable; issues: Issue[] } {
  const issues: Issue[] = [];
  const table: CsvTable = { file, header: [], records: [] };
  if (text.trim() === '') {
    issues.push(issueOf({ file, line: 1 }, '(file)', 'file.empty'));
    return { table, issues };
  }
  const starts = lineStarts(text);
  let prevCursor = 0;
  let header: string[] | null = null;
  let headerOk = true;
  let rowCount = 0;

  Papa.parse<string[]>(text, {
    delimiter: ',',
    skipEmptyLines: false,
    step: (result) => {
      const start = prevCursor;
      prevCursor = result.meta.cursor;
      const line = lineAt(starts, start);
      const data = result.data;
      if (header === null) {
        header = data.map((h) => h.trim());
        headerOk = checkHeader(header, file, opts, issues);
        table.header = header;
        return;
      }
      if (!headerOk) return;
      if (data.length === 1 && data[0]!.trim() === '') return; // blank line
      rowCount++;
      for (const err of result.errors) issues.push(csvError(err, { file, line }));
      if (result.errors.length > 0) return;
      if (data.length !== header.length) {
        issues.push(issueOf({ file, line }, '(csv)', 'csv.cellCount', { cells: data.length, columns: header.length }));
        return;
      }
      const cells: Record<string, string> = {};
      header.forEach((h, i) => {
        cells[h] = data[i] ?? '';
      });
      const record = { line, cells };
      if (opts.onRecord) opts.onRecord(record);
      else table.records.push(record);
    },
  });
  if (header !== null && headerOk && rowCount === 0) {
    issues.push(issueOf({ file, line: 2 }, '(file)', 'file.noRows'));
  }
  return { table, issues };
}

function csvError(err: Papa.ParseError, at: { file: string; line: number }): Issue {
  if (err.code === 'MissingQuotes') return issueOf(at, '(csv)', 'csv.unclosedQuote');
  if (err.code === 'InvalidQuotes') return issueOf(at, '(csv)', 'csv.strayQuote');
  return issueOf(at, '(csv)', 'csv.other', { detail: err.message });
}

function checkHeader(header: string[], file: string, opts: ParseCsvOptions, issues: Issue[]): boolean {
  const known = new Set([...opts.required, ...opts.optional]);
  if (!header.some((h) => known.has(h))) {
    const start = header.slice(0, 2).join(',');
    issues.push(issueOf({ file, line: 1 }, 'header', 'header.noNames', { start: start.length > 80 ? start.slice(0, 80) + '…' : start }));
    return false;
  }
  let ok = true;
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) {
      issues.push(issueOf({ file, line: 1 }, 'header', 'header.repeated', { column: h.length > 64 ? `${h.slice(0, 64)}…` : h }));
      ok = false;
    }
    seen.add(h);
    if (!known.has(h)) {
      // A header cell can be anything (a pasted paragraph): guess only for word-sized ones, show it cut.
      const guess = h.length <= 64 ? closest(h, [...known]) : null;
      const column = h.length > 64 ? `${h.slice(0, 64)}…` : h;
      if (guess) issues.push(issueOf({ file, line: 1 }, 'header', 'header.unknownGuess', { column, guess }));
      else issues.push(issueOf({ file, line: 1 }, 'header', 'header.unknown', { column }));
      ok = false;
    }
  }
  for (const r of opts.required) {
    if (!seen.has(r)) {
      issues.push(issueOf({ file, line: 1 }, 'header', 'header.missing', { column: r }));
      ok = false;
    }
  }
  return ok;
}

function closest(word: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return bestD < word.length && bestD <= Math.max(1, Math.ceil(word.length / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

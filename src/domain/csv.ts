// Decoding and parsing of CSV files, shared by the build script and the
// in-browser import so that a file is read the same way everywhere.
import Papa from 'papaparse';
import type { Issue } from './issues.ts';

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
    return {
      ok: false,
      issue: {
        file,
        line,
        field: '(file)',
        message: `not valid UTF-8 (byte 0x${hex} at offset ${bad}); save the file as UTF-8 (GBK/GB18030 exports from Excel need converting)`,
      },
    };
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
    issues.push({ file, line: 1, field: '(file)', message: 'the file is empty; it needs a header row and at least one row' });
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
      for (const err of result.errors) {
        issues.push({ file, line, field: '(csv)', message: csvErrorMessage(err) });
      }
      if (result.errors.length > 0) return;
      if (data.length !== header.length) {
        issues.push({
          file,
          line,
          field: '(csv)',
          message: `has ${data.length} cells but the header has ${header.length} columns (a comma inside an unquoted cell?)`,
        });
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
    issues.push({ file, line: 2, field: '(file)', message: 'has a header but no rows; add rows or delete the file' });
  }
  return { table, issues };
}

function csvErrorMessage(err: Papa.ParseError): string {
  if (err.code === 'MissingQuotes') return 'a quoted cell is never closed (unbalanced ")';
  if (err.code === 'InvalidQuotes') return 'a quote character (") inside a cell must be doubled ("")';
  return err.message;
}

function checkHeader(header: string[], file: string, opts: ParseCsvOptions, issues: Issue[]): boolean {
  const known = new Set([...opts.required, ...opts.optional]);
  if (!header.some((h) => known.has(h))) {
    const start = header.slice(0, 2).join(',');
    issues.push({
      file,
      line: 1,
      field: 'header',
      message: `the first row holds no column names (it starts '${start}'); the file needs the header row`,
    });
    return false;
  }
  let ok = true;
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) {
      issues.push({ file, line: 1, field: 'header', message: `column '${h}' appears twice` });
      ok = false;
    }
    seen.add(h);
    if (!known.has(h)) {
      const guess = closest(h, [...known]);
      issues.push({
        file,
        line: 1,
        field: 'header',
        message: `unknown column '${h}'${guess ? ` (did you mean '${guess}'?)` : ''}`,
      });
      ok = false;
    }
  }
  for (const r of opts.required) {
    if (!seen.has(r)) {
      issues.push({ file, line: 1, field: 'header', message: `missing column '${r}'` });
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

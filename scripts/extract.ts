// npm run -s extract -- <report.txt>: candidate observations from a report's
// plain text, as CSV on standard output (nothing else goes there).
//   --out <file>     write reviewed-ready rows (the curated files' columns, each
//                    note starting "needs_review") to <file> instead, e.g.
//                    data/observations/<district>.csv; refuses a file that exists
//   --force          with --out and an existing file: append the new rows, keeping
//                    every row already there byte for byte (rows equal to one
//                    there are left out); never changes or deletes a row
//   --district <id>  override the district guessed from the title or file name
//   --source <id>    override the source id (<district>-<title year>)
//   --lf             end lines with LF instead of RFC 4180's CRLF (standard output)
//   --curated        only the curated files' columns (no unit, confidence, line)
// The report may be UTF-8 or GB18030. Diagnostics (counts, time, guesses, and
// the report's row for data/sources.csv when it has none) go to standard error.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { decodeReportText } from '../src/domain/extract/decode.ts';
import { candidatesToCsv, extractCandidates } from '../src/domain/extract/extract.ts';
import { appendRows, candidateRow, rowsToCsv, sourceRow, yearSpan } from '../src/domain/extract/review.ts';
import { projectLexicon } from './lib/lexicon.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'usage: npm run -s extract -- [--out <file> [--force]] [--district <id>] [--source <id>] [--lf] [--curated] <report.txt>';

function main(argv: string[]): number {
  let district: string | undefined;
  let source: string | undefined;
  let out: string | undefined;
  let force = false;
  let lf = false;
  let curated = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--district' || a === '--source' || a === '--out') {
      const v = argv[++i];
      if (v === undefined) {
        console.error(`${a} needs a value\n${USAGE}`);
        return 2;
      }
      if (a === '--district') district = v;
      else if (a === '--source') source = v;
      else out = v;
    } else if (a === '--lf') lf = true;
    else if (a === '--curated') curated = true;
    else if (a === '--force') force = true;
    else if (a === '-h' || a === '--help') {
      console.error(USAGE);
      return 0;
    } else if (a.startsWith('-')) {
      console.error(`unknown option ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1 || (force && !out)) {
    console.error(USAGE);
    return 2;
  }
  const file = files[0]!;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    console.error(`cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  const decoded = decodeReportText(bytes, file);
  if (!decoded.ok) {
    console.error(`${file}:${decoded.issue.line}: ${decoded.issue.message}`);
    return 1;
  }
  let lexicon;
  try {
    lexicon = projectLexicon(ROOT);
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
  const t0 = performance.now();
  const result = extractCandidates(decoded.text, lexicon, {
    fileName: basename(file),
    ...(district !== undefined ? { district } : {}),
    ...(source !== undefined ? { source } : {}),
  });
  const ms = performance.now() - t0;
  const summary =
    `${file}: ${result.candidates.length} candidates in ${ms.toFixed(0)} ms; ` +
    `district ${result.district || '(unknown: use --district)'}, source ${result.source || '(unknown: use --source)'}, ` +
    `data year ${result.dataYear ?? '(unknown)'}${decoded.encoding !== 'utf-8' ? `; read as ${decoded.encoding}` : ''}`;

  if (!out) {
    process.stdout.write(candidatesToCsv(result.candidates, { newline: lf ? '\n' : '\r\n', curatedColumns: curated }));
    console.error(summary);
    suggestSource(result, decoded, file, bytes);
    return 0;
  }

  // City-wide figures describe Beijing, not the district: the build refuses them, so they stay out.
  const kept = result.candidates.filter((c) => c.scope !== 'citywide');
  const rows = kept.map((c) => candidateRow(c, { reviewed: false }));
  const target = resolve(out);
  let text: string;
  let note: string;
  if (existsSync(target)) {
    if (!force) {
      console.error(`${out} exists: it may hold curated rows, so nothing was written. Use --force to append the new rows (every row already there is kept), or --out another file.`);
      return 1;
    }
    const merged = appendRows(readFileSync(target, 'utf8'), rows);
    text = merged.text;
    note = `${merged.added} rows appended to ${out} (${merged.skipped} already there)`;
  } else {
    text = rowsToCsv(rows);
    note = `${rows.length} rows written to ${out}`;
  }
  // Written whole or not at all.
  const tmp = `${target}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, target);
  const citywide = result.candidates.length - kept.length;
  console.error(`${summary}\n${note}${citywide ? `; ${citywide} city-wide figures left out` : ''}. Every note starts "needs_review": check each row against the report, then run npm run data.`);
  suggestSource(result, decoded, file, bytes);
  return 0;
}

/** When data/sources.csv has no row for the report, print the row to add (standard error). */
function suggestSource(result: ReturnType<typeof extractCandidates>, decoded: { text: string; encoding: string }, file: string, bytes: Uint8Array): void {
  if (!result.source) return;
  const sources = Papa.parse<Record<string, string>>(readFileSync(resolve(ROOT, 'data/sources.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  if (sources.some((s) => s['id'] === result.source)) return;
  // The file the build will hash: the report as received if UTF-8, else converted to UTF-8.
  const utf8 = decoded.encoding === 'utf-8' ? bytes : new TextEncoder().encode(decoded.text);
  const [yearMin, yearMax] = yearSpan(result.candidates.map((c) => ({ year: c.year === null ? '' : String(c.year) })), result.titleYear, result.dataYear);
  const { row } = sourceRow({
    id: result.source,
    district: result.district,
    title: result.title || basename(file),
    titleYear: result.titleYear ?? yearMax,
    file: `${result.source}.txt`,
    originalFile: basename(file),
    sha256: createHash('sha256').update(utf8).digest('hex'),
    yearMin,
    yearMax,
    added: new Date().toISOString().slice(0, 10),
    by: { zh: ' npm run extract ', en: 'npm run extract' },
  });
  const copy = decoded.encoding === 'utf-8' ? `cp ${file} data/sources/${result.source}.txt` : `iconv -f ${decoded.encoding} -t utf-8 ${file} > data/sources/${result.source}.txt`;
  console.error(`data/sources.csv has no row for ${result.source}. Copy the report (${copy}) and add:\n${row}`);
}

process.exitCode = main(process.argv.slice(2));

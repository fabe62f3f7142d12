// npm run -s extract -- <report.txt>: candidate observations from a report's
// plain text, as CSV on standard output (nothing else goes there).
//   --district <id>  override the district guessed from the title or file name
//   --source <id>    override the source id (<district>-<title year>)
//   --lf             end lines with LF instead of RFC 4180's CRLF
//   --curated        only the curated files' columns (no unit, confidence, line)
// Diagnostics (counts, time, guesses) go to standard error.
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeUtf8 } from '../src/domain/csv.ts';
import { candidatesToCsv, extractCandidates } from '../src/domain/extract/extract.ts';
import { projectLexicon } from './lib/lexicon.ts';

const USAGE = 'usage: tsx scripts/extract.ts [--district <id>] [--source <id>] [--lf] [--curated] <report.txt>';

function main(argv: string[]): number {
  let district: string | undefined;
  let source: string | undefined;
  let lf = false;
  let curated = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--district' || a === '--source') {
      const v = argv[++i];
      if (v === undefined) {
        console.error(`${a} needs a value\n${USAGE}`);
        return 2;
      }
      if (a === '--district') district = v;
      else source = v;
    } else if (a === '--lf') lf = true;
    else if (a === '--curated') curated = true;
    else if (a === '-h' || a === '--help') {
      console.error(USAGE);
      return 0;
    } else if (a.startsWith('-')) {
      console.error(`unknown option ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1) {
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
  const decoded = decodeUtf8(bytes, file);
  if (!decoded.ok) {
    console.error(`${file}:${decoded.issue.line}: ${decoded.issue.message}`);
    return 1;
  }
  let lexicon;
  try {
    lexicon = projectLexicon(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
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
  process.stdout.write(candidatesToCsv(result.candidates, { newline: lf ? '\n' : '\r\n', curatedColumns: curated }));
  console.error(
    `${file}: ${result.candidates.length} candidates in ${ms.toFixed(0)} ms; ` +
      `district ${result.district || '(unknown: use --district)'}, source ${result.source || '(unknown: use --source)'}, ` +
      `data year ${result.dataYear ?? '(unknown)'}`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));

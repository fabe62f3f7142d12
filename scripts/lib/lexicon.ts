// The extractor's lexicon read from a project folder's data/, for the CLI and tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue } from '../../src/domain/issues.ts';
import { lexiconFromTexts, type CompileOptions, type Lexicon, type LexiconTexts } from '../../src/domain/extract/lexicon.ts';

export function lexiconTexts(root: string): LexiconTexts {
  const read = (f: string) => readFileSync(join(root, 'data', f), 'utf8').replace(/^\uFEFF/, '');
  return { lexicon: read('lexicon.csv'), indicators: read('indicators.csv'), bases: read('bases.csv'), districts: read('districts.csv') };
}

/** The project's lexicon; throws with every problem as file:line: field: message. */
export function projectLexicon(root: string, opts: CompileOptions = {}): Lexicon {
  const { lexicon, issues } = lexiconFromTexts(lexiconTexts(root), opts);
  if (!lexicon) throw new Error(issues.map(formatIssue).join('\n'));
  return lexicon;
}

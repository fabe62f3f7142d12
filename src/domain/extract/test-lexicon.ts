// The project's lexicon for unit tests (vitest reads the CSVs with ?raw).
import basesCsv from '../../../data/bases.csv?raw';
import districtsCsv from '../../../data/districts.csv?raw';
import indicatorsCsv from '../../../data/indicators.csv?raw';
import lexiconCsv from '../../../data/lexicon.csv?raw';
import { formatIssue } from '../issues.ts';
import { lexiconFromTexts, type LexiconTexts, type Lexicon } from './lexicon.ts';

export const PROJECT_TEXTS: LexiconTexts = { lexicon: lexiconCsv, indicators: indicatorsCsv, bases: basesCsv, districts: districtsCsv };

export function testLexicon(lexicon = lexiconCsv): Lexicon {
  const { lexicon: lex, issues } = lexiconFromTexts({ ...PROJECT_TEXTS, lexicon });
  if (!lex) throw new Error(issues.map(formatIssue).join('\n'));
  return lex;
}

// The lexicon is data: it must speak the vocabulary of data/ and every bad row
// must be refused with its file, line and field.
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../issues.ts';
import { lexiconFromTexts } from './lexicon.ts';
import { PROJECT_TEXTS, testLexicon } from './test-lexicon.ts';

const HEADER = 'kind,target,words,rank,options,note';
const WORDS = ['word,count,人数|数,,,', 'word,rate,比例|率,,,', 'word,connector,为|达,,,', 'word,approx_before,近|超,,,', 'word,approx_after,余|多,,,', 'word,change,增加,,,', 'word,cumulative,累计,,,', 'word,habitual,每年,,,'];

function problems(...rows: string[]): string[] {
  const { lexicon, issues } = lexiconFromTexts({ ...PROJECT_TEXTS, lexicon: [HEADER, ...WORDS, ...rows].join('\n') });
  expect(lexicon === null).toBe(issues.length > 0);
  return issues.map(formatIssue);
}

describe('the project lexicon', () => {
  it('compiles against indicators.csv, bases.csv and districts.csv with no problem', () => {
    const lex = testLexicon();
    expect(lex.terms.length).toBeGreaterThan(50);
    for (const t of lex.terms) if (t.indicator) expect(lex.info[t.indicator], t.key).toBeDefined();
    expect(Object.keys(lex.districtNames)).toHaveLength(16);
    expect(lex.districtNames['changping']).toBe('昌平');
    expect(lex.basisDenominator['of_specialised']).toBe('specialised_teachers');
  });

  it('expands {count} into the counting words, so one row reads 招生, 招生人数, 招生总数 and 招生数量', () => {
    const lex = testLexicon();
    const intake = lex.terms.filter((t) => t.indicator === 'intake');
    for (const w of ['招生', '招生人数', '招生总数', '招生数量']) {
      expect(intake.some((t) => new RegExp(`^(?:${t.pattern.source})$`).test(w)), w).toBe(true);
    }
  });
});

describe('a bad lexicon row is refused with file, line and field', () => {
  it('unknown indicator, basis, flag and option', () => {
    expect(problems('term,intakes,招生,1,,', 'basis,fulltimes,全日制,,,', 'term,intake,招生,1,flags=approx,', 'term,intake,新生,1,colour=red,')).toEqual([
      "data/lexicon.csv:10: target: unknown indicator 'intakes'",
      "data/lexicon.csv:11: target: unknown basis 'fulltimes'",
      "data/lexicon.csv:12: options: unknown flag 'approx'",
      'data/lexicon.csv:13: options: unknown option \'colour\' (known: share, share_basis, basis, flags, alternatives, label_only, only, context)',
    ]);
  });

  it('a basis that does not apply, an invalid pattern, an unknown macro, a pattern matching nothing at all', () => {
    expect(problems('basis,of_specialised,专业课教师,,only=intake,', 'term,intake,招生(,1,,', 'term,intake,招生{counts},1,,', 'term,intake,(?:招生)?,1,,')).toEqual([
      "data/lexicon.csv:10: options: basis 'of_specialised' does not apply to intake (bases.csv applies_to)",
      expect.stringMatching(/^data\/lexicon\.csv:11: words: is not a valid regular expression: /),
      "data/lexicon.csv:12: words: unknown macro in '招生{counts}' (known: {count}, {rate}, {q}, {gap}, {gap:N})",
      "data/lexicon.csv:13: words: '(?:招生)?' matches the empty string",
    ]);
  });

  it('a missing rank, a stopper with a target, a repeated row, a word class that does not exist', () => {
    expect(problems('term,intake,招生,,,', 'stopper,intake,招生计划,2,,', 'term,intake,新生,1,,', 'term,intake,新生,1,,', 'word,connectors,为,,,')).toEqual([
      'data/lexicon.csv:10: rank: a term needs a rank (1 plain nouns, 2 stoppers, 3 compound terms, 4 the most specific)',
      'data/lexicon.csv:11: target: a stopper names no indicator: leave target empty',
      'data/lexicon.csv:13: words: the same term row is on line 12',
      "data/lexicon.csv:14: target: 'connectors' is not a word class (count, rate, connector, approx_before, approx_after, change, cumulative, habitual, whole_district)",
    ]);
  });
});

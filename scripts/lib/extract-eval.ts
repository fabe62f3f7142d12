// The extractor's evaluation, shared by `npm run extract:eval` and the quality
// test: the five curated reports (leave-one-report-out, the headline), the
// hand-written tuning corpora (in-sample: the lexicon was tuned on them: dev,
// dev2 and dev3, which were the first and second holdouts until their one
// blind run each) and, when tests/fixtures/extract-corpus/holdout.json exists,
// the holdout corpus (never used for tuning).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataset } from '../../src/domain/pipeline.ts';
import { formatIssue } from '../../src/domain/issues.ts';
import type { Dataset } from '../../src/domain/dataset.ts';
import { addTally, emptyTally, leaveOneOut, precision, recall, run, tally, type EvalDoc, type LeaveOneOutFold, type Outcome, type Tally } from '../../src/domain/extract/evaluate.ts';
import { lexiconFromTexts, readLexiconEntries, type Lexicon, type LexiconRefs } from '../../src/domain/extract/lexicon.ts';
import { fsDataFiles, sha256Hex } from './data-files.ts';
import { lexiconTexts } from './lexicon.ts';

/** The indicators the issue's target is about. */
export const HEADLINE = new Set([
  'intake',
  'enrolment',
  'graduates',
  'fulltime_teachers',
  'specialised_teachers',
  'dual_teachers',
  'dual_teacher_share',
  'employment_rate',
  'matched_employment_rate',
  'further_study_rate',
  'funding_total',
  'funding_per_student',
]);

export interface CorpusItem {
  id: string;
  text: string;
  context: { district: string; title_year: number; data_year: number; heading?: string };
  expected: { indicator: string; value: number; year: number; basis: string; scope: string; approximate: boolean }[];
  phrasing: string;
}

/** One tuning corpus, run with the full lexicon (in-sample). */
export interface TuningSet {
  set: CorpusSet;
  docs: EvalDoc[];
  outcomes: Outcome[];
}

export interface Evaluation {
  lexicon: Lexicon;
  dataset: Dataset;
  reports: EvalDoc[];
  /** Every tuning corpus's passages (the training documents of leave-one-out). */
  dev: EvalDoc[];
  tuning: TuningSet[];
  /** The holdout corpus, or null when holdout.json is absent. */
  holdout: EvalDoc[] | null;
  inSample: Outcome[];
  folds: LeaveOneOutFold[];
  /** Leave-one-out withholding lexicon rows only (grammar routes are code, kept). */
  wordFolds: LeaveOneOutFold[];
  devOutcomes: Outcome[];
  holdoutOutcomes: Outcome[] | null;
  ms: Map<string, number>;
}

/**
 * A corpus passage as a one-page report: the title names the district and title
 * year, the date line the data year, then the heading (if any) and the passage.
 */
export function corpusDoc(item: CorpusItem, districtNames: Record<string, string>): EvalDoc {
  const c = item.context;
  const title = `北京市${districtNames[c.district] ?? ''}区中等职业教育质量年度报告（${c.title_year}）`;
  const parts = [title, `${c.data_year}年12月`, ...(c.heading ? [c.heading] : []), item.text];
  return {
    id: item.id,
    text: parts.join('\n\n') + '\n',
    fileName: `${c.district}-${c.title_year}.txt`,
    district: c.district,
    expected: item.expected.map((e) => ({ ...e })),
    scopeMatters: true,
  };
}

/** The tuning corpora (in-sample), in the order they were written. */
export const CORPUS_SETS = ['dev', 'dev2', 'dev3'] as const;
/** The blind corpus: optional (absent between one holdout's retirement and the next one's arrival). */
export const HOLDOUT_SET = 'holdout' as const;
export type CorpusSet = (typeof CORPUS_SETS)[number] | typeof HOLDOUT_SET;

export const corpusPath = (root: string, set: CorpusSet) => join(root, 'tests/fixtures/extract-corpus', `${set}.json`);

export function readCorpus(root: string, set: CorpusSet): CorpusItem[] {
  return JSON.parse(readFileSync(corpusPath(root, set), 'utf8')) as CorpusItem[];
}

/** Whether the holdout corpus is there to be measured. */
export const hasHoldout = (root: string) => existsSync(corpusPath(root, HOLDOUT_SET));

/** The line printed in place of the holdout's figures when it is absent. */
export const NO_HOLDOUT = `holdout: tests/fixtures/extract-corpus/${HOLDOUT_SET}.json is absent, so there is no blind measurement (its section and floors are skipped)`;

export function evaluate(root: string): Evaluation {
  const texts = lexiconTexts(root);
  const { lexicon, issues } = lexiconFromTexts(texts);
  if (!lexicon) throw new Error(issues.map(formatIssue).join('\n'));
  const built = buildDataset(fsDataFiles(root), sha256Hex);
  if (!built.dataset) throw new Error(built.issues.map(formatIssue).join('\n'));
  const dataset = built.dataset;
  const refs: LexiconRefs = { indicators: dataset.refs.indicators.values(), bases: dataset.refs.bases.values(), districts: dataset.refs.districts.values() };
  const refsArr: LexiconRefs = { indicators: [...dataset.refs.indicators.values()], bases: [...dataset.refs.bases.values()], districts: [...dataset.refs.districts.values()] };
  void refs;
  const reports: EvalDoc[] = [...dataset.refs.sources.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((s) => ({
      id: s.id,
      text: readFileSync(join(root, 'data/sources', s.file), 'utf8'),
      fileName: s.file,
      district: s.district,
      expected: dataset.observations
        .filter((o) => o.source === s.id && !o.flags.includes('derived'))
        .map((o) => ({ indicator: o.indicator, value: o.value, year: o.year, basis: o.basis, scope: o.scope, approximate: o.flags.includes('approximate') })),
      scopeMatters: false,
      // City-wide figures are never curated into a district's data: proposing them is not an error.
      setAside: ['citywide'],
    }));
  const tuningDocs = CORPUS_SETS.map((set) => ({ set, docs: readCorpus(root, set).map((i) => corpusDoc(i, lexicon.districtNames)) }));
  const dev = tuningDocs.flatMap((t) => t.docs);
  const holdout = hasHoldout(root) ? readCorpus(root, HOLDOUT_SET).map((i) => corpusDoc(i, lexicon.districtNames)) : null;
  const ms = new Map<string, number>();
  const inSample = reports.map((d) => {
    const t0 = performance.now();
    const o = run(d, lexicon);
    ms.set(d.id, performance.now() - t0);
    return o;
  });
  const { entries } = readLexiconEntries(texts.lexicon);
  const folds = leaveOneOut(reports, dev, entries, refsArr, lexicon);
  const wordFolds = leaveOneOut(reports, dev, entries, refsArr, lexicon, { withholdRoutes: false });
  const tuning = tuningDocs.map((t) => ({ ...t, outcomes: t.docs.map((d) => run(d, lexicon)) }));
  return {
    lexicon,
    dataset,
    reports,
    dev,
    tuning,
    holdout,
    inSample,
    folds,
    wordFolds,
    devOutcomes: tuning.flatMap((t) => t.outcomes),
    holdoutOutcomes: holdout ? holdout.map((d) => run(d, lexicon)) : null,
    ms,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function mdTable(head: string[], rows: (string | number)[][]): string {
  const all = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...all.map((r) => [...r[i]!].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c + ' '.repeat(w[i]! - [...c].length)).join(' | ')} |`;
  return [line(head), `| ${w.map((n) => '-'.repeat(n)).join(' | ')} |`, ...all.slice(1).map(line)].join('\n');
}

const HEAD = ['', 'expected', 'found', 'recall', 'candidates', 'right', 'precision'];
const rowOf = (name: string, t: Tally) => [name, t.expected, t.found, pct(recall(t)), t.candidates, t.right, pct(precision(t))];

export function familyOf(ev: Evaluation, indicator: string): string {
  return ev.dataset.refs.indicators.get(indicator)?.category ?? '?';
}

/** Rows per indicator family, then the headline indicators, then all. */
export function familyRows(ev: Evaluation, outcomes: Outcome[]): (string | number)[][] {
  const families = [...new Set([...ev.dataset.refs.indicators.values()].map((i) => i.category))];
  const rows = families
    .map((f) => rowOf(f, tally(outcomes, (ind) => familyOf(ev, ind) === f)))
    .filter((r) => Number(r[1]) > 0 || Number(r[4]) > 0);
  rows.push(rowOf('**headline**', tally(outcomes, (i) => HEADLINE.has(i))));
  rows.push(rowOf('**all**', tally(outcomes)));
  return rows;
}

export function report(ev: Evaluation, opts: { holdout?: boolean } = { holdout: true }): string {
  const looOutcomes = ev.folds.map((f) => f.outcome);
  const perReport = (outs: Outcome[], keep?: (i: string) => boolean) =>
    outs.map((o) => rowOf(o.doc.id, tally([o], keep))).concat([rowOf('total', outs.map((o) => tally([o], keep)).reduce(addTally, emptyTally()))]);
  const lines = [
    '### Leave-one-report-out on the five curated reports (headline indicators)',
    '',
    mdTable(HEAD, perReport(looOutcomes, (i) => HEADLINE.has(i))),
    '',
    '### The same, withholding lexicon rows only (grammar routes kept: they are code, not words)',
    '',
    mdTable(HEAD, perReport(ev.wordFolds.map((f) => f.outcome), (i) => HEADLINE.has(i))),
    '',
    '### Leave-one-report-out, by indicator family (all five reports)',
    '',
    mdTable(['family', ...HEAD.slice(1)], familyRows(ev, looOutcomes)),
    '',
    ...(!opts.holdout
      ? []
      : ev.holdoutOutcomes
        ? ['### Holdout corpus (never used for tuning), by indicator family', '', mdTable(['family', ...HEAD.slice(1)], familyRows(ev, ev.holdoutOutcomes)), '']
        : ['### Holdout corpus', '', NO_HOLDOUT, '']),
    `### Tuning corpora, ${ev.tuning.map((t) => t.set).join(', ')} (in-sample: the lexicon was tuned on them), by set`,
    '',
    mdTable(['set', ...HEAD.slice(1)], ev.tuning.flatMap((t) => [rowOf(`${t.set} headline`, tally(t.outcomes, (i) => HEADLINE.has(i))), rowOf(`${t.set} all`, tally(t.outcomes))])),
    '',
    '### Tuning corpora together, by indicator family',
    '',
    mdTable(['family', ...HEAD.slice(1)], familyRows(ev, ev.devOutcomes)),
    '',
    '### In-sample on the five curated reports (all indicators; an upper bound)',
    '',
    mdTable(HEAD, perReport(ev.inSample)),
    '',
    'Rows the report under test would have taught (withheld in its fold):',
    ...ev.folds.map((f) => `- ${f.test.id}: ${f.withheld.join(', ') || '(none)'}`),
  ];
  return lines.join('\n');
}

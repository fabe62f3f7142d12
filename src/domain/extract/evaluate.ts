// How well the extractor recovers what a curator records: candidates matched
// one to one with expected rows, tallied per indicator family, and the
// leave-one-report-out protocol — the lexicon words and grammar routes a
// report under test may use are only those that found a value in some other
// document, or that the vocabulary itself names.
import type { Candidate } from './candidate.ts';
import { extractCandidates, type ExtractOptions } from './extract.ts';
import { compileLexicon, entryKey, type Lexicon, type LexiconEntry, type LexiconRefs } from './lexicon.ts';

export interface ExpectedRow {
  indicator: string;
  value: number;
  year: number | null;
  basis: string;
  scope: string;
  approximate?: boolean;
}

/** One text to extract from and the rows a curator records from it. */
export interface EvalDoc {
  id: string;
  text: string;
  fileName: string;
  district: string;
  expected: ExpectedRow[];
  /** Whether scope is part of a match (the corpus states it; curated scopes are judged from other sections). */
  scopeMatters: boolean;
  /** Candidates with these scopes are set aside, not counted as wrong (city-wide figures are never curated). */
  setAside?: string[];
}

export interface Outcome {
  doc: EvalDoc;
  candidates: Candidate[];
  matched: { candidate: Candidate; expected: ExpectedRow }[];
  missed: ExpectedRow[];
  /** Candidates that match no expected row. */
  wrong: Candidate[];
  setAside: Candidate[];
  /**
   * Candidates repeating a matched one's quantity and value (a table and the prose
   * both state it, one with a scope): not wrong, not counted; the reviewer keeps one.
   */
  repeats: Candidate[];
}

const keyOf = (o: { indicator: string; year: number | null; basis: string; value: number | string; scope: string }, scope: boolean) =>
  `${o.indicator}|${o.year}|${o.basis}|${Number(o.value)}${scope ? `|${o.scope}` : ''}`;

/** Matches candidates to expected rows one to one (equal key; value as a number). */
export function score(doc: EvalDoc, candidates: Candidate[]): Outcome {
  const pool = new Map<string, ExpectedRow[]>();
  for (const e of doc.expected) {
    const k = keyOf(e, doc.scopeMatters);
    pool.set(k, [...(pool.get(k) ?? []), e]);
  }
  const matched: Outcome['matched'] = [];
  const wrong: Candidate[] = [];
  const setAside: Candidate[] = [];
  const repeats: Candidate[] = [];
  const hit = new Set<string>();
  for (const c of candidates) {
    const k = keyOf(c, doc.scopeMatters);
    const list = pool.get(k);
    if (list && list.length > 0) {
      matched.push({ candidate: c, expected: list.shift()! });
      hit.add(k);
    } else if (hit.has(k)) repeats.push(c);
    else if (doc.setAside?.includes(c.scope)) setAside.push(c);
    else wrong.push(c);
  }
  const missed = [...pool.values()].flat();
  return { doc, candidates, matched, missed, wrong, setAside, repeats };
}

export interface Tally {
  expected: number;
  found: number;
  candidates: number;
  right: number;
  /** Of the matches: the scope agrees too (when scope is not part of the match). */
  scopeAgrees: number;
  /** Of the matches: the approximate flag agrees. */
  approxAgrees: number;
}

export const emptyTally = (): Tally => ({ expected: 0, found: 0, candidates: 0, right: 0, scopeAgrees: 0, approxAgrees: 0 });

export function addTally(a: Tally, b: Tally): Tally {
  return {
    expected: a.expected + b.expected,
    found: a.found + b.found,
    candidates: a.candidates + b.candidates,
    right: a.right + b.right,
    scopeAgrees: a.scopeAgrees + b.scopeAgrees,
    approxAgrees: a.approxAgrees + b.approxAgrees,
  };
}

/** Tallies of outcomes, for the rows an indicator filter keeps. */
export function tally(outcomes: Outcome[], keep: (indicator: string) => boolean = () => true): Tally {
  const t = emptyTally();
  for (const o of outcomes) {
    t.expected += o.doc.expected.filter((e) => keep(e.indicator)).length;
    for (const m of o.matched) {
      if (!keep(m.expected.indicator)) continue;
      t.found++;
      t.right++;
      t.candidates++;
      if (m.candidate.scope === m.expected.scope) t.scopeAgrees++;
      if (m.candidate.flags.includes('approximate') === Boolean(m.expected.approximate)) t.approxAgrees++;
    }
    t.candidates += o.wrong.filter((c) => keep(c.indicator)).length;
  }
  return t;
}

export const recall = (t: Tally) => (t.expected === 0 ? 1 : t.found / t.expected);
export const precision = (t: Tally) => (t.candidates === 0 ? 1 : t.right / t.candidates);

export function run(doc: EvalDoc, lex: Lexicon, opts: ExtractOptions = {}): Outcome {
  const { candidates } = extractCandidates(doc.text, lex, { fileName: doc.fileName, district: doc.district, ...opts });
  return score(doc, candidates);
}

/** Lexicon keys and grammar routes ("via:…", "year:…") that found an expected value in a document. */
export function supportOf(o: Outcome): Set<string> {
  const out = new Set<string>();
  for (const m of o.matched) for (const route of m.candidate.evidence) for (const item of route) out.add(item);
  return out;
}

/**
 * Lexicon rows that the vocabulary itself states: a term or basis whose words
 * occur in its target's name or definition in indicators.csv / bases.csv
 * ("部队" in 面向驻地部队, "招生人数" for intake). These need no report to be known.
 */
export function vocabularyKeys(lex: Lexicon, refs: LexiconRefs): Set<string> {
  const texts = new Map<string, string>();
  // The name as written, without its bracketed gloss ("联合（合作）办学" → 联合办学), and the definition.
  const named = (name: string, definition: string) => `${name}\n${name.replace(/[（(][^）)]*[）)]/g, '')}\n${definition}`;
  for (const i of refs.indicators) texts.set(`term:${i.id}`, named(i.nameZh, i.definitionZh));
  for (const b of refs.bases) texts.set(`basis:${b.id}`, named(b.nameZh, b.definitionZh));
  const out = new Set<string>();
  for (const t of lex.terms) if (t.indicator && t.pattern.test(texts.get(`term:${t.indicator}`) ?? '')) out.add(t.key);
  for (const b of lex.bases) if (b.pattern.test(texts.get(`basis:${b.basis}`) ?? '')) out.add(b.key);
  return out;
}

/** Stopper rows whose words occur in a text (a stopper is known once it has been seen). */
export function stoppersSeen(lex: Lexicon, text: string): Set<string> {
  const out = new Set<string>();
  for (const t of lex.terms) if (t.indicator === null && t.pattern.test(text)) out.add(t.key);
  return out;
}

export interface LeaveOneOutFold {
  test: EvalDoc;
  outcome: Outcome;
  /** Lexicon rows the test document would have taught (needed by it, seen nowhere else). */
  withheld: string[];
}

/**
 * Leave-one-report-out: for each test document, the lexicon keeps only rows
 * that the vocabulary names, that found a value in a training document, or
 * (stoppers) that occur in one; grammar routes likewise. Nothing about the
 * test document is used. Training documents are every other document given.
 */
export function leaveOneOut(
  tests: EvalDoc[],
  training: EvalDoc[],
  entries: LexiconEntry[],
  refs: LexiconRefs,
  full: Lexicon,
  opts: { withholdRoutes?: boolean } = {},
): LeaveOneOutFold[] {
  const withholdRoutes = opts.withholdRoutes ?? true;
  const docs = [...tests, ...training];
  const support = new Map(docs.map((d) => [d.id, supportOf(run(d, full))]));
  const seen = new Map(docs.map((d) => [d.id, stoppersSeen(full, d.text)]));
  const vocab = vocabularyKeys(full, refs);
  const folds: LeaveOneOutFold[] = [];
  for (const test of tests) {
    const allowed = new Set<string>(vocab);
    for (const d of docs) {
      if (d.id === test.id) continue;
      for (const k of support.get(d.id)!) allowed.add(k);
      for (const k of seen.get(d.id)!) allowed.add(k);
    }
    const { lexicon } = compileLexicon(entries, refs, undefined, { keep: (k) => allowed.has(k) });
    if (!lexicon) throw new Error('the lexicon does not compile');
    const isRoute = (item: string) => item.startsWith('via:') || item.startsWith('year:');
    const outcome = run(test, lexicon, { allowRoute: (item) => allowed.has(item) || (!withholdRoutes && isRoute(item)) });
    const needed = support.get(test.id)!;
    const withheld = [...needed].filter((k) => !allowed.has(k) && (withholdRoutes || !isRoute(k))).sort();
    folds.push({ test, outcome, withheld });
  }
  return folds;
}

export { entryKey };

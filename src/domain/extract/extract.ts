// Candidate observations from a report's plain text: every number that a
// lexicon term names, in prose or in a flattened table, with the year it
// probably describes, its basis and scope, and the exact passage it came from.
// Candidates are suggestions for a curator, never data: each one carries its
// quote, and a value whose digits are not in its quote is never proposed.
import Papa from 'papaparse';
import { valueAppearsInQuote } from '../numbers.ts';
import { findQuote, indexSource } from '../quotes.ts';
import { SMALL_SAMPLE_LIMIT } from '../vocab.ts';
import type { Candidate } from './candidate.ts';
import { readDocument } from './document.ts';
import { extractProse } from './prose.ts';
import type { Lexicon } from './lexicon.ts';
import { extractTable } from './tables.ts';

export type { Candidate } from './candidate.ts';
export { findTerms, gapAllows } from './terms.ts';
export type { Lexicon } from './lexicon.ts';

export interface ExtractOptions {
  /** The report's file name, to guess district and title year when the title does not say. */
  fileName?: string;
  /** Override the district guess. */
  district?: string;
  /** Override the source id guess (`<district>-<title year>`). */
  source?: string;
  /**
   * Keep only candidates whose every evidence item passes (the leave-one-out
   * evaluation withholds grammar routes that only the report under test needs).
   */
  allowRoute?: (item: string) => boolean;
}

export interface Extraction {
  candidates: Candidate[];
  district: string;
  source: string;
  /** The report's title line ('' when none was found). */
  title: string;
  titleYear: number | null;
  /** The year assumed when nothing nearer names one. */
  dataYear: number | null;
}

/** Columns of the CLI's CSV: the curated columns, then unit, confidence and line. */
export const CANDIDATE_COLUMNS = [
  'district', 'year', 'period', 'indicator', 'value', 'unit', 'basis', 'scope', 'source', 'locator', 'quote', 'flags',
  'formula', 'note_zh', 'note_en', 'confidence', 'line',
] as const;

/** Candidate observations for a report's text. */
export function extractCandidates(text: string, lex: Lexicon, opts: ExtractOptions = {}): Extraction {
  const doc = readDocument(text, opts.fileName ?? '', lex.districtNames);
  const district = opts.district ?? doc.district;
  const source = opts.source ?? (district && doc.titleYear ? `${district}-${doc.titleYear}` : '');
  const raw: Candidate[] = [];
  for (const p of doc.paragraphs) if (!p.caseStudy) extractProse(lex, doc, p, district, source, raw);
  for (const t of doc.tables) if (!t.caseStudy) extractTable(lex, doc, t, district, source, raw);

  guessShareBases(raw, text);
  if (opts.allowRoute) {
    const allow = opts.allowRoute;
    raw.splice(0, raw.length, ...raw.filter((c) => c.evidence.every((route) => route.every(allow))));
  }
  flagSmallSamples(lex, raw);
  // Never propose what the build would refuse: a quote not in the report, or a value not in its quote.
  const index = indexSource(text);
  const kept = raw.filter((c) => findQuote(index, c.quote) !== null && valueAppearsInQuote(Number(c.value), c.quote, c.unit));
  return { candidates: dedupe(kept), district, source, title: doc.title, titleYear: doc.titleYear, dataYear: doc.dataYear };
}

/**
 * A double-qualified share stated without its denominator gets the basis its
 * counts support (231 of 267 specialised teachers is 86.5%, which "87%"
 * states), else the one the report uses elsewhere.
 */
function guessShareBases(cands: Candidate[], text: string): void {
  const count = (indicator: string, c: Candidate) =>
    cands.filter((o) => o.indicator === indicator && o.year === c.year && o.scope === c.scope).map((o) => Number(o.value));
  for (const c of cands) {
    if (c.indicator !== 'dual_teacher_share' || c.basis) continue;
    const decimals = (c.value.split('.')[1] ?? '').length;
    const f = 10 ** decimals;
    const fits = (den: string): string | null => {
      for (const d of count('dual_teachers', c)) {
        for (const n of count(den, c)) {
          if (n > 0 && Math.round((100 * d * f) / n) / f === Number(c.value)) return `${d}/${n} = ${((100 * d) / n).toFixed(2)}%`;
        }
      }
      return null;
    };
    const spec = fits('specialised_teachers');
    const full = fits('fulltime_teachers');
    const mark = (tag: string) => c.evidence.forEach((route) => route.push(tag));
    if (spec && !full) {
      mark('via:basis-from-counts');
      c.basis = 'of_specialised';
      c.noteZh += `；原文未写分母，按人数推断为占专业课教师：${spec}`;
      c.noteEn += `; the text names no denominator; the counts make it a share of specialised teachers: ${spec}`;
    } else if (full && !spec) {
      mark('via:basis-from-counts');
      c.basis = 'of_fulltime';
      c.noteZh += `；原文未写分母，按人数推断为占专任教师：${full}`;
      c.noteEn += `; the text names no denominator; the counts make it a share of full-time teachers: ${full}`;
    } else {
      const bySpec = /双师[型素质]*[”"]?教师占专业(?:课)?教师/.test(text);
      const byFull = /双师[型素质]*[”"]?教师占(?:专任|专技岗)教师/.test(text);
      if (bySpec !== byFull) {
        mark('via:basis-from-wording');
        c.basis = bySpec ? 'of_specialised' : 'of_fulltime';
        c.noteZh += `；原文未写分母，按报告别处的“占${bySpec ? '专业课' : '专任'}教师”推断`;
        c.noteEn += `; the text names no denominator; guessed from the report's wording elsewhere (${bySpec ? 'of specialised' : 'of full-time'} teachers)`;
      } else {
        c.noteZh += '；原文未写分母，请确定口径（of_specialised 或 of_fulltime）';
        c.noteEn += '; the text names no denominator: choose of_specialised or of_fulltime';
      }
      c.confidence = Math.round(c.confidence * 0.8 * 100) / 100;
    }
  }
}

/**
 * A rate whose count in the same report is under 30 people gets `small_sample`,
 * as the build requires (the count is the basis's denominator, else the indicator's).
 */
function flagSmallSamples(lex: Lexicon, cands: Candidate[]): void {
  for (const c of cands) {
    const den = (c.basis && lex.basisDenominator[c.basis]) || lex.info[c.indicator]?.denominator;
    if (!den || c.flags.includes('small_sample')) continue;
    const counts = cands.filter((o) => o.indicator === den && o.basis === '' && o.year === c.year && o.scope === c.scope).map((o) => Number(o.value));
    const n = counts.length > 0 ? Math.min(...counts) : null;
    if (n === null || n >= SMALL_SAMPLE_LIMIT) continue;
    c.flags.push('small_sample');
    c.noteZh += `；分母（${den}）仅 ${n}，少于 ${SMALL_SAMPLE_LIMIT}`;
    c.noteEn += `; its denominator (${den}) is only ${n}, under ${SMALL_SAMPLE_LIMIT}`;
  }
}

/** One candidate per quantity and value: a figure the report repeats is proposed once. */
function dedupe(all: Candidate[]): Candidate[] {
  // An approximate figure adds nothing next to an exact one for the same quantity ("超5.8万人次" and 58840).
  const exact = new Set(all.filter((c) => !c.flags.includes('approximate')).map((c) => [c.district, c.year, c.indicator, c.basis].join('|')));
  const cands = all.filter((c) => !c.flags.includes('approximate') || !exact.has([c.district, c.year, c.indicator, c.basis].join('|')));
  const best = new Map<string, Candidate>();
  for (const c of cands) {
    const key = [c.district, c.year, c.indicator, c.basis, c.scope, c.value].join('|');
    const prev = best.get(key);
    if (!prev) best.set(key, c);
    else if (c.confidence > prev.confidence) best.set(key, { ...c, evidence: [...c.evidence, ...prev.evidence] });
    else prev.evidence.push(...c.evidence);
  }
  return [...best.values()].sort((a, b) => a.offset - b.offset || a.indicator.localeCompare(b.indicator));
}

/** Columns of the curated observation files: the candidate columns without unit, confidence and line. */
export const CURATED_COLUMNS = CANDIDATE_COLUMNS.filter((c) => c !== 'unit' && c !== 'confidence' && c !== 'line');

export interface CsvOptions {
  /** CRLF (RFC 4180, the default) or LF. */
  newline?: '\r\n' | '\n';
  /** Only the curated files' columns, ready to paste into data/observations/<district>.csv. */
  curatedColumns?: boolean;
}

/** The candidates as CSV (RFC 4180) with a header row and no BOM. */
export function candidatesToCsv(cands: Candidate[], opts: CsvOptions = {}): string {
  const newline = opts.newline ?? '\r\n';
  const fields: readonly string[] = opts.curatedColumns ? CURATED_COLUMNS : CANDIDATE_COLUMNS;
  const rows = cands.map((c) => {
    const cells: Record<string, string> = {
      district: c.district,
      year: c.year === null ? '' : String(c.year),
      period: c.period,
      indicator: c.indicator,
      value: c.value,
      unit: c.unit,
      basis: c.basis,
      scope: c.scope,
      source: c.source,
      locator: c.locator,
      quote: c.quote,
      flags: c.flags.join(';'),
      formula: c.formula,
      note_zh: c.noteZh,
      note_en: c.noteEn,
      confidence: c.confidence.toFixed(2),
      line: String(c.line),
    };
    return fields.map((f) => cells[f] ?? '');
  });
  return Papa.unparse({ fields: [...fields], data: rows }, { newline, quotes: false }) + newline;
}

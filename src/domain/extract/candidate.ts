// A candidate observation and how a draft (indicator, number, year, quote)
// becomes one: unit conversion, plausible range, flags and notes.
import { parseStrictNumber } from '../numbers.ts';
import type { FlagId } from '../vocab.ts';
import type { ReportDocument } from './document.ts';
import type { Lexicon } from './lexicon.ts';
import { convert, type NumberToken } from './values.ts';
import type { YearGuess } from './years.ts';

export interface Candidate {
  district: string;
  /** Null when the report names no year the extractor can use. */
  year: number | null;
  period: string;
  indicator: string;
  /** Plain decimal in the indicator's unit. */
  value: string;
  /** The indicator's unit id (indicators.csv); not a column of the curated files. */
  unit: string;
  basis: string;
  scope: string;
  source: string;
  locator: string;
  quote: string;
  flags: FlagId[];
  formula: string;
  noteZh: string;
  noteEn: string;
  /** 0–1: how sure the extractor is of indicator, year and basis together. */
  confidence: number;
  /** 1-based line of the value in the report. */
  line: number;
  /** Offset of the value (or its table row) in the report text; not written to the CSV. */
  offset: number;
  /**
   * Why the extractor proposed it, one list per route that found it: the words
   * matched ("term:招生人数", "basis:全日制"), the mechanism ("via:table-year-columns")
   * and where the year came from ("year:clause"). Not written to the CSV; the
   * quality test uses it to see which patterns only one report needs.
   */
  evidence: string[][];
}

export interface Draft {
  indicator: string;
  tok: Pick<NumberToken, 'num' | 'second' | 'kind' | 'unit'>;
  requireUnit: boolean;
  percentHint: boolean;
  basis: string;
  scope: string;
  flags: FlagId[];
  year: YearGuess;
  quote: string;
  locator: string;
  line: number;
  offset: number;
  confidence: number;
  notesZh: string[];
  notesEn: string[];
  alternatives?: string[];
  evidence: string[];
}

export function finish(lex: Lexicon, draft: Draft, doc: ReportDocument, district: string, source: string): Candidate | null {
  const order = draft.alternatives ?? [draft.indicator];
  for (const indicator of order) {
    const info = lex.info[indicator];
    if (!info) continue;
    const c = convert(draft.tok, info.unit, { indicator, percentHint: draft.percentHint, requireUnit: draft.requireUnit });
    if (!c) continue;
    // The value must be what the build accepts: a plain ASCII decimal.
    const parsed = parseStrictNumber(c.value);
    if (!parsed.ok || parsed.value < 0) continue;
    const v = parsed.value;
    // A zero where no real value can be zero (a salary, a standard) is a placeholder.
    if (v === 0 && info.min > 0) return null;
    if (info.unit === 'percent' && v > 100) continue;
    const inRange = v >= info.min && v <= info.max;
    if (!inRange && order.length > 1 && indicator !== order[order.length - 1]) continue;
    const flags = new Set<FlagId>(draft.flags);
    const evidence = [...draft.evidence, draft.year.tag];
    if (order.length > 1) evidence.push('via:alternative-by-range');
    const notesZh = [...draft.notesZh];
    const notesEn = [...draft.notesEn];
    if (!inRange) {
      flags.add('implausible');
      notesZh.push(`超出该指标的合理范围 ${info.min}–${info.max}，请核对`);
      notesEn.push(`outside the indicator's plausible range ${info.min}–${info.max}; check it`);
    }
    if (draft.scope) flags.add('partial_scope');
    if (c.how) {
      notesZh.push(c.how.zh);
      notesEn.push(c.how.en);
    }
    if (order.length > 1 && indicator !== order[0]) {
      notesZh.push(`数值不在“${order[0]}”的合理范围内，按“${indicator}”记录`);
      notesEn.push(`the value is outside ${order[0]}'s plausible range, so ${indicator} is proposed`);
    }
    if (draft.year.year !== null && draft.year.year > (doc.titleYear ?? Infinity)) return null;
    const confidence = Math.round(draft.confidence * (draft.year.strength >= 1 ? 1 : 0.85 + 0.15 * draft.year.strength) * 100) / 100;
    return {
      district,
      year: draft.year.year,
      period: draft.year.period,
      indicator,
      value: c.value,
      unit: info.unit,
      basis: draft.basis,
      scope: draft.scope,
      source,
      locator: draft.locator,
      quote: draft.quote,
      flags: [...flags],
      formula: '',
      noteZh: [draft.year.zh, ...notesZh].join('；'),
      noteEn: [draft.year.en, ...notesEn].join('; '),
      confidence,
      line: draft.line,
      offset: draft.offset,
      evidence: [evidence],
    };
  }
  return null;
}


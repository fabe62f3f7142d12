// Values in running text: a term before the number ("招生人数1061人"), after it
// ("1061 名学生被中等职业学校录取"), a share of the previous clause's subject
// ("…141人，占专业教师95.27%"), coordinated terms ("A与B均为 100%"), from–to
// ("由 2020 年的 217 人增长为 231 人") and breakdowns ("其中人员经费…").
import type { FlagId } from '../vocab.ts';
import { finish, type Candidate, type Draft } from './candidate.ts';
import { lineOf, type Paragraph, type ReportDocument } from './document.ts';
import type { Lexicon, TermRule } from './lexicon.ts';
import { FROM_TO } from './patterns.ts';
import { basisFor, findBases, findTerms, gapAllows, percentIndicator, scopeIn, type BasisMatch, type TermMatch } from './terms.ts';
import { numbersWithUnits, type NumberToken } from './values.ts';
import { fallbackYear, hiddenRanges, resolveYear, yearMentions, type YearGuess, type YearMention } from './years.ts';

interface Span {
  start: number;
  end: number;
}

function splitSpans(text: string, re: RegExp, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let s = from;
  const r = new RegExp(re.source, 'g');
  r.lastIndex = from;
  for (let m = r.exec(text); m && m.index < to; m = r.exec(text)) {
    if (m.index > s) out.push({ start: s, end: m.index });
    s = m.index + m[0].length;
  }
  if (s < to) out.push({ start: s, end: to });
  return out;
}

const SENTENCE_END = /[。！？!?]/;
// A clause ends at a comma or semicolon; an ASCII comma inside "1,061" does not end one.
const CLAUSE_END = /[，；;]|,(?![0-9]{3}(?![0-9]))/;
const SKIP_UNITS = new Set(['年', '月', '日', '号', '届', '级', '期', '批', '岁', '天', '小时', '学时', '课时', '人天', '人日']);
const PART_WORDS = /其中|包括|含/;

interface SentenceState {
  /** Indicators already given a value in this sentence (for breakdowns and parts). */
  seen: { indicator: string; basis: string; scope: string; year: number | null; value: string; clause: number }[];
  /** The count subject of the previous clause ("“双师型”教师141人") for a following "占…%". */
  subject: { rule: TermRule; clause: number; text: string } | null;
  /** The schools the paragraph opened on, for its later sentences ('' in the first). */
  paragraphScope: string;
}

/** Candidates from one paragraph of prose, appended to `out`. */
export function extractProse(lex: Lexicon, doc: ReportDocument, p: Paragraph, district: string, source: string, out: Candidate[]): void {
  const text = p.text;
  // Years long before the report ("始建于 1983 年") are history, not the year a figure describes.
  const earliest = (doc.titleYear ?? doc.dataYear ?? 0) - 5;
  const years = yearMentions(text).filter((y) => y.year >= earliest);
  const sentences = splitSpans(text, SENTENCE_END);
  const opening = openingScope(lex, text, sentences[0]);
  for (const [si, sentence] of sentences.entries()) {
    const clauses = splitSpans(text, CLAUSE_END, sentence.start, sentence.end);
    const state: SentenceState = { seen: [], subject: null, paragraphScope: si > 0 ? opening : '' };
    clauses.forEach((clause, ci) => {
      const ctext = text.slice(clause.start, clause.end);
      const tokens = numbersWithUnits(ctext);
      const terms = findTerms(lex, ctext, 'prose');
      let prevTokEnd = 0;
      let subjectHere: { rule: TermRule; clause: number; text: string } | null = null;
      for (const tok of tokens) {
        // Years and durations do not separate a term from its number ("由 2020 年的 217 人").
        if (SKIP_UNITS.has(tok.unit)) continue;
        const prevEnd = prevTokEnd;
        prevTokEnd = tok.end;
        if (/第\s*$/.test(ctext.slice(0, tok.start))) continue;
        if (lex.approxBefore.test(ctext.slice(Math.max(0, tok.start - 4), tok.start))) continue;
        if (lex.approxAfter.test(ctext.slice(tok.end))) continue;
        if (hiddenRanges(ctext).some(([a, b]) => tok.start >= a && tok.start < b)) continue;

        const found = associate(lex, ctext, tok, terms, tokens, prevEnd, state, ci);
        if (!found) continue;
        if (found.subject) subjectHere = { rule: found.subject.rule, clause: ci, text: found.subject.text };
        for (const a of found.assignments) {
          const cand = proseCandidate(lex, doc, p, district, source, sentence, clauses, ci, ctext, tok, a, years, state, prevEnd);
          if (!cand) continue;
          // A second, different value for the same quantity in one sentence is a part of it
          // ("项目经费 6420.78 万元，项目经费中用于…3113.7 万元").
          const same = (s: SentenceState['seen'][number]) =>
            s.indicator === cand.indicator && s.basis === cand.basis && s.scope === cand.scope && s.year === cand.year;
          if (state.seen.some((s) => same(s) && s.value !== cand.value)) continue;
          out.push(cand);
          state.seen.push({ indicator: cand.indicator, basis: cand.basis, scope: cand.scope, year: cand.year, value: cand.value, clause: ci });
        }
      }
      state.subject = subjectHere;
    });
  }
}

/**
 * The schools a paragraph opens on: 公办/民办 in the first sentence, in or before the clause
 * holding its first value ("2022年，昌平区公办中等职业学校教职工总数为344人…").
 */
function openingScope(lex: Lexicon, text: string, first: Span | undefined): string {
  if (!first) return '';
  for (const c of splitSpans(text, CLAUSE_END, first.start, first.end)) {
    const ctext = text.slice(c.start, c.end);
    if (numbersWithUnits(ctext).some((t) => !SKIP_UNITS.has(t.unit))) return scopeIn(lex, text.slice(first.start, c.end), null);
  }
  return '';
}

interface Assignment {
  rule: TermRule | null;
  indicator: string;
  /** Where the naming words start in the clause (for the quote). */
  termStart: number;
  /** Text that names the denominator, for a share's basis. */
  denominator: string;
  /** The term came from an earlier clause. */
  inheritedFrom: number | null;
  /** A breakdown basis already chosen. */
  basis?: BasisMatch | null;
  confidence: number;
  alternatives?: string[];
  /** Evidence items: the words and mechanism. */
  evidence: string[];
}


/** Which indicator(s) a number in a clause belongs to, if any. */
function associate(
  lex: Lexicon,
  ctext: string,
  tok: NumberToken,
  terms: TermMatch[],
  tokens: NumberToken[],
  prevEnd: number,
  state: SentenceState,
  ci: number,
): { assignments: Assignment[]; subject: { rule: TermRule; text: string } | null } | null {
  const isPercent = tok.kind === 'percent';
  const before = terms.filter((t) => t.end <= tok.start);
  const nearest = before[before.length - 1];
  const zhan = ctext.lastIndexOf('占', tok.start);

  // 1. A share: "…141人，占专业教师95.27%" or "专任教师数占教职工总数的 82%" (but not a
  //    term that contains the 占 itself, such as "双师型教师占比").
  const zhanInTerm = terms.some((t) => t.start <= zhan && zhan < t.end);
  if (isPercent && zhan >= 0 && zhan >= prevEnd && !zhanInTerm) {
    const subjectTerms = before.filter((t) => t.end <= zhan && t.start >= prevEnd);
    const own = subjectTerms[subjectTerms.length - 1];
    let rule: TermRule | null = null;
    let from: number | null = null;
    let termStart = zhan;
    if (own) {
      if (own.rule.indicator === null && !own.rule.share) return null;
      rule = own.rule;
      termStart = own.start;
    } else if (state.subject && state.subject.clause === ci - 1) {
      rule = state.subject.rule;
      from = state.subject.clause;
    }
    if (!rule) return null;
    const indicator = percentIndicator(lex, rule);
    if (!indicator) return null;
    return {
      assignments: [
        {
          rule,
          indicator,
          termStart,
          denominator: ctext.slice(zhan, tok.start),
          inheritedFrom: from,
          confidence: from === null ? 0.8 : 0.75,
          evidence: [own ? own.rule.key : state.subject!.text, from === null ? 'via:prose-share-own-subject' : 'via:prose-share-previous-clause'],
        },
      ],
      subject: null,
    };
  }

  // 2. A term right before the number, or before "由 A 增长为" the number.
  const gap = nearest ? ctext.slice(nearest.end, tok.start) : '';
  const between = nearest ? tokens.some((t) => t.start >= nearest.end && t.start < tok.start && t.unit !== '年') : false;
  const fromTo = between && FROM_TO.test(gap.replace(/\s+/g, '').replace(/[”"]/g, ''));
  if (nearest && (nearest.start >= prevEnd || fromTo)) {
    if (nearest.rule.indicator === null && !nearest.rule.share) return null; // a stopper names something else
    // "具有研究生学位的专任教师1105人": a noun after "的" is narrowed by what precedes it, a subset.
    const personNoun = nearest.rule.rank === 1 && lex.info[nearest.rule.indicator ?? '']?.unit === 'persons';
    if (personNoun && /的\s*$/.test(ctext.slice(0, nearest.start))) return null;
    if ((!between && gapAllows(lex, gap)) || fromTo) {
      const rules: TermMatch[] = [nearest];
      // "就业率（含升学）与对口就业率均为 100%": every coordinated term takes the value.
      if (/[均都]/.test(gap)) {
        const parens = [...ctext.matchAll(/[（(][^（）()]{0,14}[)）]/g)].map((m) => [m.index!, m.index! + m[0].length]);
        const outside = before.filter((t) => !parens.some(([a, b]) => t.start >= a! && t.end <= b!));
        for (let i = outside.indexOf(nearest) - 1; i >= 0; i--) {
          const link = ctext.slice(outside[i]!.end, rules[rules.length - 1]!.start).replace(/\s+/g, '').replace(/[（(][^（）()]{0,14}[)）]/g, '');
          if (!/^(?:与|和|及|以及|、)$/.test(link)) break;
          rules.push(outside[i]!);
        }
      }
      const assignments: Assignment[] = [];
      let subject: { rule: TermRule; text: string } | null = null;
      for (const t of rules) {
        const indicator = isPercent ? percentIndicator(lex, t.rule) : t.rule.indicator;
        if (tok.kind === 'plain' && (tok.unit === '人' || tok.unit === '名')) subject = { rule: t.rule, text: t.rule.key };
        if (!indicator) continue;
        assignments.push({
          rule: t.rule,
          indicator,
          termStart: t.start,
          denominator: ctext.slice(t.start, tok.start),
          inheritedFrom: null,
          confidence: fromTo ? 0.75 : 0.85,
          evidence: [t.rule.key, fromTo ? 'via:prose-from-to' : rules.length > 1 ? 'via:prose-coordination' : 'via:prose-term'],
          ...(t.rule.alternatives ? { alternatives: t.rule.alternatives } : {}),
        });
      }
      // A breakdown of an earlier total in the sentence: "其中人员经费…，项目经费 6420.78 万元".
      const breakdown = breakdownOf(lex, ctext, tok, prevEnd, state);
      if (breakdown && assignments.length === 1 && assignments[0]!.indicator !== breakdown.indicator) {
        const a = assignments[0]!;
        if (breakdown.basis.start <= a.termStart + 2 && breakdown.basis.end >= a.termStart) {
          return {
            assignments: [
              {
                ...a,
                rule: null,
                indicator: breakdown.indicator,
                basis: breakdown.basis,
                confidence: 0.7,
                evidence: [breakdown.basis.rule.key, 'via:prose-breakdown'],
              },
            ],
            subject,
          };
        }
      }
      return { assignments, subject };
    }
  }

  // 3. A term right after the number: "1061 名学生被中等职业学校录取".
  const numEnd = tok.start + numberLength(ctext, tok);
  const rest = ctext.slice(numEnd);
  for (const r of lex.posts) {
    const m = r.pattern.exec(rest);
    if (!m) continue;
    if (isPercent) continue;
    const rule: TermRule = { key: r.key, indicator: r.indicator, pattern: r.pattern, rank: 3, ...(r.share ? { share: r.share } : {}) };
    return {
      assignments: [
        {
          rule,
          indicator: r.indicator,
          termStart: tok.start,
          denominator: '',
          inheritedFrom: null,
          confidence: 0.8,
          evidence: [r.key, 'via:prose-post-term'],
        },
      ],
      subject: { rule, text: r.key },
    };
  }

  // 4. A breakdown of an earlier value in the sentence named only by its basis: "校园建设投入399.52万元".
  const breakdown = breakdownOf(lex, ctext, tok, prevEnd, state);
  if (breakdown && (!nearest || nearest.end <= breakdown.basis.start || nearest.start < prevEnd)) {
    return {
      assignments: [
        {
          rule: null,
          indicator: breakdown.indicator,
          termStart: breakdown.basis.start,
          denominator: '',
          inheritedFrom: null,
          basis: breakdown.basis,
          confidence: 0.7,
          evidence: [breakdown.basis.rule.key, 'via:prose-breakdown'],
        },
      ],
      subject: null,
    };
  }
  return null;
}

function numberLength(ctext: string, tok: NumberToken): number {
  const m = /^[0-9０-９.,．]+|^[零〇一二两三四五六七八九十]+/.exec(ctext.slice(tok.start));
  return m ? m[0].length : 0;
}

/** The basis and indicator when a number continues a breakdown started earlier in its sentence. */
function breakdownOf(lex: Lexicon, ctext: string, tok: NumberToken, prevEnd: number, state: SentenceState): { indicator: string; basis: BasisMatch } | null {
  if (state.seen.length === 0) return null;
  const bases = findBases(lex, ctext).filter((b) => b.end <= tok.start && b.start >= prevEnd);
  const b = bases[bases.length - 1];
  if (!b) return null;
  const gap = ctext.slice(b.end, tok.start).replace(/\s+/g, '');
  if (gap.length > 8 || /[0-9]/.test(gap)) return null;
  for (let i = state.seen.length - 1; i >= 0; i--) {
    const s = state.seen[i]!;
    if (b.rule.appliesTo.includes(s.indicator)) return { indicator: s.indicator, basis: b };
  }
  return null;
}


function proseCandidate(
  lex: Lexicon,
  doc: ReportDocument,
  p: Paragraph,
  district: string,
  source: string,
  sentence: Span,
  clauses: Span[],
  ci: number,
  ctext: string,
  tok: NumberToken,
  a: Assignment,
  years: YearMention[],
  state: SentenceState,
  prevEnd: number,
): Candidate | null {
  const clause = clauses[ci]!;
  const text = p.text;
  const abs = (i: number) => clause.start + i;
  const indicator = a.indicator;

  // Basis: the term's own, a share's denominator, or the nearest basis words before the number.
  let basis = '';
  const flags: FlagId[] = [...(a.rule?.flags ?? [])];
  let basisMatch: BasisMatch | null = a.basis ?? null;
  const evidence = [...a.evidence];
  if (!basisMatch && a.rule?.basis) basis = a.rule.basis;
  if (!basisMatch && !basis) {
    if (indicator === 'dual_teacher_share') {
      basisMatch = basisFor(lex, indicator, a.denominator);
    } else {
      const m = basisFor(lex, indicator, ctext, tok.start, prevEnd);
      // Basis words belong to the term they stand next to ("面向中小学开展培训", "人员经费").
      const termAt = a.rule ? a.termStart : tok.start;
      if (m && ctext.slice(m.end, Math.max(m.end, termAt)).replace(/\s+/g, '').length <= 8) basisMatch = m;
      if (!basisMatch && indicator === 'training_volume') {
        const sentenceText = text.slice(sentence.start, sentence.end);
        basisMatch = basisFor(lex, indicator, sentenceText);
        if (basisMatch) evidence.push('via:basis-from-sentence');
        else if (p.heading) {
          basisMatch = basisFor(lex, indicator, p.heading.title);
          if (basisMatch) evidence.push('via:basis-from-heading');
        }
      }
    }
  }
  if (basisMatch) {
    basis = basisMatch.rule.basis;
    flags.push(...(basisMatch.rule.flags ?? []));
    evidence.push(basisMatch.rule.key);
  }

  // Scope: 公办/民办 in the value's own clause, else in the sentence's topic (its clauses up to
  // the first one with a value: "2022年，公办学校教职工344人，其中专技岗教师308人").
  let scope = '';
  if (!(indicator === 'general_intake' && basis === 'public_general_schools')) {
    scope = scopeIn(lex, ctext.slice(0, tok.start), null);
    for (let k = 0; !scope && k < ci; k++) {
      const ck = text.slice(clauses[k]!.start, clauses[k]!.end);
      scope = scopeIn(lex, ck, null);
      if (numbersWithUnits(ck).some((t) => !SKIP_UNITS.has(t.unit))) break;
    }
    // A paragraph that opens on public (private) schools' figures goes on about them, unless this
    // sentence names schools of its own.
    if (!scope && !scopeIn(lex, text.slice(sentence.start, sentence.end), null)) scope = state.paragraphScope;
  }

  // A part of an earlier value ("其中…", "包括…") with no basis or scope of its own is not the indicator's total.
  const sentenceText = text.slice(sentence.start, clause.end);
  const sameEarlier = state.seen.filter((s) => s.indicator === indicator);
  if (!basis && !scope && sameEarlier.length > 0 && PART_WORDS.test(sentenceText)) return null;

  // Year: the clause, then the sentence, then the paragraph, then the heading or the report's year.
  const tokAbs = abs(tok.start);
  const clauseYears = years.filter((y) => y.at >= clause.start && y.end <= tokAbs);
  let yearGuess: YearGuess | null = null;
  const lastInClause = clauseYears[clauseYears.length - 1];
  if (lastInClause) {
    if (lastInClause.listed) return null; // "2020年、2021年毕业生共1653人" sums two years
    const afterIt = text.slice(lastInClause.end, tokAbs).replace(/\s+/g, '');
    const fromTo = lastInClause.from && /(?:增长|增加|提高|提升|上升|下降|减少|降低|变)(?:为|到|至)/.test(afterIt);
    if (!fromTo) yearGuess = resolveYear(indicator, lastInClause, '同一分句', 'the same clause', 1, lastInClause.from ? 'clause-from' : 'clause');
  }
  if (!yearGuess) {
    const inSentence = years.filter((y) => y.at >= sentence.start && y.end <= clause.start && !y.from && !y.listed);
    const y = inSentence[inSentence.length - 1];
    if (y) yearGuess = resolveYear(indicator, y, '同一句', 'the same sentence', 1, 'sentence');
  }
  if (!yearGuess) {
    const inPara = years.filter((y) => y.end <= sentence.start && !y.from && !y.comparison && !y.listed);
    const y = inPara[inPara.length - 1];
    if (y) yearGuess = resolveYear(indicator, y, '同一段', 'the same paragraph', 0.9, 'paragraph');
  }
  yearGuess ??= fallbackYear(doc, p.heading, indicator);
  if (!yearGuess) return null;

  // Quote: from the clause that names the value (or the year, or the subject) to the value's clause end.
  let qStart = clause.start;
  if (a.inheritedFrom !== null) qStart = clauses[a.inheritedFrom]!.start;
  if (lastInClause === undefined && yearGuess.strength === 1) {
    const y = years.filter((m) => m.at >= sentence.start && m.end <= clause.start && !m.from).pop();
    if (y) qStart = Math.min(qStart, clauses.find((c) => c.start <= y.at && y.at < c.end)?.start ?? qStart);
  }
  let k = clauses.findIndex((c) => c.start === qStart);
  while (k > 0 && text.slice(clauses[k]!.start, clause.end).replace(/\s+/g, '').length < 12) {
    k--;
    qStart = clauses[k]!.start;
  }
  const quote = text.slice(qStart, clause.end).trim().replace(/^[，,；;、\s]+/, '');

  const offset = p.offsets[tokAbs] ?? p.offsets[0] ?? 0;
  const line = lineOf(doc, offset);
  const locator = `${p.heading?.title ?? ''} (line ${line})`.trim();
  const draft: Draft = {
    indicator,
    tok,
    requireUnit: true,
    percentHint: false,
    basis,
    scope,
    flags,
    year: yearGuess,
    quote,
    locator,
    line,
    offset,
    confidence: a.confidence,
    notesZh: [],
    notesEn: [],
    ...(a.alternatives ? { alternatives: a.alternatives } : {}),
    evidence,
  };
  return finish(lex, draft, doc, district, source);
}

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

/** A number with what qualifies it: an approximation word before or after it, or a range. */
export interface ValueToken extends NumberToken {
  /** Characters of an approximation word just before the number ("超", "近"), 0 if none. */
  lead: number;
  /** The qualifier as written ("超", "余", "以上", "3000—4000"), null for an exact number. */
  qualifier: string | null;
}

function valueToken(lex: Lexicon, ctext: string, tok: NumberToken): ValueToken {
  const before = lex.approxBefore.exec(ctext.slice(Math.max(0, tok.start - 6), tok.start));
  const after = lex.approxAfter.exec(ctext.slice(tok.end));
  const lead = before ? before[0].length : 0;
  let qualifier: string | null = null;
  if (tok.rangeTo) qualifier = `${tok.num}–${tok.rangeTo}`;
  else if (before) qualifier = before[0].trim();
  else if (tok.approx) qualifier = tok.approx;
  else if (after) qualifier = after[0].trim();
  return { ...tok, lead, qualifier };
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
  /** A clause naming what the next clauses break down ("在校生中"). */
  topic: { rule: TermRule; clause: number } | null;
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
    const state: SentenceState = { seen: [], subject: null, paragraphScope: si > 0 ? opening : '', topic: null };
    // "近五年，各校共…2760人": an opening clause of only a span of years makes the sentence's
    // figures sums over it, except one whose own clause names its year.
    const firstClause = splitSpans(text, CLAUSE_END, sentence.start, sentence.end)[0];
    const openerText = firstClause ? text.slice(firstClause.start, firstClause.end) : '';
    const cumulativeOpener = openerText.replace(/\s+/g, '').length <= 12 && !numbersWithUnits(openerText).some((t) => !SKIP_UNITS.has(t.unit)) && lex.cumulative.test(openerText);
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
        if (hiddenRanges(ctext).some(([a, b]) => tok.start >= a && tok.start < b)) continue;
        // "累计…4600余人", "“十三五”期间…": a sum over years, not one year's level.
        if (lex.cumulative.test(ctext.slice(prevEnd, tok.start))) continue;
        if (cumulativeOpener && ci > 0 && !yearMentions(ctext.slice(0, tok.start)).length) continue;
        // "年培训 2000 人次以上" with no year in the sentence: a yearly habit, not a year's figure.
        if (lex.habitual.test(ctext.slice(prevEnd, tok.start)) && !years.some((y) => y.at >= sentence.start && y.end <= sentence.end)) continue;
        const vtok = valueToken(lex, ctext, tok);

        const found = associate(lex, ctext, vtok, terms, tokens, prevEnd, state, ci);
        if (!found) continue;
        if (found.subject) subjectHere = { rule: found.subject.rule, clause: ci, text: found.subject.text };
        for (const a of found.assignments) {
          const cand = proseCandidate(lex, doc, p, district, source, sentence, clauses, ci, ctext, vtok, a, years, state, prevEnd);
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
      // "在校生中，": a term and no value, ending on 中.
      const named = terms.filter((x) => x.rule.indicator !== null);
      if (named.length > 0 && /中\s*$/.test(ctext) && !tokens.some((x) => !SKIP_UNITS.has(x.unit))) state.topic = { rule: named[named.length - 1]!.rule, clause: ci };
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
    if (numbersWithUnits(ctext).some((t) => !SKIP_UNITS.has(t.unit))) return scopeIn(lex, text.slice(first.start, c.end), null, text);
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
  /** Text before a share's subject that may name its denominator ("专技岗教师中“双师型”教师占…"). */
  preDenominator?: string;
  /** For words after the number ("两所民办中职学校"), where they end: their scope words count. */
  postEnd?: number;
  /** The year when the grammar gives it ("2021年和2022年…分别为", "上年为"). */
  year?: { year: number; endYear?: number; how: 'respectively' | 'previous' | 'comparison' };
  /** Basis and scope carried over from the value this one continues ("本区为…", "上年为…"). */
  inherited?: { basis: string; scope: string };
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
  tok: ValueToken,
  terms: TermMatch[],
  tokens: NumberToken[],
  prevEnd: number,
  state: SentenceState,
  ci: number,
): { assignments: Assignment[]; subject: { rule: TermRule; text: string } | null } | null {
  const isPercent = tok.kind === 'percent';
  // Where the number's words start: an approximation word ("超", "近") belongs to the number.
  const at = tok.start - tok.lead;
  // A term in brackets ("就业率（含升学）") is a gloss, unless the number is in the brackets too.
  const parens = [...ctext.matchAll(/[（(][^（）()]{0,20}[)）]/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const inParens = (x: number) => parens.some(([a, b]) => x > a && x < b);
  const before = terms.filter((t) => t.end <= at && (!inParens(t.start) || inParens(at)));
  let nearest = before[before.length - 1];
  const zhan = ctext.lastIndexOf('占', at);

  // 0. "招生、在校生、毕业生人数分别为486人、1423人和455人": the k-th number takes the k-th term
  //    (or, with one term, the k-th listed year).
  const resp = respectively(lex, ctext, tok, terms, tokens);
  if (resp) return resp;

  // 1. A share: "…141人，占专业教师95.27%" or "专任教师数占教职工总数的 82%" (but not a
  //    term that contains the 占 itself, such as "双师型教师占比").
  const zhanInTerm = terms.some((t) => t.start <= zhan && zhan < t.end);
  if (isPercent && zhan >= 0 && zhan >= prevEnd && !zhanInTerm) {
    const subjectTerms = before.filter((t) => t.end <= zhan && t.start >= prevEnd);
    // "“双师型”教师在专业课教师中占…": the subject is the last term that has a share; the words after it name the denominator.
    const own = [...subjectTerms].reverse().find((t) => percentIndicator(lex, t.rule) !== null || t.rule.indicator === null) ?? subjectTerms[subjectTerms.length - 1];
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
          denominator: ctext.slice(own ? own.end : zhan, at),
          preDenominator: ctext.slice(prevEnd, termStart),
          inheritedFrom: from,
          confidence: from === null ? 0.8 : 0.75,
          evidence: [own ? own.rule.key : state.subject!.text, from === null ? 'via:prose-share-own-subject' : 'via:prose-share-previous-clause'],
        },
      ],
      subject: null,
    };
  }

  // 1b. "“双师型”教师157人，比例为89.2%": a bare rate word opening the clause is the previous
  //     clause's subject's share, as "占比" is.
  if (isPercent && state.subject && state.subject.clause === ci - 1 && !before.some((t) => t.start >= prevEnd)) {
    const lead = ctext.slice(prevEnd, at).replace(/\s+/g, '');
    const indicator = percentIndicator(lex, state.subject.rule);
    if (indicator && /^(?:其)?(?:所占)?(?:比例|占比|比重|比率)(?:为|是|达|达到|约为)?$/.test(lead)) {
      return {
        assignments: [{ rule: state.subject.rule, indicator, termStart: 0, denominator: '', inheritedFrom: state.subject.clause, confidence: 0.7, evidence: [state.subject.text, 'via:prose-share-previous-clause'] }],
        subject: null,
      };
    }
  }

  // 2. A term right before the number, or before "由 A 增长为" the number. A term inside the
  //    connecting words ("比例达到专任教师的60%") gives way to the one before it when only that fits.
  const fits = (t: TermMatch | undefined) => t !== undefined && (isPercent ? percentIndicator(lex, t.rule) : t.rule.indicator) !== null;
  if (nearest && nearest.rule.indicator !== null) {
    const outer = before[before.length - 2];
    // Also when the inner words are only a connector for a more specific term ("生均公用经费标准为每生每年2500元").
    const yields = !fits(nearest) || (outer !== undefined && outer.rule.rank > nearest.rule.rank);
    if (yields && outer && outer.start >= prevEnd && fits(outer) && gapAllows(lex, ctext.slice(outer.end, at))) nearest = outer;
  }
  const gap = nearest ? ctext.slice(nearest.end, at) : '';
  const between = nearest ? tokens.some((t) => t.start >= nearest.end && t.start < at && t.unit !== '年') : false;
  const fromTo = between && FROM_TO.test(gap.replace(/\s+/g, '').replace(/[”"]/g, ''));
  if (nearest && (nearest.start >= prevEnd || fromTo)) {
    if (nearest.rule.indicator === null && !nearest.rule.share) {
      // A stopper names something else, unless its words are a part of a value just stated
      // ("用人单位满意度达98.3%，其中职业素养满意度98.7%": the basis words name the part).
      const bd = breakdownOf(lex, ctext, tok, prevEnd, state);
      if (bd && bd.basis.start >= nearest.start && bd.basis.end <= nearest.end && gapAllows(lex, gap)) {
        return {
          assignments: [{ rule: null, indicator: bd.indicator, termStart: nearest.start, denominator: '', inheritedFrom: null, basis: bd.basis, confidence: 0.7, evidence: [bd.basis.rule.key, 'via:prose-breakdown'] }],
          subject: null,
        };
      }
      return null;
    }
    // "具有研究生学位的专任教师1105人": a noun after "的" is narrowed by what precedes it, a subset.
    // Not "持有职业资格证书并具备企业实践经历的“双师型”教师157人": words before 双师型 with no term
    // of their own define it, they do not narrow it.
    const personNoun = nearest.rule.rank === 1 && lex.info[nearest.rule.indicator ?? '']?.unit === 'persons';
    const mod = before.filter((t) => t !== nearest && t.start >= prevEnd && t.end <= nearest.start).pop();
    const defines = !mod && nearest.rule.share === 'dual_teacher_share';
    if (personNoun && !defines && /的\s*$/.test(ctext.slice(0, nearest.start))) {
      // "具有硕士研究生及以上学历的专任教师58人，占…19.7%": the words before 的 name what the
      // number counts; a count term there takes it, a share term is the subject of the next share.
      if (!mod || (!mod.rule.share && !mod.rule.indicator)) return null;
      const subject = { rule: mod.rule, text: mod.rule.key };
      if (!mod.rule.indicator || lex.info[mod.rule.indicator]?.unit !== 'persons' || isPercent) return { assignments: [], subject };
      return {
        assignments: [
          { rule: mod.rule, indicator: mod.rule.indicator, termStart: mod.start, denominator: '', inheritedFrom: null, confidence: 0.75, evidence: [mod.rule.key, 'via:prose-modifier'] },
        ],
        subject,
      };
    }
    // "正高级教师5人、高级教师118人": after a part, a sibling of the same indicator is the rest, not the total.
    const last = state.seen[state.seen.length - 1];
    if (last && last.clause === ci && last.indicator === nearest.rule.indicator && last.basis !== '' && !nearest.rule.basis) {
      const link = ctext.slice(prevEnd, nearest.start).replace(/\s+/g, '');
      // Not the total, but a share that follows ("…，占专任教师总数的 42%") is of both together.
      if (/^(?:、|和|与|及)$/.test(link)) return { assignments: [], subject: { rule: nearest.rule, text: nearest.rule.key } };
    }
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
          preDenominator: ctext.slice(Math.min(prevEnd, before.filter((x) => x.end <= t.start).pop()?.end ?? 0), t.start),
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
    const rule: TermRule = {
      key: r.key,
      indicator: r.indicator,
      pattern: r.pattern,
      rank: 3,
      ...(r.share ? { share: r.share } : {}),
      ...(r.shareBasis ? { shareBasis: r.shareBasis } : {}),
      ...(r.basis ? { basis: r.basis } : {}),
    };
    return {
      assignments: [
        {
          rule,
          indicator: r.indicator,
          termStart: tok.start,
          denominator: '',
          inheritedFrom: null,
          confidence: 0.8,
          postEnd: numEnd + m[0].length,
          evidence: [r.key, 'via:prose-post-term'],
        },
      ],
      subject: { rule, text: r.key },
    };
  }

  // 3b. A count term right after "N名": "有152名专业课教师", "共有1,024名新生".
  if (!isPercent && /^(?:名|人|位)$/.test(tok.unit)) {
    const next = terms.find((t) => t.start >= tok.end && /^[\s“”"「」]*$/.test(ctext.slice(tok.end, t.start)));
    const ind = next?.rule.indicator;
    if (next && ind && lex.info[ind]?.unit === 'persons') {
      const led = /(?:有|共有|现有|拥有|的|共|计|其中|包括)\s*$/.test(ctext.slice(prevEnd, at));
      const closes = /^\s*(?:中|当中|之中|里|、|和|与|及|$)/.test(ctext.slice(next.end));
      if (led || closes) {
        return {
          assignments: [{ rule: next.rule, indicator: ind, termStart: tok.start, denominator: '', inheritedFrom: null, confidence: 0.75, postEnd: next.end, evidence: [next.rule.key, 'via:prose-number-before-term'] }],
          subject: { rule: next.rule, text: next.rule.key },
        };
      }
    }
  }

  // 3c. A value continuing the previous one: "比2020年的1067人", "上年为239人", "本区为0.21:0.79".
  const prev = state.seen[state.seen.length - 1];
  if (prev && !before.some((t) => t.start >= prevEnd)) {
    const lead = ctext.slice(prevEnd, at).replace(/\s+/g, '');
    const cmp = /(?:比|较|与|同)((?:19|20)[0-9]{2})年(?:同期)?的$/.exec(lead);
    // "上年为239人", and "较前一年的701人" (the earlier year's level, stated for comparison).
    const prevYear = /^(?:上年|去年|上一年|上年度|上一年度|前一年)(?:同期)?(?:为|是)?$/.test(lead) || /^(?:比|较|与)(?:上年|去年|上一年|上年度|上一年度|前一年)(?:同期)?的$/.test(lead);
    const place = /^(?:本区|我区|全区|该区)(?:为|是|达)?$/.test(lead);
    // "全日制中职招生421人，全日制成人中专招生36人，合计457人": the total of the parts before it.
    const total = prev.basis !== '' && /^(?:合计|共计|总计|总数为?|共)$/.test(lead);
    // "就业率为97.9%，其中公办学校98.6%，民办学校93.4%": the same quantity for a kind of schools
    // or one school, named by nothing but the schools (the scope comes from the words before it).
    const partScope = /^(?:其中|而|另|包括)?[^0-9，。；、]{2,16}?(?:为|是|达|达到)?$/.test(lead) ? scopeIn(lex, lead, null, ctext) : '';
    const byScope = ['public_schools', 'private_schools', 'adult_schools', 'one_school'].includes(partScope) && (tok.kind === 'percent') === (lex.info[prev.indicator]?.unit === 'percent');
    if (cmp || (prevYear && prev.year !== null) || place || total || byScope) {
      const year = cmp ? { year: Number(cmp[1]), how: 'comparison' as const } : prevYear ? { year: prev.year! - 1, how: 'previous' as const } : undefined;
      return {
        assignments: [
          {
            rule: null,
            indicator: prev.indicator,
            termStart: 0,
            denominator: '',
            confidence: 0.7,
            ...(year ? { year } : {}),
            inherited: { basis: total ? '' : prev.basis, scope: place ? '' : prev.scope },
            inheritedFrom: prev.clause,
            evidence: [byScope && !cmp && !prevYear && !place && !total ? 'via:prose-part-by-scope' : 'via:prose-continues-previous'],
          },
        ],
        subject: null,
      };
    }
  }

  // 3d. A topic clause before it: "在校生中，贯通培养项目学生648人" (the basis words name the part).
  const topic = state.topic;
  if (topic && topic.clause < ci && topic.rule.indicator && !before.some((t) => t.start >= prevEnd && t.rule.indicator !== null)) {
    const b = basisFor(lex, topic.rule.indicator, ctext, at, prevEnd);
    if (b) {
      return {
        assignments: [{ rule: topic.rule, indicator: topic.rule.indicator, termStart: b.start, denominator: '', inheritedFrom: topic.clause, basis: b, confidence: 0.65, evidence: [topic.rule.key, b.rule.key, 'via:prose-topic'] }],
        subject: null,
      };
    }
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

const LINK = /^(?:、|和|与|及|以及)$/;

function respectively(
  lex: Lexicon,
  ctext: string,
  tok: ValueToken,
  terms: TermMatch[],
  tokens: NumberToken[],
): { assignments: Assignment[]; subject: null } | null {
  const at = tok.start - tok.lead;
  const i = ctext.lastIndexOf('分别', at);
  if (i < 0) return null;
  const gap = ctext.slice(i + 2, at).replace(/\s+/g, '');
  const values = tokens.filter((t) => t.start > i && !SKIP_UNITS.has(t.unit));
  const k = values.findIndex((t) => t.start === tok.start);
  if (k < 0) return null;
  // Between 分别 and the first number only a verb; between numbers only list links.
  if (k === 0 && !/^(?:为|是|达到|达|占|有|：|:)?$/.test(gap)) return null;
  if (k > 0 && !LINK.test(ctext.slice(values[k - 1]!.end, tok.start).replace(/\s+/g, ''))) return null;
  const listed = terms.filter((t) => t.end <= i);
  const lastTerm = listed[listed.length - 1];
  if (!lastTerm || !/^(?:的)?$/.test(ctext.slice(lastTerm.end, i).replace(/\s+/g, ''))) return null;
  const chain = [lastTerm];
  for (let j = listed.length - 2; j >= 0; j--) {
    if (!LINK.test(ctext.slice(listed[j]!.end, chain[0]!.start).replace(/\s+/g, ''))) break;
    chain.unshift(listed[j]!);
  }
  // "文化课、专业技能考核合格率分别为": listed words that are no term of their own share the last one's tail.
  const tail = /((?:[^，。；、\s\d]{1,12}[、和与及]){1,6})$/.exec(ctext.slice(0, chain[0]!.start));
  if (tail) {
    const lastText = ctext.slice(lastTerm.start, lastTerm.end);
    const heads: TermMatch[] = [];
    for (const frag of tail[1]!.split(/[、和与及]/).filter(Boolean)) {
      let found: TermMatch | null = null;
      for (let k = lastText.length - 1; k >= 1 && !found; k--) {
        const whole = frag + lastText.slice(k);
        const t = findTerms(lex, whole, 'prose').find((x) => x.start < frag.length && x.end === whole.length && x.rule.indicator !== null && x.rule.key !== lastTerm.rule.key);
        if (t) found = { ...t, start: lastTerm.start, end: lastTerm.end };
      }
      if (!found) break;
      heads.push(found);
    }
    if (heads.length > 0 && heads.length === tail[1]!.split(/[、和与及]/).filter(Boolean).length) chain.unshift(...heads);
  }
  const isPercent = tok.kind === 'percent';
  const make = (t: TermMatch, year?: Assignment['year']): Assignment | null => {
    const indicator = isPercent ? percentIndicator(lex, t.rule) : t.rule.indicator;
    if (!indicator) return null;
    return { rule: t.rule, indicator, termStart: t.start, denominator: ctext.slice(t.start, i), inheritedFrom: null, confidence: 0.75, ...(year ? { year } : {}), evidence: [t.rule.key, 'via:prose-respectively'] };
  };
  if (chain.length > 1) {
    if (chain.length !== values.length) return null;
    const a = make(chain[k]!);
    return a ? { assignments: [a], subject: null } : null;
  }
  // One term and a list of years before it: "2021年和2022年招生人数分别为…".
  const years = [...ctext.slice(0, lastTerm.start).matchAll(/((?:19|20)[0-9]{2})\s*(?:-\s*((?:19|20)[0-9]{2})\s*)?(?:年|学年)(?:度)?/g)];
  if (years.length < 2 || years.length !== values.length) return null;
  const y = years[k]!;
  const a = make(lastTerm, { year: Number(y[1]), ...(y[2] ? { endYear: Number(y[2]) } : {}), how: 'respectively' });
  return a ? { assignments: [a], subject: null } : null;
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
    // A count is no part of a share ("…占专任教师52.3%；民办学校专任教师58人"), nor a share of a count.
    if ((lex.info[s.indicator]?.unit === 'percent') !== (tok.kind === 'percent')) continue;
    if (b.rule.appliesTo.includes(s.indicator)) return { indicator: s.indicator, basis: b };
  }
  return null;
}


/**
 * The denominator of a double-qualified share that names none itself, from the frame the
 * sentence sets up before it: "专业课教师当中，“双师型”教师超过九成", "在176名专业课教师里，…比例为
 * 89.2%", "专业课教师中“双师型”教师的比例…"; or, in a clause opening on 其中, the teachers the
 * clause before counts ("共有专业技术岗位教师276人，其中“双师型”教师所占比例为58.0%").
 */
function shareFrame(lex: Lexicon, before: string, ctext: string, prevClause: string): BasisMatch | null {
  const bases = findBases(lex, before).filter((b) => b.rule.appliesTo.includes('dual_teacher_share'));
  for (let i = bases.length - 1; i >= 0; i--) {
    const b = bases[i]!;
    if (/^\s*(?:[0-9０-９,，]+\s*[人名])?\s*(?:中|当中|之中|里)/.test(before.slice(b.end))) return b;
  }
  if (/^\s*其中/.test(ctext)) {
    const prev = findBases(lex, prevClause).filter((b) => b.rule.appliesTo.includes('dual_teacher_share')).pop();
    if (prev && /^\s*(?:总数|人数)?\s*(?:为|有|达|共)?\s*[0-9０-９,]+\s*[人名]/.test(prevClause.slice(prev.end))) return prev;
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
  tok: ValueToken,
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
  // The term's own basis, or for a share of a count term the basis that share takes.
  const ownBasis = a.rule ? (indicator === a.rule.indicator ? a.rule.basis : indicator === a.rule.share ? a.rule.shareBasis : undefined) : undefined;
  if (a.inherited) basis = a.inherited.basis;
  if (!basisMatch && !a.inherited) {
    if (indicator === 'dual_teacher_share') {
      basisMatch = basisFor(lex, indicator, a.denominator) ?? (a.preDenominator ? basisFor(lex, indicator, a.preDenominator) : null);
      if (!basisMatch) {
        // "“双师型”教师比例为56.4%（占专任教师）": the denominator in brackets after the value.
        const gloss = /^\s*[（(]\s*占([^（）()]{2,10})[)）]/.exec(ctext.slice(tok.end));
        const framed = (gloss ? basisFor(lex, indicator, gloss[1]!) : null) ?? shareFrame(lex, text.slice(sentence.start, abs(a.rule ? a.termStart : tok.start)), ctext, ci > 0 ? text.slice(clauses[ci - 1]!.start, clauses[ci - 1]!.end) : '');
        if (framed) {
          basisMatch = framed;
          evidence.push('via:share-frame');
        }
      }
    } else {
      const m = basisFor(lex, indicator, ctext, tok.start, prevEnd);
      // Basis words belong to the term they stand next to ("面向中小学开展培训", "人员经费").
      const termAt = a.rule ? a.termStart : tok.start;
      if (m && ctext.slice(m.end, Math.max(m.end, termAt)).replace(/\s+/g, '').length <= 8) basisMatch = m;
      if (!basisMatch && indicator === 'training_volume') {
        // Only what comes before: a total followed by "其中面向企业职工…" is not the enterprise part.
        const sentenceText = text.slice(sentence.start, clause.start + tok.start);
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
  } else if (ownBasis && !a.inherited) basis = ownBasis;

  // Scope: 公办/民办 in the value's own clause, else in the sentence's topic (its clauses up to
  // the first one with a value: "2022年，公办学校教职工344人，其中专技岗教师308人").
  let scope = '';
  const placeWords = a.inherited ? scopeIn(lex, ctext.slice(0, tok.start), null, text) : '';
  if (a.inherited) scope = placeWords || a.inherited.scope;
  else if (!(indicator === 'general_intake' && basis === 'public_general_schools')) {
    const ownWords = ctext.slice(0, a.postEnd ?? tok.start);
    scope = scopeIn(lex, ownWords, basisMatch, text);
    // "全市…招生3.2万人，我区招生1280人", "全区中职学校生师比为7.6:1": words naming the whole
    // district take no schools' scope from the clauses or sentences before them.
    const wholeDistrict = !scope && lex.wholeDistrict.test(ownWords);
    // Else the nearest earlier clause of the sentence naming schools ("公办学校…386人，…；民办学校
    // 专任教师58人，“双师型”教师21人": the 21 are the private schools').
    for (let k = ci - 1; !scope && !wholeDistrict && k >= 0; k--) {
      const ck = text.slice(clauses[k]!.start, clauses[k]!.end);
      scope = scopeIn(lex, ck, null, text);
      if (!scope && lex.wholeDistrict.test(ck)) break;
    }
    // A paragraph that opens on public (private) schools' figures goes on about them, unless this
    // sentence names schools of its own.
    // Only a kind of schools carries over; one school or the city named in an opening sentence does not.
    const sentenceWords = text.slice(sentence.start, sentence.end);
    if (!scope && !wholeDistrict && !scopeIn(lex, sentenceWords, null, text) && !lex.wholeDistrict.test(sentenceWords) && !['one_school', 'citywide'].includes(state.paragraphScope)) scope = state.paragraphScope;
  }

  // A part of an earlier value ("其中…", "包括…") with no basis or scope of its own is not the indicator's total.
  const sentenceText = text.slice(sentence.start, clause.end);
  const sameEarlier = state.seen.filter((s) => s.indicator === indicator);
  if (!a.inherited && !basis && !scope && sameEarlier.length > 0 && PART_WORDS.test(sentenceText)) return null;

  // Year: the clause, then the sentence, then the paragraph, then the heading or the report's year.
  const tokAbs = abs(tok.start);
  const clauseYears = years.filter((y) => y.at >= clause.start && y.end <= tokAbs);
  let yearGuess: YearGuess | null = null;
  const lastInClause = clauseYears[clauseYears.length - 1];
  if (a.year) {
    const where = a.year.how === 'respectively' ? ['“分别”所对应的年份', 'the year listed in the same position'] : a.year.how === 'previous' ? ['“上年”：上一句所述年份的前一年', '“上年”: the year before the previous figure’s'] : ['比较年份（其数值同句写出）', 'the comparison year, whose value the sentence states'];
    yearGuess = resolveYear(indicator, a.year, where[0]!, where[1]!, a.year.how === 'previous' ? 0.9 : 1, a.year.how);
  } else if (lastInClause) {
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
  // A qualified number is kept as written, flagged, with the qualifier in the note.
  const notesZh: string[] = [];
  const notesEn: string[] = [];
  if (tok.qualifier) {
    flags.push('approximate');
    evidence.push('via:approximate');
    if (tok.rangeTo) {
      notesZh.push(`原文为范围 ${tok.qualifier}，记下限`);
      notesEn.push(`the text gives a range, ${tok.qualifier}; the lower end is recorded`);
    } else {
      notesZh.push(`原文为约数（“${tok.qualifier}”），按所写数字记录`);
      notesEn.push(`the text qualifies the number (“${tok.qualifier}”): recorded as written`);
    }
  }
  // "按照每生每年3000元的标准…生均公用经费": a per-student figure called a standard is the standard rate.
  let alternatives = a.alternatives;
  if (alternatives?.includes('public_funding_standard')) {
    const after = ctext.slice(tok.end);
    // Also the rate after a clause naming the standard ("…生均公用经费拨款标准，每生每年3000元").
    const prevClause = ci > 0 ? text.slice(clauses[ci - 1]!.start, clauses[ci - 1]!.end) : '';
    const namedBefore = /(?:标准|定额)\s*(?:为|是)?\s*$/.test(prevClause) && !numbersWithUnits(prevClause).some((t) => !SKIP_UNITS.has(t.unit)) && !/[0-9０-９]/.test(ctext.slice(0, tok.start));
    if (/^\s*(?:\/(?:生|人|年))*(?:·年)?(?:的)?(?:拨款)?标准/.test(after) || namedBefore) {
      alternatives = ['public_funding_standard', ...alternatives.filter((x) => x !== 'public_funding_standard')];
      evidence.push('via:standard-by-wording');
    }
  }
  // "升入本科院校人数为0": a term that ends on 人数 names the unit itself.
  const termText = a.rule ? ctext.slice(a.termStart, tok.start) : '';
  const unitInTerm = tok.unit === '' && (/^[^，。；]*?(?:人数|人次)/.test(termText) || (tok.num === '0' && /(?:比例|率)/.test(termText)));
  const draft: Draft = {
    indicator,
    tok,
    requireUnit: !unitInTerm,
    percentHint: unitInTerm,
    basis,
    scope,
    flags,
    year: yearGuess,
    quote,
    locator,
    line,
    offset,
    confidence: a.confidence,
    notesZh,
    notesEn,
    ...(alternatives ? { alternatives } : {}),
    evidence,
  };
  return finish(lex, draft, doc, district, source);
}

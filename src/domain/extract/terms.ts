// Matching the lexicon against text: terms (which indicator), bases (which
// denominator or split), scope words, and the grammar allowed between a term
// and its number.
import type { BasisRule, Lexicon, TermRule } from './lexicon.ts';

export interface TermMatch {
  start: number;
  end: number;
  rule: TermRule;
}

export interface BasisMatch {
  start: number;
  end: number;
  rule: BasisRule;
}

const globalRe = (re: RegExp) => new RegExp(re.source, 'g' + re.flags.replace('g', ''));
const compiled = new WeakMap<Lexicon, { terms: { rule: TermRule; re: RegExp }[]; bases: { rule: BasisRule; re: RegExp }[]; scopes: { scope: string; re: RegExp; context?: RegExp }[] }>();

/** The lexicon's patterns with the global flag, compiled once per lexicon. */
function globals(lex: Lexicon) {
  let g = compiled.get(lex);
  if (!g) {
    g = {
      terms: lex.terms.map((rule) => ({ rule, re: globalRe(rule.pattern) })),
      bases: lex.bases.map((rule) => ({ rule, re: globalRe(rule.pattern) })),
      scopes: lex.scopes.map((s) => ({ scope: s.scope, re: globalRe(s.pattern), ...(s.context ? { context: s.context } : {}) })),
    };
    compiled.set(lex, g);
  }
  return g;
}

/** Terms in a text, competing where they overlap: higher rank, then longer, then earlier wins. */
export function findTerms(lex: Lexicon, text: string, mode: 'prose' | 'label'): TermMatch[] {
  const all: TermMatch[] = [];
  for (const { rule, re } of globals(lex).terms) {
    if (rule.exactLabel) {
      if (mode === 'label' && rule.pattern.test(cleanLabel(text))) all.push({ start: 0, end: text.length, rule });
      continue;
    }
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      all.push({ start: m.index, end: m.index + m[0].length, rule });
    }
  }
  all.sort((a, b) => b.rule.rank - a.rule.rank || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: TermMatch[] = [];
  for (const m of all) {
    if (chosen.some((c) => m.start < c.end && c.start < m.end)) continue;
    chosen.push(m);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

export function findBases(lex: Lexicon, text: string): BasisMatch[] {
  const all: BasisMatch[] = [];
  for (const { rule, re } of globals(lex).bases) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      all.push({ start: m.index, end: m.index + m[0].length, rule });
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: BasisMatch[] = [];
  for (const m of all) {
    if (chosen.some((c) => m.start < c.end && c.start < m.end)) continue;
    chosen.push(m);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** A label without numbering, "其中：", dashes, asterisks and quotes around it. */
export function cleanLabel(label: string): string {
  return label
    .replace(/^[\s—–-]+/, '')
    .replace(/^其中[:：]?/, '')
    .replace(/[*＊]/g, '')
    .trim();
}

/** What may follow the term in a table label: a unit in brackets, "总人数", an asterisk. */
const LABEL_TAIL = /^(?:\s|[*＊]|[（(][^（）()]{0,12}[)）]|总人数|人数|总数|数量|总量|规模|水平|标准|数|[:：])*$/;

/** The term a table label ends on, or null (none, a stopper, or words after it that change its meaning). */
export function labelTerm(lex: Lexicon, label: string): TermMatch | null {
  const terms = findTerms(lex, label, 'label');
  if (terms.length === 0) return null;
  const last = terms[terms.length - 1]!;
  if (last.rule.exactLabel) return last;
  if (last.rule.indicator === null && !last.rule.share) return null;
  // Basis words may follow the term ("普通高中 升全市").
  let tail = label.slice(last.end);
  for (const b of findBases(lex, tail).reverse()) tail = tail.slice(0, b.start) + tail.slice(b.end);
  if (!LABEL_TAIL.test(tail)) return null;
  return last;
}

/** True when only connectors ("为", "达", "：", "（含升学）") stand between a term and its number. */
export function gapAllows(lex: Lexicon, gap: string): boolean {
  let g = gap
    .replace(/\s+/g, '')
    .replace(/[（(][^（）()]{0,14}[)）]/g, '')
    .replace(/[”"’」]/g, '')
    // "由 2020 年的 217 人": the year belongs to the number, not between it and its term.
    .replace(/^(?:由|从|在)?(?:19|20)[0-9]{2}年(?:度|末|底)?(?:的)?/, '');
  // "占比提高到74.2%": a change "to" a value states the level (not "提高3.5个百分点").
  g = g.replace(/(?:提高|提升|上升|增长|增加|下降|降低|减少|扩大)(?:到|至)$/, '');
  if (lex.change.test(g)) return false;
  while (g.length > 0) {
    const m = lex.connector.exec(g);
    if (!m || m[0].length === 0) return false;
    g = g.slice(m[0].length);
  }
  return true;
}

/** The basis a text names for an indicator, nearest to `before` when given. */
export function basisFor(lex: Lexicon, indicator: string, text: string, before = text.length, after = 0): BasisMatch | null {
  let best: BasisMatch | null = null;
  for (const b of findBases(lex, text)) {
    if (!b.rule.appliesTo.includes(indicator)) continue;
    if (b.end > before || b.start < after) continue;
    if (!best || b.start > best.start) best = b;
  }
  return best;
}

/**
 * The scope the last scope words in a text name ('' for none). `context` is the
 * paragraph a scope word with a context condition must agree with.
 */
export function scopeIn(lex: Lexicon, text: string, consumed: BasisMatch | null, context = text): string {
  let t = consumed ? text.slice(0, consumed.start) + ' '.repeat(consumed.end - consumed.start) + text.slice(consumed.end) : text;
  // Words inside 《…》 and 【…】 are a document's title ("《关于调整本市…标准》"), not the value's schools;
  // words naming a basis ("升入全市", "全日制成人中专") are not scope words either.
  t = t.replace(/《[^》]*》|【[^】]*】/g, (m) => ' '.repeat(m.length));
  for (const b of findBases(lex, t)) t = t.slice(0, b.start) + ' '.repeat(b.end - b.start) + t.slice(b.end);
  let found = '';
  let at = -1;
  for (const { scope, re, context: needs } of globals(lex).scopes) {
    if (needs && !needs.test(context)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      if (m.index > at) {
        at = m.index;
        found = scope;
      }
    }
  }
  return found;
}

/** The percentage indicator a term names, itself or its share counterpart. */
export function percentIndicator(lex: Lexicon, rule: TermRule): string | null {
  if (rule.indicator && lex.info[rule.indicator]?.unit === 'percent') return rule.indicator;
  return rule.share ?? null;
}

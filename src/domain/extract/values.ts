// Numbers as reports write them, and their conversion to an indicator's unit.
// Offsets always refer to the original text: full-width digits are read in
// place (toHalfWidth maps one character to one), so quotes stay verbatim.
import { chineseNumeral, toHalfWidth } from '../numbers.ts';
import type { UnitId } from '../vocab.ts';

export type ValueKind = 'plain' | 'percent' | 'ratio';

/** A number in running text with the unit written after it. */
export interface NumberToken {
  /** Offset of the first digit. */
  start: number;
  /** Offset after the number and its unit. */
  end: number;
  /** ASCII decimal as written ("9.09", "1061"); for a ratio a:b, a; for a range a–b, a. */
  num: string;
  /** For a ratio a:b, b. */
  second?: string;
  kind: ValueKind;
  /**
   * The unit after the number ("人", "万元", "人次"), "" when none. A multiplier
   * written between number and unit is part of it: "2万多人" has unit "万人".
   */
  unit: string;
  /** A qualifier inside the number ("2万多人", "三百余人"): the value is approximate. */
  approx?: string;
  /** The upper end of a range ("3000—4000人"); `num` is the lower end. */
  rangeTo?: string;
}

const DIGIT = '[0-9０-９]';
const NUM = `(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|${DIGIT}+(?:[.．]${DIGIT}+)?)`;
const UNITS = [
  '人次', '人天', '人日', '人', '名', '位', '所', '元/生·年', '元/生.年', '元/生', '元/人',
  '元', '个', '项', '次', '门', '台', '本', '册', '亩', '平方米', '岁', '年', '月', '日', '届', '级', '号', '期',
  '批', '天', '小时', '学时', '课时', '倍', '家', '支', '节', '篇', '套', '间', '张', '件', '种', '类',
];
const UNIT_RE = UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
const MULT = '千万|百万|万|亿';
const RANGE = '[—–~～－-]|至|到';
// number, then: a ratio; or a range; or a percent; or a multiplier, a qualifier and a unit.
const TOKEN = new RegExp(
  `(${NUM})(?:\\s*([:：])\\s*(${NUM})|\\s*(?:${RANGE})\\s*(${NUM})(?=\\s*(?:[%％]|${MULT}|${UNIT_RE}))|)(?:\\s*([%％])|\\s*(${MULT})?(?:\\s*(多|余)(?=\\s*(?:${UNIT_RE})))?\\s*(${UNIT_RE})?)`,
  'g',
);
const CN_TOKEN = /(百分之)?([零〇一二两三四五六七八九十百千万亿]+)(?:点([零〇一二三四五六七八九]+))?\s*(多|余)?\s*(万人次|人次|所|名|人|万元|亿元|元)?/g;
// "九成", "近八成", "超过七成": tenths of a whole, a percentage (not 成为, 成立, 成果, 一成不变…).
const CN_TENTHS = /(?<![零〇一二两三四五六七八九十百千万亿])([一二两三四五六七八九])\s*成(?![为立功果绩本员熟长型效了就才不交绩])/g;
const CN_DIGIT_CHARS: Record<string, string> = { 零: '0', 〇: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** ASCII decimal of a number as written: "１，０６１" is not a number, "1,061" is 1061. */
export function asciiNumber(raw: string): string {
  return toHalfWidth(raw).replace(/,/g, '');
}

/**
 * Numbers of a text with their units and offsets, in order (numbers.ts's numberTokens gives the
 * digits only). Years ("2022年") are returned too, with unit 年.
 */
export function numbersWithUnits(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const start = m.index;
    // A digit run glued to a Latin letter or another digit is part of a code ("ISO9001", "3+2").
    const before = text[start - 1] ?? '';
    if (/[A-Za-z0-9０-９.．+＋]/.test(before)) continue;
    if (/^[+＋][0-9０-９]/.test(text.slice(start + m[1]!.length))) continue;
    // A bare multiplier with no unit stays the unit ("投入 0.98 亿", "1.2万").
    const unit = (m[6] ?? '') + (m[8] ?? '');
    const tok: NumberToken = { start, end: start + m[0].length, num: asciiNumber(m[1]!), kind: 'plain', unit };
    if (m[2]) {
      tok.kind = 'ratio';
      tok.second = asciiNumber(m[3]!);
    } else if (m[5]) {
      tok.kind = 'percent';
      tok.unit = '%';
    }
    if (m[4]) tok.rangeTo = asciiNumber(m[4]);
    if (m[7]) tok.approx = m[7];
    out.push(tok);
  }
  CN_TOKEN.lastIndex = 0;
  for (let m = CN_TOKEN.exec(text); m; m = CN_TOKEN.exec(text)) {
    const percent = m[1] !== undefined;
    if (!percent && !m[5]) continue; // a numeral needs a measure word after it to be a count
    if (!percent && m[3]) continue; // "点" is a decimal point only in "百分之九十八点五"
    // "百分之百": the whole.
    const n = percent && m[2] === '百' ? 100 : chineseNumeral(m[2]!);
    if (n === null || (n === 0 && !percent)) continue;
    // "是一所公办学校", "每一名学生": an article, not a count.
    if (n === 1 && /(?:是|为|作为|成为|这|此|每|第|任何|哪)\s*$/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    // "一人一案", "一人一岗": a slogan, not a count.
    if (n === 1 && /^[一]/.test(text.slice(m.index + m[0].length))) continue;
    const frac = m[3] ? [...m[3]].map((c) => CN_DIGIT_CHARS[c]).join('') : '';
    const tok: NumberToken = { start: m.index, end: m.index + m[0].length, num: frac ? `${n}.${frac}` : String(n), kind: percent ? 'percent' : 'plain', unit: percent ? '%' : m[5]! };
    if (m[4]) tok.approx = m[4];
    out.push(tok);
  }
  CN_TENTHS.lastIndex = 0;
  for (let m = CN_TENTHS.exec(text); m; m = CN_TENTHS.exec(text)) {
    const n = chineseNumeral(m[1]!);
    if (n === null) continue;
    out.push({ start: m.index, end: m.index + m[0].length, num: String(n * 10), kind: 'percent', unit: '%' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Moves the decimal point: scaleDecimal("9.09", 4) is "90900", scaleDecimal("0.98", 4) "9800". */
export function scaleDecimal(num: string, pow10: number): string {
  const neg = num.startsWith('-');
  const s = neg ? num.slice(1) : num;
  const [int = '0', frac = ''] = s.split('.');
  let digits = int + frac;
  let point = int.length + pow10;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  let i = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  if (i === '') i = '0';
  const f = digits.slice(point).replace(/0+$/, '');
  return (neg ? '-' : '') + (f ? `${i}.${f}` : i);
}

/** Canonical form of a decimal string: "100.00" → "100", "17.0" → "17", "08" → "8". */
export function canonicalDecimal(num: string): string {
  return scaleDecimal(num, 0);
}

/** Money units as powers of ten of a yuan (after any 万/亿 multiplier). */
const MONEY_POW: Record<string, number> = { 元: 0, '元/生': 0, '元/生·年': 0, '元/生.年': 0, '元/人': 0 };
const MULT_POW: Record<string, number> = { 千万: 7, 百万: 6, 万: 4, 亿: 8 };

/** "万人次" → 10^4 and "人次"; "元" → 10^0 and "元". */
export function splitUnit(unit: string): { pow: number; base: string; mult: string } {
  const m = /^(千万|百万|万|亿)?(.*)$/.exec(unit)!;
  return { pow: m[1] ? MULT_POW[m[1]]! : 0, base: m[2]!, mult: m[1] ?? '' };
}

/** Result of putting a written value into an indicator's unit. */
export interface Converted {
  value: string;
  /** How the number was converted, for the curator's note; empty when written as is. */
  how?: { zh: string; en: string };
}

const UNIT_EN: Record<string, string> = { persons: 'persons', person_times: 'person-times', wan_yuan: '×10,000 yuan', yuan: 'yuan', yuan_per_month: 'yuan', yuan_per_student: 'yuan' };

/**
 * Converts a number with its written unit into the indicator's unit, or null
 * when the unit cannot be that indicator's (people for money, a count for a
 * percentage). `unit` may come from the text after the number, a table's unit
 * column or a header such as "（万元）"; a 万 or 亿 in it scales the number.
 */
export function convert(tok: Pick<NumberToken, 'num' | 'second' | 'kind' | 'unit'>, target: UnitId, opts: { indicator: string; percentHint?: boolean; requireUnit: boolean }): Converted | null {
  const { num, unit, kind } = tok;
  const { pow, base } = splitUnit(unit);
  const scaled = (p: number, targetUnit: UnitId, zhUnit: string): Converted => {
    const value = scaleDecimal(num, p);
    if (p === 0) return { value: canonicalDecimal(num) };
    return { value, how: { zh: `${num} ${unit} = ${value} ${zhUnit}`, en: `${num} ${unit} = ${value} ${UNIT_EN[targetUnit] ?? targetUnit}` } };
  };
  switch (target) {
    case 'percent': {
      if (kind === 'ratio') {
        if (opts.indicator !== 'vocational_share') return null;
        return ratioToShare(num, tok.second!);
      }
      if (kind === 'percent') return { value: canonicalDecimal(num) };
      if (unit === '%' || (!opts.requireUnit && unit === '' && opts.percentHint)) return { value: canonicalDecimal(num) };
      return null;
    }
    case 'ratio':
    case 'students_per_teacher': {
      if (kind === 'ratio') {
        if (Number(tok.second) === 1) return { value: canonicalDecimal(num) };
        // 普职 a:b with a + b = 1 says the vocational share, not the x:1 ratio.
        return null;
      }
      // "生师比为16.49": the term says it is a ratio, so a bare number is its x of x:1.
      if (kind === 'plain' && (unit === '' || unit === ':' || unit === '：')) return { value: canonicalDecimal(num) };
      return null;
    }
    case 'persons':
      if (kind !== 'plain') return null;
      if (base === '人' || base === '名' || base === '位' || (!opts.requireUnit && base === '')) return scaled(pow, target, '人');
      return null;
    case 'person_times':
      if (kind !== 'plain') return null;
      if (base === '人次' || base === '人' || (!opts.requireUnit && base === '')) return scaled(pow, target, '人次');
      return null;
    case 'per_student':
      if (kind !== 'plain' || pow !== 0) return null;
      if (base === '个' || base === '个/生' || base === '' && !opts.requireUnit) return { value: canonicalDecimal(num) };
      return null;
    case 'schools':
      if (kind !== 'plain' || pow !== 0) return null;
      if (unit === '所' || (!opts.requireUnit && unit === '')) return { value: canonicalDecimal(num) };
      return null;
    case 'wan_yuan':
    case 'yuan':
    case 'yuan_per_month':
    case 'yuan_per_student': {
      if (kind !== 'plain') return null;
      const targetPow = target === 'wan_yuan' ? 4 : 0;
      if (unit === '' && !opts.requireUnit) return { value: canonicalDecimal(num) };
      // A bare 万 or 亿 is money here ("投入 0.98 亿").
      const basePow = base === '' && pow > 0 ? 0 : MONEY_POW[base];
      if (basePow === undefined) return null;
      return scaled(pow + basePow - targetPow, target, target === 'wan_yuan' ? '万元' : '元');
    }
    default:
      return null;
  }
}

/** 职普比 0.26 : 0.74 → 26; a ratio whose parts do not add up to 1 gives the share rounded to 0.1. */
function ratioToShare(a: string, b: string): Converted | null {
  const x = Number(a);
  const y = Number(b);
  if (!(x >= 0 && y > 0)) return null;
  if (Math.abs(x + y - 1) < 1e-9) return { value: scaleDecimal(a, 2), how: { zh: `${a} : ${b} → ${scaleDecimal(a, 2)}%`, en: `${a} : ${b} → ${scaleDecimal(a, 2)}%` } };
  const share = Math.round((1000 * x) / (x + y)) / 10;
  return { value: String(share), how: { zh: `${a} : ${b} → ${share}%`, en: `${a} : ${b} → ${share}%` } };
}

/** A table cell read as a value, a year label, or nothing. */
export type Cell =
  | { type: 'value'; tok: Omit<NumberToken, 'start' | 'end'>; change: boolean }
  | { type: 'year'; year: number; endYear?: number }
  | { type: 'missing' }
  | { type: 'text' };

// "2021年", "2021届", "2020年秋季", "2023年数值": a year heading a column or row.
const YEAR_CELL = /^((?:19|20)[0-9]{2})\s*(?:年|年度|届)?\s*(?:秋季|春季|年末|底|末|数值|数据|情况)?\s*$/;
const SCHOOL_YEAR_CELL = /^((?:19|20)[0-9]{2})\s*(?:年)?\s*[-－—–~至]\s*((?:19|20)[0-9]{2})\s*(?:学年|年)?(?:度)?\s*$/;
const VALUE_CELL = new RegExp(`^([↑↓+＋-])?\\s*(${NUM})\\s*(?:([:：])\\s*(${NUM})|([%％]))?\\s*(${UNIT_RE})?\\s*$`);
const MISSING_CELL = /^(?:无|—+|-+|－+|–+|\/|暂无|不详|空)$/;

/**
 * Reads a table cell. A bare four-digit number is a year label only within
 * `years` (the report's span), so "2056" students stay a value.
 */
export function readCell(raw: string, years: [number, number] = [1990, 2040]): Cell {
  const s = raw.trim();
  if (s === '') return { type: 'missing' };
  let m = YEAR_CELL.exec(s);
  if (m && (!/^[0-9]+$/.test(s) || (Number(m[1]) >= years[0] && Number(m[1]) <= years[1]))) return { type: 'year', year: Number(m[1]) };
  m = SCHOOL_YEAR_CELL.exec(s);
  if (m && Number(m[2]) === Number(m[1]) + 1) return { type: 'year', year: Number(m[1]), endYear: Number(m[2]) };
  if (MISSING_CELL.test(s)) return { type: 'missing' };
  m = VALUE_CELL.exec(s);
  if (m) {
    const change = m[1] !== undefined;
    if (m[3]) return { type: 'value', change, tok: { num: asciiNumber(m[2]!), second: asciiNumber(m[4]!), kind: 'ratio', unit: '' } };
    if (m[5]) return { type: 'value', change, tok: { num: asciiNumber(m[2]!), kind: 'percent', unit: '%' } };
    return { type: 'value', change, tok: { num: asciiNumber(m[2]!), kind: 'plain', unit: m[6] ?? '' } };
  }
  return { type: 'text' };
}

/** The unit a label or header states in brackets or alone: "（万元）", "(元)", "人次", "%". */
export function unitInLabel(label: string): string {
  const m = /[（(]\s*(?:单位\s*[：:]\s*)?(万人次|人次|人日|人天|学时|课时|小时|人|名|所|万元|亿元|元\/生|元|个\/生|个|项|门|册|%|％)\s*[)）]/.exec(label);
  if (m) return m[1] === '％' ? '%' : m[1]!;
  const t = label.trim();
  if (/^(?:万人次|人次|人日|人天|学时|课时|小时|人|名|所|万元|亿元|元\/生|元\/人|元|个\/生|个|项|门|册|%|％|:|：)$/.test(t)) return t === '％' ? '%' : t === '：' ? ':' : t;
  return '';
}

// Strict number parsing for curated values, and the numeric matching used to
// check that a value really comes from its quote.
import { decimalsOf } from './decimals.ts';
import { fillTemplate, shown, type IssueParams } from './issues.ts';
import { ISSUE_EN, type IssueCode } from './issue-text.ts';

export type ParseResult =
  | { ok: true; value: number }
  | { ok: false; message: string; code: IssueCode; params: IssueParams };

const PLAIN_NUMBER = /^-?(?:\d+)(?:\.\d+)?$/;
const MISSING_MARKERS = new Set(['无', '—', '——', '-', '–', '－', '/', 'n/a', 'na', 'null', 'nan', '…', '...', '暂无', '不详']);

/** Full-width digits, dot, percent, colon and minus to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF0E\uFF05\uFF1A\uFF0D\uFF0C]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

function refused(code: IssueCode, params: IssueParams = {}): ParseResult {
  return { ok: false, message: fillTemplate(ISSUE_EN[code], params), code, params };
}

/**
 * Parses a value cell. Only a plain ASCII decimal is accepted; anything else
 * gets a message that says how to write it, because a curator who typed
 * `1,061` or `９.０３:１` meant a number and needs to know which.
 */
export function parseStrictNumber(raw: string): ParseResult {
  const s = raw.trim();
  if (s === '') return refused('value.empty');
  if (PLAIN_NUMBER.test(s)) return { ok: true, value: Number(s) };
  const quoted = shown(s);
  if (MISSING_MARKERS.has(s.toLowerCase())) return refused('value.missingMarker', { shown: quoted });
  const half = toHalfWidth(s);
  if (half !== s) {
    const inner = parseStrictNumber(half);
    return inner.ok
      ? refused('value.fullWidth', { shown: quoted, number: inner.value })
      : refused('value.fullWidthNotNumber', { shown: quoted, ascii: shown(half) });
  }
  if (/^-?[\d.]+\s*%$/.test(s)) return refused('value.percentSign', { shown: quoted, number: Number(s.replace('%', '').trim()) });
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return refused('value.thousandsSeparator', { shown: quoted, number: s.replace(/,/g, '') });
  const ratio = /^(\d+(?:\.\d+)?)\s*[:：]\s*(\d+(?:\.\d+)?)$/.exec(s);
  if (ratio) {
    const [a, b] = [Number(ratio[1]), Number(ratio[2])];
    return b === 1
      ? refused('value.ratioToOne', { shown: quoted, number: a })
      : refused('value.ratioShare', { shown: quoted, a, b, share: round((100 * a) / (a + b), 1) });
  }
  if (/[万亿千百]/.test(s)) return refused('value.chineseUnit', { shown: quoted });
  if (/^\s*-?\d+(\.\d+)?\s*[a-zA-Z\u4e00-\u9fff元人次个所]+$/.test(s)) return refused('value.unit', { shown: quoted });
  return refused('value.notNumber', { shown: quoted });
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * f) / f;
}

/** Two statements of one quantity agree when equal at the precision of the less precise one (87 and 87.4; not 87.4 and 87.3). */
export function valuesAgree(a: number, b: number): boolean {
  const d = Math.min(decimalsOf(a), decimalsOf(b));
  return round(a, d) === round(b, d);
}

export { decimalsOf };

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * Value of a run of Chinese numerals: "两" 2, "十二" 12, "三百" 300, "一千二百" 1200,
 * "两千零五十" 2050, "一万二千" 12000, "百万" 1000000, and digit-by-digit runs such as
 * "二零二一" 2021. Null for anything else.
 */
export function chineseNumeral(run: string): number | null {
  // A lone 百, 千, 万 or 亿 is a word (百姓, 千家万户), not a number.
  if (run === '' || /^[百千万亿]$/.test(run)) return null;
  if (!/[十百千万亿]/.test(run)) {
    if (![...run].every((c) => c in CN_DIGITS)) return null;
    return Number([...run].map((c) => CN_DIGITS[c]).join(''));
  }
  // Sections by 亿 and 万, each read with 千百十 ("一千二百", "十二").
  let total = 0;
  let rest = run;
  for (const [mark, factor] of [['亿', 1e8], ['万', 1e4]] as const) {
    const i = rest.indexOf(mark);
    if (i < 0) continue;
    const head = rest.slice(0, i);
    const v = head === '' ? 1 : smallSection(head);
    if (v === null || v === 0) return null;
    total += v * factor;
    rest = rest.slice(i + 1);
  }
  if (rest === '') return total;
  const v = smallSection(rest);
  return v === null ? null : total + v;
}

/** 0–9999 written with 千百十: "一千二百", "三百零五", "十二", "二十". */
function smallSection(s: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 1e4;
  for (const c of s.replace(/^零+/, '')) {
    if (c in CN_DIGITS) {
      if (digit !== null && digit !== 0 && CN_DIGITS[c] !== 0) return null;
      digit = CN_DIGITS[c]!;
      continue;
    }
    const unit = c === '千' ? 1000 : c === '百' ? 100 : c === '十' ? 10 : 0;
    if (unit === 0 || unit >= lastUnit) return null;
    total += (digit ?? 1) * unit;
    digit = null;
    lastUnit = unit;
  }
  if (digit !== null) total += digit;
  return total;
}

const UNIT_CHARS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };

/** A number a quote states, in one reading: 0.98 亿 reads as 98000000 and as 9800 (in 万). */
export interface QuotedNumber {
  value: number;
  /** Decimals it is stated to: 87.0% to 1, 0.98 亿 to 0 (the digits end at the millions). */
  decimals: number;
  /** The passage it was read from, for messages ("0.98 亿", "0.26 : 0.74"). */
  text: string;
  /** The number as written, before a following 万/亿/千/百/十 scales it (formulas may use it). */
  unscaled?: true;
  /** The amount counted in 万 (18320.96 万元 as 18320.96): a value only in a 万元 unit may take it. */
  inWan?: true;
  /** A part of a ratio that sums to one, as written (0.26 of "0.26 : 0.74"): never a percentage. */
  fraction?: true;
}

const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
const CN_RUN = /[零〇一二两三四五六七八九十百千万亿]+/g;
/** "（万元）", "(亿元)", "（万人次）": a table header's unit in brackets. */
const HEADER_UNIT = /[（(]\s*([十百千万亿]+)[^）)\d]{0,4}[）)]/g;
/** "（元）", "(人)", "（%）": a header unit that scales nothing. */
const PLAIN_HEADER_UNIT = /[（(]\s*(?:元|人|人次|所|个|%|％)(?:\/[^）)]{1,3})?\s*[）)]/;
const writtenDecimals = (s: string) => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);

/**
 * Every number a quote states, with the readings a curated value may take:
 * the number as written; scaled by a following 万/亿/千/百/十 (`9.09 万元` is
 * 90900 元; `0.98 亿` is 98000000 and 9800 万); a part of a ratio that sums to
 * one as a percentage (`0.26 : 0.74` gives 26 and 74); full-width digits,
 * thousands separators and Chinese numerals (`两所` 2, `百万人次` 1000000).
 */
export function quotedNumbers(quote: string): QuotedNumber[] {
  const half = toHalfWidth(quote);
  const out: QuotedNumber[] = [];
  const raw: { n: number; d: number; start: number; end: number; at: number }[] = [];
  const headerUnits = [...half.matchAll(HEADER_UNIT)].map((m) => ({ at: m.index, units: m[1]! }));
  // A flattened table whose headers mix "（万元）" with "（元）" cannot say which column a number is in.
  const mixedHeaders = headerUnits.length > 0 && PLAIN_HEADER_UNIT.test(half);
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(half); m; m = NUMBER.exec(half)) {
    const written = m[0].replace(/,/g, '');
    const n = Number(written);
    const d = writtenDecimals(written);
    const start = m.index;
    const end = start + m[0].length;
    const unit = /^\s*([十百千万亿]+)/.exec(half.slice(end, end + 8));
    const text = half.slice(start, end + (unit ? unit[0].length : 0)).trim();
    // A unit in a table header applies to the numbers after it: "设备值（万元）	8	9.09".
    const header = unit ? undefined : headerUnits.findLast((h) => h.at < start);
    const at = out.length;
    const units = unit?.[1] ?? header?.units;
    if (units) {
      const pow = [...units].reduce((p, c) => p + Math.round(Math.log10(UNIT_CHARS[c]!)), 0);
      out.push({ value: n, decimals: d, text, ...(header && mixedHeaders ? {} : { unscaled: true as const }) });
      out.push({ value: scale(n, pow), decimals: Math.max(0, d - pow), text });
      // An amount in 万 or more also reads in 万 (万元, 万人次): 18320.96 万元 is 18320.96, 0.98 亿 is 9800.
      if (pow >= 4) out.push({ value: scale(n, pow - 4), decimals: Math.max(0, d - pow + 4), text, inWan: true });
    } else out.push({ value: n, decimals: d, text });
    raw.push({ n, d, start, end, at });
  }
  // Ratio parts summing to one are shares: 职普比 0.26 : 0.74 is a 26% vocational share.
  for (let i = 0; i + 1 < raw.length; i++) {
    const a = raw[i]!;
    const b = raw[i + 1]!;
    if (!/^\s*[:：比]\s*$/.test(half.slice(a.end, b.start))) continue;
    if (Math.abs(a.n + b.n - 1) > 10 ** -Math.max(a.d, b.d) + 1e-9) continue;
    const text = half.slice(a.start, b.end);
    for (const p of [a, b]) {
      out.push({ value: scale(p.n, 2), decimals: Math.max(0, p.d - 2), text });
      out[p.at]!.fraction = true;
    }
  }
  // "百分之九十八点五" is 98.5, "百分之百" 100; "九成", "近八成" are 90 and 80 (tenths as a percentage).
  for (const m of half.matchAll(/百分之([零〇一二两三四五六七八九十百]+)(?:点([零〇一二三四五六七八九]+))?/g)) {
    const whole = m[1] === '百' ? 100 : chineseNumeral(m[1]!);
    if (whole === null) continue;
    const frac = m[2] ? [...m[2]].map((c) => CN_DIGITS[c]).join('') : '';
    out.push({ value: Number(frac ? `${whole}.${frac}` : whole), decimals: frac.length, text: m[0] });
  }
  for (const m of half.matchAll(/(?<![零〇一二两三四五六七八九十百千万亿])([一二两三四五六七八九])\s*成/g)) {
    out.push({ value: CN_DIGITS[m[1]!]! * 10, decimals: 0, text: m[0] });
  }
  CN_RUN.lastIndex = 0;
  for (let m = CN_RUN.exec(half); m; m = CN_RUN.exec(half)) {
    // A run that scales a digit (the 万 of "2万") was read with its digit above.
    if (/\d\s*$/.test(half.slice(Math.max(0, m.index - 2), m.index)) && /^[十百千万亿]/.test(m[0])) continue;
    // 万 or 百 alone is a word (万人, 百姓), not a number; 十 alone is ten.
    if (/^[百千万亿]$/.test(m[0])) continue;
    const n = chineseNumeral(m[0]);
    if (n === null) continue;
    out.push({ value: n, decimals: 0, text: m[0] });
    if (n >= 1e4 && /[万亿]/.test(m[0])) out.push({ value: n / 1e4, decimals: 0, text: m[0], inWan: true });
  }
  return out;
}

/** n × 10^pow without binary noise (0.98 × 10^4 is 9800, not 9800.000000000002). */
function scale(n: number, pow: number): number {
  return Number(`${n}e${pow}`);
}

/**
 * True when the value is this reading of a quoted number: equal, or the same
 * number rounded to fewer decimals than the quote states (87 for "87.04%",
 * 9.1 for "9.09"). Trailing zeros are not rounding: 4410 is not 441, and 100
 * is not "1".
 */
export function matchesQuotedNumber(value: number, q: QuotedNumber): boolean {
  const v = Math.abs(value);
  if (Math.abs(v - q.value) <= 1e-9 * Math.max(1, v)) return true;
  const dv = decimalsOf(v);
  return v !== 0 && dv < q.decimals && Math.abs(v - q.value) <= 0.5 * 10 ** -dv + 1e-9;
}

/**
 * True when a number the quote states is the value, allowing the quote's
 * 万/亿/百万 scaling, ratio shares and rounding to fewer decimals (see
 * quotedNumbers and matchesQuotedNumber). 26 is in "0.26 : 0.74", 9800 in
 * "0.98 亿", 90900 in "9.09 万元", 1000000 in "百万人次以上"; 1601, 4410,
 * 4.41 and 0.441 are not in "1061" or "441". With the indicator's unit, an
 * amount counted in 万 (2 for "2万人") is the value only when the unit is 万元.
 */
export function valueAppearsInQuote(value: number, quote: string, unit?: string): boolean {
  return quotedNumbers(quote).some((q) => readingFits(q, unit) && matchesQuotedNumber(value, q));
}

function readingFits(q: QuotedNumber, unit: string | undefined): boolean {
  return !q.unscaled && (!q.inWan || unit === undefined || unit === WAN_UNIT) && !(q.fraction && unit === 'percent');
}

const WAN_UNIT = 'wan_yuan';

/**
 * When the value is a quoted number shifted by a power of ten, that number
 * and the power (4410 and "441": [441, 1]); the likeliest slip behind a
 * value that is not in its quote.
 */
export function powerOfTenSlip(value: number, quote: string, unit?: string): { number: QuotedNumber; power: number } | null {
  const v = Math.abs(value);
  if (v === 0) return null;
  for (const q of quotedNumbers(quote)) {
    if (!readingFits(q, unit) || q.value === 0) continue;
    const power = Math.round(Math.log10(v / q.value));
    if (power !== 0 && Math.abs(power) <= 8 && Math.abs(v - scale(q.value, power)) <= 1e-9 * v) return { number: q, power };
  }
  return null;
}

/** The numbers of a quote as written, for messages: "441", "0.98 亿", "0.26 : 0.74". */
export function quotedNumberTexts(quote: string): string[] {
  return [...new Set(quotedNumbers(quote).map((q) => q.text))];
}

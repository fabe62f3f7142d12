// Strict number parsing for curated values, and the digit matching used to
// check that a value really comes from its quote.

export type ParseResult = { ok: true; value: number } | { ok: false; message: string };

const PLAIN_NUMBER = /^-?(?:\d+)(?:\.\d+)?$/;
const MISSING_MARKERS = new Set(['无', '—', '——', '-', '–', '－', '/', 'n/a', 'na', 'null', 'nan', '…', '...', '暂无', '不详']);

/** Full-width digits, dot, percent, colon and minus to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF0E\uFF05\uFF1A\uFF0D\uFF0C]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Parses a value cell. Only a plain ASCII decimal is accepted; anything else
 * gets a message that says how to write it, because a curator who typed
 * `1,061` or `９.０３:１` meant a number and needs to know which.
 */
export function parseStrictNumber(raw: string): ParseResult {
  const s = raw.trim();
  if (s === '') return { ok: false, message: 'is empty (missing data is the absence of a row, never an empty value)' };
  if (PLAIN_NUMBER.test(s)) return { ok: true, value: Number(s) };
  const shown = `'${s.length > 40 ? s.slice(0, 40) + '…' : s}'`;
  if (MISSING_MARKERS.has(s.toLowerCase())) {
    return {
      ok: false,
      message: `${shown} is not a number: missing data is the absence of a row, never a value — delete the row`,
    };
  }
  const half = toHalfWidth(s);
  if (half !== s) {
    const inner = parseStrictNumber(half);
    const hint = inner.ok ? `write ${inner.value}` : `then: ${inner.message}`;
    return { ok: false, message: `${shown} uses full-width characters; ${hint}` };
  }
  if (/^-?[\d.]+\s*%$/.test(s)) {
    const n = s.replace('%', '').trim();
    return {
      ok: false,
      message: `${shown} has a percent sign; write ${Number(n)} (percentages are stored as 0–100 without the sign)`,
    };
  }
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) {
    return { ok: false, message: `${shown} has a thousands separator; write ${s.replace(/,/g, '')}` };
  }
  const ratio = /^(\d+(?:\.\d+)?)\s*[:：]\s*(\d+(?:\.\d+)?)$/.exec(s);
  if (ratio) {
    const [a, b] = [Number(ratio[1]), Number(ratio[2])];
    const hint =
      b === 1
        ? `write ${a} for an x:1 ratio such as 生师比 or 普职比`
        : `convert it: a 职普比 of ${a}:${b} is a vocational share of ${round((100 * a) / (a + b), 1)}`;
    return { ok: false, message: `${shown} is a ratio; ${hint}` };
  }
  if (/[万亿千百]/.test(s)) {
    return { ok: false, message: `${shown} has a Chinese unit; convert it to the indicator's unit and write the plain number` };
  }
  if (/^\s*-?\d+(\.\d+)?\s*[a-zA-Z\u4e00-\u9fff元人次个所]+$/.test(s)) {
    return { ok: false, message: `${shown} has a unit; write the plain number in the indicator's unit` };
  }
  return { ok: false, message: `${shown} is not a number` };
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * f) / f;
}

/** Number of decimals written in a plain number string or needed for a number. */
export function decimalsOf(value: number): number {
  const s = String(value);
  const i = s.indexOf('.');
  return i < 0 || s.includes('e') ? 0 : s.length - i - 1;
}

/** Digits of a number without sign, decimal point, leading and trailing zeros: 0.98 -> "98", 9800 -> "98". */
export function significantDigits(value: number | string): string {
  const s = typeof value === 'number' ? plainString(value) : value;
  const digits = s.replace(/[^0-9]/g, '').replace(/^0+/, '').replace(/0+$/, '');
  return digits === '' ? '0' : digits;
}

function plainString(n: number): string {
  // Avoid exponent notation for large or tiny values.
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

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

/**
 * Numeric tokens of a text as the report writes them: full-width digits
 * normalised, thousands separators joined ("1,061" -> "1061"), and small
 * Chinese numerals read ("两所" -> "2").
 */
export function numberTokens(text: string): string[] {
  const half = toHalfWidth(text);
  const out: string[] = [];
  const re = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
  for (let m = re.exec(half); m; m = re.exec(half)) out.push(m[0].replace(/,/g, ''));
  for (const run of half.match(/[零〇一二两三四五六七八九十百千万亿]+/g) ?? []) {
    const n = chineseNumeral(run);
    if (n !== null) out.push(String(n));
  }
  return out;
}

/**
 * True when the value's significant digits equal those of a number in the
 * quote, so 26 matches "0.26 : 0.74", 9800 matches "0.98 亿" and 90900
 * matches "9.09 万元", while a typo such as 1601 for "1061" does not.
 */
export function valueAppearsInQuote(value: number, quote: string): boolean {
  const want = significantDigits(value);
  return numberTokens(quote).some((t) => significantDigits(t) === want);
}

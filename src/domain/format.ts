// Numbers and units for display, as Intl writes them; large money sums in
// 万/亿 in Chinese and millions in English.
import { decimalsOf } from './decimals.ts';
import type { Indicator } from './types.ts';
import { UNIT_LABELS, YUAN_FACTOR, type UnitId } from './vocab.ts';

export type Lang = 'zh' | 'en';

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const key = `${lang}|${min}|${max}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: min, maximumFractionDigits: max });
    cache.set(key, f);
  }
  return f;
}

/**
 * What Intl.NumberFormat (zh-CN and en-US alike) writes for a number with 0 to
 * `decimals` decimals: rounded half away from zero on its shortest decimal
 * form, trailing zeros dropped, thousands grouped with commas. Written out
 * because the first Intl call of a page costs 50–70 ms (ICU starting), before
 * the first chart. Null where the shortcut does not apply (exponent notation,
 * negative zero or a negative value that rounds to it): Intl then decides.
 */
export function plainDecimal(value: number, decimals: number): string | null {
  if (!Number.isFinite(value) || Object.is(value, -0) || !Number.isInteger(decimals) || decimals < 0 || decimals > 20) return null;
  const text = String(Math.abs(value));
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const [int = '0', frac = ''] = text.split('.');
  let digits = int + frac.padEnd(decimals, '0').slice(0, decimals);
  if ((frac[decimals] ?? '0') >= '5') {
    // Round up the digit string.
    const d = digits.split('');
    let i = d.length - 1;
    for (; i >= 0; i--) {
      if (d[i] === '9') d[i] = '0';
      else {
        d[i] = String(Number(d[i]) + 1);
        break;
      }
    }
    digits = (i < 0 ? '1' : '') + d.join('');
  }
  let intPart = digits.slice(0, digits.length - decimals).replace(/^0+(?=\d)/, '') || '0';
  const fracPart = digits.slice(digits.length - decimals).replace(/0+$/, '');
  if (value < 0 && /^0*$/.test(intPart + fracPart)) return null;
  intPart = intPart.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${value < 0 ? '-' : ''}${intPart}${fracPart ? `.${fracPart}` : ''}`;
}

/** A plain number with up to `decimals` decimals (trailing zeros dropped). */
export function formatNumber(value: number, lang: Lang, decimals = 2): string {
  const max = Math.max(0, decimals);
  return plainDecimal(value, max) ?? nf(lang, 0, max).format(value);
}

/** Money in yuan as 万元/亿元 (zh) or yuan/million yuan (en). */
export function formatYuan(yuan: number, lang: Lang): string {
  const abs = Math.abs(yuan);
  if (lang === 'zh') {
    if (abs >= 1e8) return `${formatNumber(yuan / 1e8, lang, 2)}亿元`;
    if (abs >= 1e4) return `${formatNumber(yuan / 1e4, lang, 2)}万元`;
    return `${formatNumber(yuan, lang, 0)}元`;
  }
  if (abs >= 1e9) return `${formatNumber(yuan / 1e9, lang, 2)} billion yuan`;
  if (abs >= 1e6) return `${formatNumber(yuan / 1e6, lang, 1)} million yuan`;
  return `${formatNumber(yuan, lang, 0)} yuan`;
}

/** Large head counts in 万 (zh). */
function formatCount(value: number, lang: Lang, decimals: number): string {
  if (lang === 'zh' && Math.abs(value) >= 1e5) return `${formatNumber(value / 1e4, lang, 1)}万`;
  return formatNumber(value, lang, decimals);
}

/**
 * A value with its unit, as a reader would say it. Shows at least the
 * indicator's decimals and never fewer than the report stated (99.32% stays
 * 99.32%, not 99.3%), up to two.
 */
export function formatValue(value: number, ind: Pick<Indicator, 'unit' | 'decimals'>, lang: Lang): string {
  const indicator = { unit: ind.unit, decimals: Math.min(Math.max(ind.decimals, decimalsOf(value)), Math.max(ind.decimals, 2)) };
  const unit = indicator.unit;
  const u = UNIT_LABELS[unit];
  switch (unit as UnitId) {
    case 'percent':
      return `${formatNumber(value, lang, indicator.decimals)}%`;
    case 'wan_yuan':
      return formatYuan(value * YUAN_FACTOR.wan_yuan!, lang);
    case 'yuan':
    case 'yuan_per_student':
      return lang === 'zh' && Math.abs(value) < 1e4
        ? `${formatNumber(value, lang, indicator.decimals)}元`
        : formatYuan(value, lang);
    case 'yuan_per_month':
      return lang === 'zh' ? `${formatNumber(value, lang, 0)}元/月` : `${formatNumber(value, lang, 0)} yuan/month`;
    case 'ratio':
    case 'students_per_teacher':
      return `${formatNumber(value, lang, indicator.decimals)}:1`;
    case 'per_student':
      return `${formatNumber(value, lang, indicator.decimals)}${lang === 'zh' ? u.shortZh : u.shortEn}`;
    case 'persons':
    case 'person_times':
    case 'schools': {
      const n = formatCount(value, lang, indicator.decimals);
      return lang === 'zh' ? `${n}${u.shortZh}` : `${n}${unit === 'person_times' ? ' person-times' : ''}`;
    }
    default:
      return formatNumber(value, lang, indicator.decimals);
  }
}

/** A short axis label: the number without unit words. */
export function formatAxis(value: number, indicator: Pick<Indicator, 'unit'>, lang: Lang): string {
  if (indicator.unit === 'percent') return `${formatNumber(value, lang, 0)}%`;
  if (indicator.unit === 'wan_yuan') return lang === 'zh' && Math.abs(value) >= 1e4 ? `${formatNumber(value / 1e4, lang, 1)}亿` : formatNumber(value, lang, 0);
  if (lang === 'zh' && Math.abs(value) >= 1e4) return `${formatNumber(value / 1e4, lang, 1)}万`;
  if (lang === 'en' && Math.abs(value) >= 1e6) return `${formatNumber(value / 1e6, lang, 1)}M`;
  if (lang === 'en' && Math.abs(value) >= 1e4) return `${formatNumber(value / 1e3, lang, 0)}k`;
  return formatNumber(value, lang, 2);
}

/** The unit as words for axis titles and table headers. */
export function unitLabel(unit: UnitId, lang: Lang): string {
  return lang === 'zh' ? UNIT_LABELS[unit].zh : UNIT_LABELS[unit].en;
}

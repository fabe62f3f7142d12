import fc from 'fast-check';
import { expect, it } from 'vitest';
import { formatAxis, formatNumber, formatValue, plainDecimal } from './format.ts';

const pct = { unit: 'percent' as const, decimals: 1 };

it('keeps the precision the report stated, up to two decimals', () => {
  expect(formatValue(99.32, pct, 'zh')).toBe('99.32%');
  expect(formatValue(87, pct, 'en')).toBe('87%');
  expect(formatValue(33.333333, pct, 'en')).toBe('33.33%');
});

it('writes money in 万/亿 in Chinese and millions in English', () => {
  expect(formatValue(33737.92, { unit: 'wan_yuan', decimals: 2 }, 'zh')).toBe('3.37亿元');
  expect(formatValue(33737.92, { unit: 'wan_yuan', decimals: 2 }, 'en')).toBe('337.4 million yuan');
  expect(formatValue(90900, { unit: 'yuan', decimals: 0 }, 'zh')).toBe('9.09万元');
  expect(formatValue(900, { unit: 'yuan_per_student', decimals: 0 }, 'zh')).toBe('900元');
  expect(formatValue(4800, { unit: 'yuan_per_month', decimals: 0 }, 'en')).toBe('4,800 yuan/month');
});

it('writes counts, ratios and axes', () => {
  expect(formatValue(68909, { unit: 'person_times', decimals: 0 }, 'zh')).toBe('68,909人次');
  expect(formatValue(158840, { unit: 'person_times', decimals: 0 }, 'zh')).toBe('15.9万人次');
  expect(formatValue(9.03, { unit: 'students_per_teacher', decimals: 2 }, 'en')).toBe('9.03:1');
  // Workstations per student are a rate per student, not an x:1 ratio.
  expect(formatValue(1.79, { unit: 'per_student', decimals: 2 }, 'zh')).toBe('1.79个/生');
  expect(formatValue(0.5, { unit: 'per_student', decimals: 2 }, 'en')).toBe('0.5 per student');
  expect(formatAxis(25000, { unit: 'persons' }, 'zh')).toBe('2.5万');
  expect(formatAxis(40, { unit: 'percent' }, 'en')).toBe('40%');
});

it('writes numbers exactly as Intl.NumberFormat does, in both languages', { timeout: 30_000 }, () => {
  const formats = new Map<string, Intl.NumberFormat>();
  const intl = (v: number, lang: 'zh' | 'en', d: number) => {
    const k = `${lang}${d}`;
    if (!formats.has(k)) formats.set(k, new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 0, maximumFractionDigits: d }));
    return formats.get(k)!.format(v);
  };
  const cases = [0, -0, 1.005, 2.5, -2.5, 0.125, 999.995, 99.995, 1e21, 1e-7, -0.001, -0.004, 123456789.987, 9.999, 1234.5, 0.5, 1.45, 8.345, 1e15 + 0.3];
  for (const v of cases) for (const d of [0, 1, 2, 3]) for (const lang of ['zh', 'en'] as const) expect(formatNumber(v, lang, d), `${v} ${d}`).toBe(intl(v, lang, d));
  fc.assert(
    fc.property(fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer().map((n) => n / 1000), fc.integer().map((n) => n / 200)), fc.integer({ min: 0, max: 4 }), (v, d) => {
      expect(formatNumber(v, 'zh', d)).toBe(intl(v, 'zh', d));
      expect(formatNumber(v, 'en', d)).toBe(intl(v, 'en', d));
    }),
    { numRuns: 10_000 },
  );
});

it('leaves to Intl what the shortcut does not cover', () => {
  expect(plainDecimal(1e21, 2)).toBeNull();
  expect(plainDecimal(-0.001, 2)).toBeNull();
  expect(plainDecimal(Number.NaN, 2)).toBeNull();
  expect(plainDecimal(1234.5, 0)).toBe('1,235');
});

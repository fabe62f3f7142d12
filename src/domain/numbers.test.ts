import { describe, expect, it } from 'vitest';
import { chineseNumeral, numberTokens, parseStrictNumber, significantDigits, valueAppearsInQuote } from './numbers.ts';

describe('parseStrictNumber', () => {
  it('accepts plain decimals only', () => {
    expect(parseStrictNumber('1061')).toEqual({ ok: true, value: 1061 });
    expect(parseStrictNumber(' 9.03 ')).toEqual({ ok: true, value: 9.03 });
    expect(parseStrictNumber('-2.5')).toEqual({ ok: true, value: -2.5 });
    expect(parseStrictNumber('0')).toEqual({ ok: true, value: 0 });
  });

  it.each([
    ['100%', 'write 100'],
    ['１００', 'write 100'],
    ['９.０３:１', 'full-width'],
    ['1,061', 'write 1061'],
    ['9.03:1', 'write 9.03'],
    ['0.37:0.63', 'vocational share of 37'],
    ['无', 'absence of a row'],
    ['—', 'absence of a row'],
    ['0.98亿', 'Chinese unit'],
    ['2900元', 'has a unit'],
    ['abc', 'is not a number'],
    ['', 'is empty'],
    ['1e3', 'is not a number'],
  ])('refuses %j with a hint', (raw, hint) => {
    const r = parseStrictNumber(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(hint);
  });
});

describe('digits of a value in its quote', () => {
  it('finds significant digits across units and ratios', () => {
    expect(significantDigits(9800)).toBe('98');
    expect(significantDigits('0.98')).toBe('98');
    expect(valueAppearsInQuote(26, '职普比为 0.26 : 0.74')).toBe(true);
    expect(valueAppearsInQuote(9800, '公共财政预算安排的教育经费：0.98 亿')).toBe(true);
    expect(valueAppearsInQuote(90900, '生均教学、实习仪器设备资产值 9.09 万元')).toBe(true);
    expect(valueAppearsInQuote(1061, '招生人数 1,061 人')).toBe(true);
    expect(valueAppearsInQuote(100, '就业率１００％')).toBe(true);
  });

  it('refuses transposed or partial digits', () => {
    expect(valueAppearsInQuote(1601, '招生人数 1061 人')).toBe(false);
    expect(valueAppearsInQuote(106, '招生人数 1061 人')).toBe(false);
    expect(valueAppearsInQuote(3, '生师比 9.03:1')).toBe(false);
  });

  it('tokenises full-width digits and thousands separators', () => {
    expect(numberTokens('共１,２３４人，占 12.5%')).toEqual(['1234', '12.5']);
  });

  it('reads small Chinese numerals, so 两所 gives 2', () => {
    expect(valueAppearsInQuote(2, '共有两所区属中等职业学校')).toBe(true);
    expect(chineseNumeral('十二')).toBe(12);
    expect(chineseNumeral('二十')).toBe(20);
    expect(chineseNumeral('二零二一')).toBe(2021);
    expect(chineseNumeral('百')).toBeNull();
    expect(valueAppearsInQuote(3, '共有两所学校')).toBe(false);
  });

  it('reads larger Chinese numerals with 十百千万亿', () => {
    expect(chineseNumeral('三百')).toBe(300);
    expect(chineseNumeral('一千二百')).toBe(1200);
    expect(chineseNumeral('两千零五十')).toBe(2050);
    expect(chineseNumeral('三百零五')).toBe(305);
    expect(chineseNumeral('一万二千')).toBe(12000);
    expect(chineseNumeral('十二万')).toBe(120000);
    expect(chineseNumeral('百万')).toBe(1000000);
    expect(chineseNumeral('一亿二千万')).toBe(120000000);
    // Malformed runs are not numbers.
    expect(chineseNumeral('百千')).toBeNull();
    expect(chineseNumeral('三三百')).toBeNull();
    expect(valueAppearsInQuote(1200, '招收新生一千二百人')).toBe(true);
  });
});

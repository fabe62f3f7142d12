import { describe, expect, it } from 'vitest';
import { chineseNumeral, parseStrictNumber, powerOfTenSlip, quotedNumberTexts, valueAppearsInQuote } from './numbers.ts';

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

describe('a value in its quote, compared as a number', () => {
  it('reads shares written in words: 百分之九十八点五 is 98.5, 百分之百 100, 九成 90', () => {
    expect(valueAppearsInQuote(98.5, '就业率达百分之九十八点五')).toBe(true);
    expect(valueAppearsInQuote(100, '专业对口率为百分之百')).toBe(true);
    expect(valueAppearsInQuote(90, '“双师型”教师超过九成')).toBe(true);
    expect(valueAppearsInQuote(98.4, '就业率达百分之九十八点五')).toBe(false);
  });

  it('reads units, ratios, separators and full-width digits', () => {
    expect(valueAppearsInQuote(26, '职普比为 0.26 : 0.74')).toBe(true);
    expect(valueAppearsInQuote(74, '职普比为 0.26 : 0.74')).toBe(true);
    expect(valueAppearsInQuote(9.03, '生师比 9.03:1')).toBe(true);
    expect(valueAppearsInQuote(9800, '公共财政预算安排的教育经费：0.98 亿')).toBe(true);
    expect(valueAppearsInQuote(98000000, '公共财政预算安排的教育经费：0.98 亿')).toBe(true);
    expect(valueAppearsInQuote(90900, '生均教学、实习仪器设备资产值 9.09 万元')).toBe(true);
    expect(valueAppearsInQuote(18320.96, '经费投入总额为 18320.96 万元', 'wan_yuan')).toBe(true);
    expect(valueAppearsInQuote(9800, '教育经费：0.98 亿', 'wan_yuan')).toBe(true);
    expect(valueAppearsInQuote(90900, '生均教学仪器设备值（万元）	8	9.09')).toBe(true);
    expect(valueAppearsInQuote(80000, '生均教学仪器设备值（万元）	8	9.09')).toBe(true);
    expect(valueAppearsInQuote(1061, '招生人数 1,061 人')).toBe(true);
    expect(valueAppearsInQuote(100, '就业率１００％')).toBe(true);
    expect(valueAppearsInQuote(12000, '培训 1.2万人次')).toBe(true);
  });

  it('reads approximate amounts written with 万 and Chinese numerals', () => {
    expect(valueAppearsInQuote(20000, '每年培训2万多人')).toBe(true);
    expect(valueAppearsInQuote(1000000, '累计培训百万人次以上')).toBe(true);
    expect(valueAppearsInQuote(30000, '三万余人次')).toBe(true);
    expect(valueAppearsInQuote(3500, '三千五百人')).toBe(true);
    expect(valueAppearsInQuote(20000, '两万余人', 'persons')).toBe(true);
  });

  it('accepts a value rounded to fewer decimals than the quote states, or written with more zeros', () => {
    expect(valueAppearsInQuote(87, '“双师型”教师比例达 87.0%')).toBe(true);
    expect(valueAppearsInQuote(87, '比例为 87.04%')).toBe(true);
    expect(valueAppearsInQuote(97.4, '对口就业率 97.40%')).toBe(true);
    expect(valueAppearsInQuote(100, '就业率 99.6%')).toBe(true);
    expect(valueAppearsInQuote(9.1, '生师比 9.09:1')).toBe(true);
  });

  it('refuses a value off by a power of ten, however its digits line up', () => {
    for (const v of [4410, 4.41, 0.441, 44.1, 44100]) expect(valueAppearsInQuote(v, '职业学校招生人数 441 人'), String(v)).toBe(false);
    expect(valueAppearsInQuote(100, '共 1 所学校')).toBe(false);
    expect(valueAppearsInQuote(980, '教育经费 0.98 亿')).toBe(false);
    // Counted in 万 only where the unit is 万元; the extractor, which passes no unit, may propose either.
    expect(valueAppearsInQuote(2, '每年培训2万多人', 'persons')).toBe(false);
    expect(valueAppearsInQuote(2, '投入经费2万元', 'wan_yuan')).toBe(true);
    expect(valueAppearsInQuote(2, '投入经费2万元', 'yuan')).toBe(false);
    expect(valueAppearsInQuote(87.5, '比例为 87%')).toBe(false);
    // A share written as the fraction of its ratio is a hundredfold off.
    expect(valueAppearsInQuote(0.26, '职普比为 0.26 : 0.74', 'percent')).toBe(false);
    expect(valueAppearsInQuote(26, '职普比为 0.26 : 0.74', 'percent')).toBe(true);
    expect(valueAppearsInQuote(2.28, '普职比 2.28:1', 'ratio')).toBe(true);
    expect(valueAppearsInQuote(0, '比例为 0.4%')).toBe(false);
  });

  it('refuses transposed or partial digits', () => {
    expect(valueAppearsInQuote(1601, '招生人数 1061 人')).toBe(false);
    expect(valueAppearsInQuote(106, '招生人数 1061 人')).toBe(false);
    expect(valueAppearsInQuote(3, '生师比 9.03:1')).toBe(false);
    expect(valueAppearsInQuote(26, '生师比 0.26:1')).toBe(false);
  });

  it('names the power of ten behind a slip', () => {
    expect(powerOfTenSlip(4410, '招生人数 441 人')).toMatchObject({ number: { value: 441 }, power: 1 });
    expect(powerOfTenSlip(0.441, '招生人数 441 人')).toMatchObject({ number: { value: 441 }, power: -3 });
    expect(powerOfTenSlip(1601, '招生人数 1061 人')).toBeNull();
  });

  it('lists the numbers as the quote writes them, for messages', () => {
    expect(quotedNumberTexts('共１,２３４人，占 12.5%，经费 0.98 亿')).toEqual(['1,234', '12.5', '0.98 亿']);
  });

  it('reads small Chinese numerals, so 两所 gives 2', () => {
    expect(valueAppearsInQuote(2, '共有两所区属中等职业学校')).toBe(true);
    expect(chineseNumeral('十二')).toBe(12);
    expect(chineseNumeral('二十')).toBe(20);
    expect(chineseNumeral('二零二一')).toBe(2021);
    expect(chineseNumeral('百')).toBeNull();
    expect(valueAppearsInQuote(3, '共有两所学校')).toBe(false);
    expect(valueAppearsInQuote(10000, '万人')).toBe(false);
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

describe('a flattened table whose headers mix scaled and plain units', () => {
  it('lets a number be read as written as well as scaled, since the column is unknown', () => {
    const quote = '年度	经费投入（万元）	生均经费（元） 2021	18264.7	57836';
    expect(valueAppearsInQuote(57836, quote, 'yuan_per_student')).toBe(true);
    expect(valueAppearsInQuote(18264.7, quote, 'wan_yuan')).toBe(true);
    // Without a plain header the 万 still scales every number after it.
    expect(valueAppearsInQuote(8, '生均教学仪器设备值（万元）	8	9.09', 'yuan')).toBe(false);
    expect(valueAppearsInQuote(80000, '生均教学仪器设备值（万元）	8	9.09', 'yuan')).toBe(true);
  });
});

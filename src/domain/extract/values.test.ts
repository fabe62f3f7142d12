import { describe, expect, it } from 'vitest';
import { canonicalDecimal, convert, numbersWithUnits, readCell, scaleDecimal, unitInLabel } from './values.ts';

describe('numbers as written', () => {
  it('reads units, percentages and ratios, and full-width digits in place', () => {
    const text = '招生人数１０６１人，就业率９８．５％，生师比9.03:1，职普比为 0.26 : 0.74，投入 0.98 亿';
    const toks = numbersWithUnits(text);
    expect(toks.map((t) => [t.num, t.kind, t.unit, t.second ?? ''])).toEqual([
      ['1061', 'plain', '人', ''],
      ['98.5', 'percent', '%', ''],
      ['9.03', 'ratio', '', '1'],
      ['0.26', 'ratio', '', '0.74'],
      ['0.98', 'plain', '亿', ''],
    ]);
    // Offsets point into the original text, full-width characters and all.
    expect(text.slice(toks[0]!.start, toks[0]!.end)).toBe('１０６１人');
  });

  it('reads small Chinese numerals before a measure word, but not an article', () => {
    expect(numbersWithUnits('共有两所区属中等职业学校').map((t) => [t.num, t.unit])).toEqual([['2', '所']]);
    expect(numbersWithUnits('是一所公办中等职业学校')).toEqual([]);
  });

  it('reads shares in words: 百分之九十八点五, 百分之百, 九成, but not 成为 or 一成不变', () => {
    expect(numbersWithUnits('就业率达百分之九十八点五').map((t) => [t.num, t.kind])).toEqual([['98.5', 'percent']]);
    expect(numbersWithUnits('对口率为百分之百').map((t) => [t.num, t.kind])).toEqual([['100', 'percent']]);
    expect(numbersWithUnits('近九成毕业生').map((t) => [t.num, t.kind])).toEqual([['90', 'percent']]);
    expect(numbersWithUnits('超过七成')).toHaveLength(1);
    expect(numbersWithUnits('一成不变，三成为')).toEqual([]);
    // 点 is a decimal point only after 百分之: "三点五" alone is no count.
    expect(numbersWithUnits('三点五人')).toEqual([]);
  });

  it('joins thousands separators but not a clause comma', () => {
    expect(numbersWithUnits('在校生1,061人').map((t) => t.num)).toEqual(['1061']);
    expect(numbersWithUnits('2020年,职业学校').map((t) => [t.num, t.unit])).toEqual([['2020', '年']]);
  });
});

describe('unit conversion', () => {
  it('moves decimal points exactly', () => {
    expect(scaleDecimal('9.09', 4)).toBe('90900');
    expect(scaleDecimal('0.98', 4)).toBe('9800');
    expect(scaleDecimal('28647', -4)).toBe('2.8647');
    expect(canonicalDecimal('100.00')).toBe('100');
    expect(canonicalDecimal('17.0')).toBe('17');
  });

  it('puts 万元 and 亿 into an indicator’s unit', () => {
    const opts = (indicator: string) => ({ indicator, requireUnit: true, percentHint: false });
    expect(convert({ num: '9.09', kind: 'plain', unit: '万元' }, 'yuan', opts('equipment_per_student'))?.value).toBe('90900');
    expect(convert({ num: '0.98', kind: 'plain', unit: '亿' }, 'wan_yuan', opts('funding_total'))?.value).toBe('9800');
    expect(convert({ num: '18320.96', kind: 'plain', unit: '万元' }, 'wan_yuan', opts('funding_total'))?.value).toBe('18320.96');
    expect(convert({ num: '900', kind: 'plain', unit: '元/生·年' }, 'yuan_per_student', opts('public_funding_standard'))?.value).toBe('900');
    expect(convert({ num: '5.8', kind: 'plain', unit: '万人次' }, 'person_times', opts('training_volume'))?.value).toBe('58000');
  });

  it('refuses a unit that cannot be the indicator’s', () => {
    const opts = { indicator: 'intake', requireUnit: true, percentHint: false };
    expect(convert({ num: '12', kind: 'plain', unit: '万元' }, 'persons', opts)).toBeNull();
    expect(convert({ num: '52', kind: 'percent', unit: '%' }, 'persons', opts)).toBeNull();
    expect(convert({ num: '2000', kind: 'plain', unit: '人天' }, 'person_times', { ...opts, indicator: 'training_volume' })).toBeNull();
    // In prose a count needs its unit; in a table the row or column gives it.
    expect(convert({ num: '1061', kind: 'plain', unit: '' }, 'persons', opts)).toBeNull();
    expect(convert({ num: '1061', kind: 'plain', unit: '' }, 'persons', { ...opts, requireUnit: false })?.value).toBe('1061');
  });

  it('turns ratios into the curated conventions', () => {
    const o = (indicator: string) => ({ indicator, requireUnit: true, percentHint: false });
    expect(convert({ num: '0.26', second: '0.74', kind: 'ratio', unit: '' }, 'percent', o('vocational_share'))?.value).toBe('26');
    expect(convert({ num: '2.28', second: '1', kind: 'ratio', unit: '' }, 'ratio', o('general_vocational_ratio'))?.value).toBe('2.28');
    expect(convert({ num: '9.03', second: '1', kind: 'ratio', unit: '' }, 'students_per_teacher', o('student_teacher_ratio'))?.value).toBe('9.03');
    // A ratio is never a percentage of anything but the vocational share.
    expect(convert({ num: '0.26', second: '0.74', kind: 'ratio', unit: '' }, 'percent', o('employment_rate'))).toBeNull();
  });
});

describe('table cells', () => {
  it('tells years, school years, values, changes and missing cells apart', () => {
    expect(readCell('2021年')).toEqual({ type: 'year', year: 2021 });
    expect(readCell('2020 年')).toEqual({ type: 'year', year: 2020 });
    expect(readCell('2019-2020')).toEqual({ type: 'year', year: 2019, endYear: 2020 });
    expect(readCell('97.40%')).toMatchObject({ type: 'value', tok: { num: '97.40', kind: 'percent' } });
    expect(readCell('0.32 : 0.68')).toMatchObject({ type: 'value', tok: { num: '0.32', second: '0.68', kind: 'ratio' } });
    expect(readCell('621 人')).toMatchObject({ type: 'value', tok: { num: '621', unit: '人' } });
    expect(readCell('-139')).toMatchObject({ type: 'value', change: true });
    expect(readCell('↑ 14165')).toMatchObject({ type: 'value', change: true });
    expect(readCell('无')).toEqual({ type: 'missing' });
    expect(readCell('——')).toEqual({ type: 'missing' });
    expect(readCell('升高0.31')).toEqual({ type: 'text' });
  });

  it('reads a bare four-digit number as a year only within the report’s span', () => {
    expect(readCell('2021', [2015, 2023])).toEqual({ type: 'year', year: 2021 });
    expect(readCell('2056', [2015, 2023])).toMatchObject({ type: 'value', tok: { num: '2056' } });
  });

  it('finds the unit a label states', () => {
    expect(unitInLabel('生均教学仪器设备值（万元）')).toBe('万元');
    expect(unitInLabel('培训人数（人次）')).toBe('人次');
    expect(unitInLabel('元/生')).toBe('元/生');
    expect(unitInLabel('%')).toBe('%');
    expect(unitInLabel('毕业生总数')).toBe('');
  });
});

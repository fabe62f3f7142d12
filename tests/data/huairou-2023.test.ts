// Curated values of the Huairou 2023 report, checked against numbers typed from its text.
import { describe, expect, it } from 'vitest';
import { familyCounts, rowsOf, statedValue } from '../helpers/dataset.ts';

const SRC = 'huairou-2023';
const at2023 = (indicator: string, extra: { basis?: string; scope?: string; locator?: string } = {}) =>
  statedValue(SRC, { year: 2023, indicator, ...extra });

function row(indicator: string, basis = '', scope = '') {
  const rows = rowsOf(SRC).filter((o) => o.year === 2023 && o.indicator === indicator && o.basis === basis && o.scope === scope);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('huairou-2023', () => {
  it('keeps every curated row', () => {
    expect(familyCounts(SRC)).toEqual({ scale: 5, outcomes: 9, satisfaction: 5, teachers: 5, resources: 5 });
    expect(familyCounts(SRC, 'derived')).toEqual({ scale: 1 });
  });

  it('matches 表 1 人才培养质量计分卡', () => {
    expect(at2023('graduates')).toBe(2);
    expect(at2023('further_study_entrants')).toBe(2);
    expect(at2023('bachelor_entrants')).toBe(0);
    expect(at2023('employed_graduates')).toBe(0);
    expect(at2023('entrepreneurship_rate')).toBe(0);
    // 毕业生本省去向落实率 100, over 2 graduates.
    expect(at2023('employment_rate', { basis: 'in_province' })).toBe(100);
    expect(row('employment_rate', 'in_province').flags).toEqual(expect.arrayContaining(['partial_scope', 'small_sample']));
  });

  it('matches the two schools in 前言', () => {
    expect(at2023('schools')).toBe(2);
    expect(row('schools').flags).toEqual([]);
  });

  it('matches the rates in 1.5 培养质量', () => {
    expect(at2023('employment_rate')).toBe(100);
    expect(at2023('matched_employment_rate')).toBe(100);
    expect(at2023('further_study_rate')).toBe(100);
  });

  it('matches 表 2 满意度调查表', () => {
    expect(at2023('graduate_satisfaction')).toBe(100);
    expect(at2023('graduate_satisfaction', { basis: 'graduated_within_3y' })).toBe(100);
    expect(at2023('staff_satisfaction')).toBe(100);
    expect(at2023('employer_satisfaction')).toBe(100);
    expect(at2023('parent_satisfaction')).toBe(100);
  });

  it('matches 表 3 教学资源表', () => {
    expect(at2023('student_teacher_ratio')).toBe(1.18);
    expect(at2023('dual_teacher_share', { basis: 'of_fulltime' })).toBe(29.6);
    expect(at2023('senior_title_share')).toBe(50.5);
    expect(at2023('equipment_per_student')).toBe(27452834.91);
    expect(at2023('workstations_per_student')).toBe(0.5);
  });

  it('matches 表 6 落实政策表', () => {
    expect(at2023('enrolment', { basis: 'fulltime' })).toBe(172);
    expect(at2023('funding_per_student')).toBe(423439.82);
    expect(at2023('special_funding')).toBe(330.655917);
    expect(at2023('staff_total')).toBe(224);
    expect(at2023('fulltime_teachers')).toBe(141);
    expect(at2023('fitness_pass_rate')).toBe(100);
  });

  it('matches the funding standard and training in the text', () => {
    expect(at2023('public_funding_standard')).toBe(900);
    expect(at2023('training_volume', { basis: 'villages', scope: 'public_schools' })).toBe(2344);
    expect(at2023('training_volume', { basis: 'regional_cooperation', scope: 'public_schools' })).toBe(256);
    const enterprise = row('training_volume', 'enterprise', 'public_schools');
    expect(enterprise.flags).toContain('derived');
    expect(enterprise.value).toBe(1351 + 1089 + 183 + 68);
  });

  it('records no starting salary: 月收入 0 is a placeholder', () => {
    expect(rowsOf(SRC).filter((o) => o.indicator === 'starting_salary')).toEqual([]);
  });

  it('flags the implausible equipment value', () => {
    expect(row('equipment_per_student').flags).toEqual(expect.arrayContaining(['implausible', 'partial_scope']));
    expect(row('funding_per_student').flags).not.toContain('implausible');
  });

  it('flags rates over small groups', () => {
    for (const ind of ['employment_rate', 'matched_employment_rate', 'further_study_rate', 'entrepreneurship_rate']) {
      expect(row(ind).flags, ind).toContain('small_sample');
    }
    for (const [ind, basis] of [
      ['graduate_satisfaction', ''],
      ['graduate_satisfaction', 'graduated_within_3y'],
      ['employer_satisfaction', ''],
      ['parent_satisfaction', ''],
    ] as const) {
      expect(row(ind, basis).flags, `${ind} ${basis}`).toContain('small_sample');
    }
    expect(row('staff_satisfaction').flags).not.toContain('small_sample');
  });

  it('marks every annex-table row partial_scope without naming a scope', () => {
    const annex = rowsOf(SRC).filter((o) => o.locator.startsWith('表'));
    expect(annex).toHaveLength(22);
    for (const o of annex) {
      expect(o.flags, `${o.indicator} ${o.basis}`).toContain('partial_scope');
      expect(o.scope).toBe('');
    }
  });
});

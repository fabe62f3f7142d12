// Curated values of the Fangshan 2019 report (data/observations/fangshan.csv)
// checked against numbers typed from data/sources/fangshan-2019.txt.
import { describe, expect, it } from 'vitest';
import { familyCounts, rowsOf, statedValue } from '../helpers/dataset.ts';

const SRC = 'fangshan-2019';

function rows(q: { year: number; indicator: string; basis?: string; locator?: string }) {
  return rowsOf(SRC).filter(
    (o) =>
      o.year === q.year &&
      o.indicator === q.indicator &&
      o.basis === (q.basis ?? '') &&
      (q.locator === undefined || o.locator === q.locator),
  );
}

function onlyRow(q: { year: number; indicator: string; basis?: string; locator?: string }) {
  const found = rows(q);
  expect(found, `${q.indicator} ${q.year} ${q.basis ?? ''}`).toHaveLength(1);
  return found[0]!;
}

describe('fangshan-2019', () => {
  it('keeps every curated row (counts per category)', () => {
    expect(familyCounts(SRC)).toEqual({
      scale: 16,
      structure: 8,
      teachers: 17,
      outcomes: 10,
      resources: 7,
    });
    expect(familyCounts(SRC, 'derived')).toEqual({
      scale: 3, // intake total 147 + 296 + 48; pupils' training 3034 + 4408; other training 621 + 123
      structure: 4, // vocational_share from the four 普职比
      teachers: 2, // dual_teacher_share of_specialised, 2018 and 2019
      outcomes: 2, // 2018 starting salary and further-study rate
      resources: 1, // funding_per_student from derivations.csv
    });
  });

  it('matches the report: scale and structure', () => {
    expect(statedValue(SRC, { year: 2019, indicator: 'schools' })).toBe(2);
    expect(statedValue(SRC, { year: 2019, indicator: 'intake', basis: 'fulltime' })).toBe(147);
    expect(statedValue(SRC, { year: 2019, indicator: 'intake', basis: 'adult' })).toBe(296);
    expect(statedValue(SRC, { year: 2019, indicator: 'intake', basis: 'joint' })).toBe(48);
    expect(statedValue(SRC, { year: 2019, indicator: 'enrolment' })).toBe(1739);
    expect(statedValue(SRC, { year: 2019, indicator: 'enrolment', basis: 'adult' })).toBe(722);
    expect(statedValue(SRC, { year: 2019, indicator: 'enrolment', basis: 'joint' })).toBe(559);
    expect(statedValue(SRC, { year: 2018, indicator: 'general_vocational_ratio', basis: 'residents_citywide' })).toBe(2.59);
    expect(statedValue(SRC, { year: 2018, indicator: 'general_vocational_ratio', basis: 'residents_in_district' })).toBe(17);
    expect(statedValue(SRC, { year: 2019, indicator: 'general_vocational_ratio', basis: 'residents_in_district' })).toBe(18);
    expect(statedValue(SRC, { year: 2019, indicator: 'general_intake', basis: 'residents_citywide' })).toBe(2474);
    expect(statedValue(SRC, { year: 2019, indicator: 'intake', basis: 'residents_citywide' })).toBe(1085);
    expect(statedValue(SRC, { year: 2018, indicator: 'intake', basis: 'residents_in_district' })).toBe(125);
    expect(statedValue(SRC, { year: 2019, indicator: 'training_volume', basis: 'villages' })).toBe(16068);
  });

  it('matches the report: teachers', () => {
    expect(statedValue(SRC, { year: 2018, indicator: 'fulltime_teachers' })).toBe(191);
    expect(statedValue(SRC, { year: 2019, indicator: 'fulltime_teachers' })).toBe(175);
    expect(statedValue(SRC, { year: 2019, indicator: 'student_teacher_ratio' })).toBe(9.94);
    expect(statedValue(SRC, { year: 2018, indicator: 'student_teacher_ratio' })).toBe(13.14);
    expect(statedValue(SRC, { year: 2019, indicator: 'specialised_teachers' })).toBe(91);
    expect(statedValue(SRC, { year: 2019, indicator: 'dual_teachers' })).toBe(103);
    expect(statedValue(SRC, { year: 2018, indicator: 'dual_teacher_share', basis: 'of_fulltime' })).toBe(50.26);
    expect(statedValue(SRC, { year: 2019, indicator: 'senior_title_share' })).toBe(32.57);
    expect(statedValue(SRC, { year: 2018, indicator: 'postgraduate_teacher_share' })).toBe(3.67);
    expect(statedValue(SRC, { year: 2019, indicator: 'staff_total' })).toBe(256);
  });

  it('matches the report: outcomes and money', () => {
    expect(statedValue(SRC, { year: 2019, indicator: 'employment_rate' })).toBe(100);
    expect(statedValue(SRC, { year: 2019, indicator: 'matched_employment_rate' })).toBe(99.22);
    expect(statedValue(SRC, { year: 2019, indicator: 'starting_salary' })).toBe(2900);
    expect(statedValue(SRC, { year: 2019, indicator: 'fitness_pass_rate' })).toBe(90.8);
    expect(statedValue(SRC, { year: 2019, indicator: 'further_study_rate', locator: '2.2 就业质量' })).toBe(57.59);
    expect(statedValue(SRC, { year: 2019, indicator: 'further_study_rate', locator: '2.1 学生素质' })).toBe(100);
    expect(statedValue(SRC, { year: 2019, indicator: 'graduates' })).toBe(191);
    expect(statedValue(SRC, { year: 2019, indicator: 'employed_graduates' })).toBe(81);
    expect(statedValue(SRC, { year: 2019, indicator: 'further_study_entrants' })).toBe(110);
    expect(statedValue(SRC, { year: 2019, indicator: 'funding_total' })).toBe(9800);
    expect(statedValue(SRC, { year: 2019, indicator: 'public_funding_standard' })).toBe(900);
    expect(statedValue(SRC, { year: 2019, indicator: 'special_funding' })).toBe(29.95);
    expect(statedValue(SRC, { year: 2018, indicator: 'equipment_per_student' })).toBe(32391.6);
    expect(statedValue(SRC, { year: 2019, indicator: 'equipment_per_student' })).toBe(46556.6);
    expect(statedValue(SRC, { year: 2018, indicator: 'workstations_per_student' })).toBe(1.18);
    expect(statedValue(SRC, { year: 2019, indicator: 'workstations_per_student' })).toBe(1.79);
  });

  it('derives by hand what the text implies', () => {
    const salary2018 = onlyRow({ year: 2018, indicator: 'starting_salary' });
    expect(salary2018.value).toBe(3131);
    expect(salary2018.formula).toBe('2900 + 231');
    expect(salary2018.flags).toContain('derived');

    const study2018 = onlyRow({ year: 2018, indicator: 'further_study_rate' });
    expect(study2018.value).toBe(52.45);
    expect(study2018.flags).toEqual(expect.arrayContaining(['derived', 'definition_variant']));

    expect(onlyRow({ year: 2019, indicator: 'intake' }).value).toBe(491);
    expect(onlyRow({ year: 2019, indicator: 'training_volume', basis: 'primary_secondary' }).value).toBe(7442);
    const other = onlyRow({ year: 2019, indicator: 'training_volume', basis: 'other_audience' });
    expect(other.value).toBe(744);
    expect(other.formula).toBe('621 + 123');
    expect(onlyRow({ year: 2019, indicator: 'funding_per_student' }).value).toBe(56354);
  });

  it('flags the dual-teacher share over specialised teachers as implausible (> 100%)', () => {
    for (const [year, value] of [[2018, 101.1], [2019, 113.2]] as const) {
      const o = onlyRow({ year, indicator: 'dual_teacher_share', basis: 'of_specialised' });
      expect(o.value).toBe(value);
      expect(o.flags).toEqual(expect.arrayContaining(['derived', 'implausible']));
    }
    // The stated of_fulltime shares agree with 96/191 and 103/175, so no derived copy is kept.
    for (const year of [2018, 2019]) {
      const found = rows({ year, indicator: 'dual_teacher_share', basis: 'of_fulltime' });
      expect(found).toHaveLength(1);
      expect(found[0]!.flags).not.toContain('derived');
    }
  });

  it('keeps both 2019 further-study statements, flagged conflict and definition_variant', () => {
    const both = rows({ year: 2019, indicator: 'further_study_rate' });
    expect(both.map((o) => o.value).sort((a, b) => a - b)).toEqual([57.59, 100]);
    for (const o of both) expect(o.flags).toEqual(expect.arrayContaining(['conflict', 'definition_variant']));
  });

  it('marks definition variants', () => {
    const variants = [
      { year: 2019, indicator: 'graduates' }, // 京籍 only
      { year: 2019, indicator: 'employed_graduates' },
      { year: 2019, indicator: 'further_study_entrants' },
      { year: 2019, indicator: 'staff_total' }, // includes the vocational education centre
      { year: 2018, indicator: 'senior_title_teachers' }, // 特级教师 listed apart
      { year: 2019, indicator: 'senior_title_share' },
      { year: 2018, indicator: 'intake', basis: 'residents_citywide' }, // district residents, not the schools' intake
      { year: 2019, indicator: 'intake', basis: 'residents_in_district' },
    ];
    for (const q of variants) expect(onlyRow(q).flags, `${q.indicator} ${q.year}`).toContain('definition_variant');
    // The schools' own intake is not a variant.
    expect(onlyRow({ year: 2019, indicator: 'intake', basis: 'fulltime' }).flags).toEqual([]);
  });

  it('records no per-major rows or internship match rate as district figures', () => {
    expect(rows({ year: 2019, indicator: 'matched_employment_rate' })).toHaveLength(1);
    expect(rows({ year: 2019, indicator: 'employment_rate' })).toHaveLength(1);
    expect(rows({ year: 2019, indicator: 'starting_salary' })).toHaveLength(1);
    expect(rowsOf(SRC).some((o) => o.indicator === 'employer_satisfaction')).toBe(false);
  });
});

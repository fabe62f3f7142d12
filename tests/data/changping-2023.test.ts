// Curated values of the Changping 2023 report (titled 2023, dated Dec 2022:
// it describes 2022 with 2020 and 2021 for comparison).
import { describe, expect, it } from 'vitest';
import { familyCounts, rowsOf, statedValue } from '../helpers/dataset.ts';

const SRC = 'changping-2023';

function rowsFor(q: { year: number; indicator: string; basis?: string; scope?: string }) {
  return rowsOf(SRC).filter(
    (o) => o.year === q.year && o.indicator === q.indicator && o.basis === (q.basis ?? '') && o.scope === (q.scope ?? ''),
  );
}

describe('changping-2023 curated rows', () => {
  it('keeps every stated row', () => {
    expect(familyCounts(SRC)).toEqual({
      scale: 26,
      structure: 6,
      teachers: 24,
      outcomes: 33,
      satisfaction: 6,
      resources: 7,
    });
  });

  it('keeps every derived row', () => {
    // further-study entrants 2020 and 2021 (本科 + 高职高专),
    // funding 2021 (18320.96 − 2746.67), funding per student 2022 (requested),
    // and the build's of_fulltime double-qualified share 141 ÷ 308.
    expect(familyCounts(SRC, 'derived')).toEqual({ teachers: 1, outcomes: 2, resources: 2 });
  });
});

describe('changping-2023 values match the report', () => {
  it('scale (表 1-1, 表 1-2)', () => {
    expect(statedValue(SRC, { year: 2022, indicator: 'schools' })).toBe(2); // 共有两所区属中等职业学校
    expect(statedValue(SRC, { year: 2020, indicator: 'intake' })).toBe(978);
    expect(statedValue(SRC, { year: 2021, indicator: 'intake' })).toBe(1200);
    expect(statedValue(SRC, { year: 2022, indicator: 'intake' })).toBe(1061);
    expect(statedValue(SRC, { year: 2021, indicator: 'intake', basis: 'fulltime' })).toBe(1181);
    expect(statedValue(SRC, { year: 2022, indicator: 'intake', basis: 'through_train' })).toBe(208);
    expect(statedValue(SRC, { year: 2022, indicator: 'intake', basis: 'joint' })).toBe(205);
    expect(statedValue(SRC, { year: 2022, indicator: 'enrolment' })).toBe(3150);
    expect(statedValue(SRC, { year: 2020, indicator: 'graduates' })).toBe(848);
    expect(statedValue(SRC, { year: 2022, indicator: 'training_volume' })).toBe(58840);
    expect(statedValue(SRC, { year: 2022, indicator: 'training_volume', basis: 'community', scope: 'public_schools' })).toBe(22817);
    expect(statedValue(SRC, { year: 2022, indicator: 'intake', basis: 'independent_admission' })).toBe(684); // 6.2 自主招生
  });

  it('structure (表 1-2)', () => {
    expect(statedValue(SRC, { year: 2020, indicator: 'vocational_share' })).toBe(32);
    expect(statedValue(SRC, { year: 2021, indicator: 'vocational_share' })).toBe(37);
    expect(statedValue(SRC, { year: 2022, indicator: 'vocational_share' })).toBe(26);
    expect(statedValue(SRC, { year: 2022, indicator: 'general_intake', basis: 'public_general_schools' })).toBe(3043);
  });

  it('teachers (1.3, 表 1-4)', () => {
    const pub = { scope: 'public_schools' };
    expect(statedValue(SRC, { year: 2022, indicator: 'staff_total', ...pub })).toBe(344);
    expect(statedValue(SRC, { year: 2021, indicator: 'staff_total', ...pub })).toBe(335);
    expect(statedValue(SRC, { year: 2022, indicator: 'fulltime_teachers', ...pub })).toBe(308);
    expect(statedValue(SRC, { year: 2022, indicator: 'specialised_teachers', ...pub })).toBe(148);
    expect(statedValue(SRC, { year: 2022, indicator: 'dual_teachers', ...pub })).toBe(141);
    expect(statedValue(SRC, { year: 2022, indicator: 'dual_teacher_share', basis: 'of_specialised', ...pub })).toBe(95.27);
    expect(statedValue(SRC, { year: 2021, indicator: 'dual_teacher_share', basis: 'of_fulltime', ...pub })).toBe(88.2);
    expect(statedValue(SRC, { year: 2022, indicator: 'student_teacher_ratio', ...pub })).toBe(9.03);
    expect(statedValue(SRC, { year: 2022, indicator: 'senior_title_share', ...pub })).toBe(31.17);
    expect(statedValue(SRC, { year: 2022, indicator: 'senior_title_teachers', basis: 'full_senior', ...pub })).toBe(3);
    expect(statedValue(SRC, { year: 2022, indicator: 'senior_title_share', basis: 'full_senior', ...pub })).toBe(0.97);
    expect(statedValue(SRC, { year: 2021, indicator: 'postgraduate_teacher_share', ...pub })).toBe(24.7);
    const pri = { scope: 'private_schools' };
    expect(statedValue(SRC, { year: 2022, indicator: 'staff_total', ...pri })).toBe(61);
    expect(statedValue(SRC, { year: 2022, indicator: 'fulltime_teachers', ...pri })).toBe(18);
    expect(statedValue(SRC, { year: 2022, indicator: 'student_teacher_ratio', ...pri })).toBe(0.69);
    expect(statedValue(SRC, { year: 2022, indicator: 'dual_teacher_share', basis: 'of_fulltime', ...pri })).toBe(16.67);
  });

  it('outcomes (2.2, 表 2-1, 表 2-2, 表5-1)', () => {
    expect(statedValue(SRC, { year: 2022, indicator: 'employment_rate' })).toBe(100);
    expect(statedValue(SRC, { year: 2021, indicator: 'matched_employment_rate' })).toBe(97.4);
    expect(statedValue(SRC, { year: 2021, indicator: 'further_study_rate' })).toBe(59);
    expect(statedValue(SRC, { year: 2022, indicator: 'further_study_rate' })).toBe(99.32);
    expect(statedValue(SRC, { year: 2022, indicator: 'further_study_entrants' })).toBe(585);
    expect(statedValue(SRC, { year: 2022, indicator: 'further_study_entrants', basis: 'through_train' })).toBe(172);
    expect(statedValue(SRC, { year: 2022, indicator: 'further_study_entrants', basis: 'three_plus_two' })).toBe(379);
    // 表5-1 升入高职高专院校人数 472, 472, 577; with 升入本科 they make up all entrants.
    expect(statedValue(SRC, { year: 2020, indicator: 'further_study_entrants', basis: 'higher_vocational' })).toBe(472);
    expect(statedValue(SRC, { year: 2022, indicator: 'further_study_entrants', basis: 'higher_vocational' })).toBe(577);
    expect(577 + statedValue(SRC, { year: 2022, indicator: 'bachelor_entrants' })).toBe(585);
    expect(statedValue(SRC, { year: 2022, indicator: 'further_study_rate', basis: 'bachelor' })).toBe(1.36);
    expect(statedValue(SRC, { year: 2022, indicator: 'further_study_rate', basis: 'higher_vocational' })).toBe(97.96);
    // 5.1: 4人进入企业工作，占毕业生总数0.68%
    expect(statedValue(SRC, { year: 2022, indicator: 'employment_rate', basis: 'excluding_further_study' })).toBe(0.68);
    expect(statedValue(SRC, { year: 2020, indicator: 'bachelor_entrants' })).toBe(0);
    expect(statedValue(SRC, { year: 2022, indicator: 'bachelor_entrants' })).toBe(8);
    expect(statedValue(SRC, { year: 2021, indicator: 'employed_graduates' })).toBe(330);
    expect(statedValue(SRC, { year: 2022, indicator: 'starting_salary' })).toBe(4800);
    expect(statedValue(SRC, { year: 2021, indicator: 'entrepreneurship_rate' })).toBe(1.61);
    expect(statedValue(SRC, { year: 2022, indicator: 'entrepreneurship_rate' })).toBe(0);
    expect(statedValue(SRC, { year: 2020, indicator: 'fitness_pass_rate' })).toBe(81.96);
    expect(statedValue(SRC, { year: 2022, indicator: 'fitness_pass_rate' })).toBe(85.67);
  });

  it('satisfaction and money (表5-1, 6.1, 表 1-3)', () => {
    expect(statedValue(SRC, { year: 2020, indicator: 'employer_satisfaction', basis: 'professionalism' })).toBe(99.2);
    expect(statedValue(SRC, { year: 2020, indicator: 'employer_satisfaction', basis: 'skills' })).toBe(99.1);
    expect(statedValue(SRC, { year: 2022, indicator: 'funding_total' })).toBe(18320.96);
    expect(statedValue(SRC, { year: 2022, indicator: 'funding_total', basis: 'personnel' })).toBe(10172.89);
    expect(statedValue(SRC, { year: 2022, indicator: 'funding_total', basis: 'operating' })).toBe(1727.29);
    expect(statedValue(SRC, { year: 2022, indicator: 'funding_total', basis: 'project' })).toBe(6420.78);
    expect(statedValue(SRC, { year: 2021, indicator: 'equipment_per_student' })).toBe(80000);
    expect(statedValue(SRC, { year: 2022, indicator: 'equipment_per_student' })).toBe(90900);
  });

  it('hand-derived rows carry their arithmetic', () => {
    const f2021 = rowsFor({ year: 2021, indicator: 'funding_total' });
    expect(f2021).toHaveLength(1);
    expect(f2021[0]!.value).toBe(15574.29);
    expect(f2021[0]!.flags).toContain('derived');
    expect(f2021[0]!.formula).toBe('18320.96 - 2746.67');
    const perStudent = rowsFor({ year: 2022, indicator: 'funding_per_student' });
    expect(perStudent).toHaveLength(1);
    expect(perStudent[0]!.value).toBe(58162);
  });
});

describe('changping-2023 flags', () => {
  it('2021 graduates: 812 (表 1-1) and 804 (表5-1) are both kept as a conflict', () => {
    const rows = rowsFor({ year: 2021, indicator: 'graduates' });
    expect(rows.map((o) => [o.locator, o.value]).sort()).toEqual([
      ['表 1-1', 812],
      ['表5-1', 804],
    ]);
    for (const o of rows) expect(o.flags).toContain('conflict');
    expect(statedValue(SRC, { year: 2021, indicator: 'graduates', locator: '表 1-1' })).toBe(812);
    expect(statedValue(SRC, { year: 2021, indicator: 'graduates', locator: '表5-1' })).toBe(804);
  });

  it('2022 double-qualified share of 专技岗教师: the table says 95.27, the counts give 45.8', () => {
    const rows = rowsFor({ year: 2022, indicator: 'dual_teacher_share', basis: 'of_fulltime', scope: 'public_schools' });
    const stated = rows.find((o) => !o.flags.includes('derived'))!;
    const derived = rows.find((o) => o.flags.includes('derived'))!;
    expect(stated.value).toBe(95.27);
    expect(stated.locator).toBe('表 1-4');
    expect(stated.flags).toEqual(expect.arrayContaining(['conflict', 'definition_variant', 'partial_scope']));
    // The table's label is contradicted by its own counts: kept, marked basis_doubtful, never ranked.
    expect(stated.flags).toContain('basis_doubtful');
    expect(derived.value).toBe(45.8);
    expect(derived.flags).not.toContain('basis_doubtful');
    expect(derived.flags).toEqual(expect.arrayContaining(['derived', 'conflict', 'partial_scope']));
    // The of_specialised share agrees with 141 ÷ 148 and is not duplicated by a derived row.
    const spec = rowsFor({ year: 2022, indicator: 'dual_teacher_share', basis: 'of_specialised', scope: 'public_schools' });
    expect(spec).toHaveLength(1);
    expect(spec[0]!.flags).not.toContain('conflict');
  });

  it('2021 double-qualified share of 专技岗教师 (表 1-4): no counts to check it, so its basis is in doubt too', () => {
    const rows = rowsFor({ year: 2021, indicator: 'dual_teacher_share', basis: 'of_fulltime', scope: 'public_schools' });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.flags).toEqual(expect.arrayContaining(['definition_variant', 'basis_doubtful']));
    // Only these two rows of the report carry the flag.
    expect(rowsOf(SRC).filter((o) => o.flags.includes('basis_doubtful')).map((o) => [o.year, o.locator, o.value]).sort()).toEqual([
      [2021, '表 1-4', 88.2],
      [2022, '表 1-4', 95.27],
    ]);
  });

  it('rates over fewer than 30 people carry small_sample', () => {
    // Only 4 graduates took jobs in 2022; the private school has 18 full-time teachers.
    for (const q of [
      { year: 2022, indicator: 'starting_salary' },
      { year: 2022, indicator: 'matched_employment_rate' },
      { year: 2022, indicator: 'dual_teacher_share', basis: 'of_fulltime', scope: 'private_schools' },
    ]) {
      const rows = rowsFor(q);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.flags).toContain('small_sample');
    }
    for (const q of [
      { year: 2021, indicator: 'starting_salary' },
      { year: 2022, indicator: 'employment_rate' },
    ]) {
      expect(rowsFor(q)[0]!.flags).not.toContain('small_sample');
    }
  });

  it('teacher figures are scoped and flagged partial_scope; 专技岗教师 is a definition variant', () => {
    const teacherRows = rowsOf(SRC).filter((o) =>
      ['staff_total', 'fulltime_teachers', 'specialised_teachers', 'dual_teachers', 'dual_teacher_share', 'student_teacher_ratio', 'senior_title_teachers', 'senior_title_share', 'postgraduate_teacher_share'].includes(o.indicator),
    );
    expect(teacherRows.length).toBeGreaterThan(0);
    for (const o of teacherRows) {
      expect(['public_schools', 'private_schools']).toContain(o.scope);
      expect(o.flags).toContain('partial_scope');
    }
    for (const year of [2021, 2022]) {
      const ft = rowsFor({ year, indicator: 'fulltime_teachers', scope: 'public_schools' });
      expect(ft[0]!.flags).toContain('definition_variant');
    }
    expect(rowsFor({ year: 2022, indicator: 'fulltime_teachers', scope: 'private_schools' })[0]!.flags).not.toContain('definition_variant');
    const training = rowsOf(SRC).filter((o) => o.indicator === 'training_volume' && o.basis !== '');
    expect(training).toHaveLength(5);
    for (const o of training) expect(o.flags).toContain('partial_scope');
  });
});

// Curated values of the Chaoyang 2022 report (compiled November 2021), checked
// against numbers typed from data/sources/chaoyang-2022.txt.
import { describe, expect, it } from 'vitest';
import { familyCounts, rowsOf, statedValue } from '../helpers/dataset.ts';

const SRC = 'chaoyang-2022';

describe('chaoyang-2022', () => {
  it('keeps every curated row', () => {
    expect(familyCounts(SRC)).toEqual({ scale: 7, teachers: 10, outcomes: 10 });
    // The hand-summed senior-title count (4 + 261) and the build's dual-teacher share of full-time teachers.
    expect(familyCounts(SRC, 'derived')).toEqual({ teachers: 2 });
  });

  it('matches table 1 (规模结构表) with school years mapped to calendar years', () => {
    expect(statedValue(SRC, { year: 2021, indicator: 'schools' })).toBe(3);
    expect(statedValue(SRC, { year: 2019, indicator: 'intake' })).toBe(430);
    expect(statedValue(SRC, { year: 2020, indicator: 'intake' })).toBe(655);
    expect(statedValue(SRC, { year: 2020, indicator: 'graduates' })).toBe(873);
    expect(statedValue(SRC, { year: 2021, indicator: 'graduates' })).toBe(490);
    expect(statedValue(SRC, { year: 2020, indicator: 'training_volume' })).toBe(10787);
    expect(statedValue(SRC, { year: 2021, indicator: 'training_volume' })).toBe(68909);
  });

  it('matches table 4 and section 1.3 (teachers)', () => {
    expect(statedValue(SRC, { year: 2021, indicator: 'staff_total' })).toBe(780);
    expect(statedValue(SRC, { year: 2021, indicator: 'fulltime_teachers' })).toBe(637);
    expect(statedValue(SRC, { year: 2021, indicator: 'specialised_teachers' })).toBe(267);
    expect(statedValue(SRC, { year: 2020, indicator: 'dual_teachers' })).toBe(217);
    expect(statedValue(SRC, { year: 2021, indicator: 'dual_teachers' })).toBe(231);
    // 87% = 231 / 267: a share of specialised-subject teachers.
    expect(statedValue(SRC, { year: 2021, indicator: 'dual_teacher_share', basis: 'of_specialised' })).toBe(87);
    expect(statedValue(SRC, { year: 2021, indicator: 'senior_title_teachers' })).toBe(266);
    expect(statedValue(SRC, { year: 2021, indicator: 'senior_title_share' })).toBe(42);
    // 正高级教师 4 人, a part of the senior-title teachers.
    expect(statedValue(SRC, { year: 2021, indicator: 'senior_title_teachers', basis: 'full_senior' })).toBe(4);
    expect(statedValue(SRC, { year: 2021, indicator: 'postgraduate_teacher_share' })).toBe(22);
  });

  it('matches table 5 (graduate outcomes) for the 2020 and 2021 cohorts', () => {
    expect(statedValue(SRC, { year: 2020, indicator: 'matched_employment_rate' })).toBe(96.5);
    expect(statedValue(SRC, { year: 2021, indicator: 'matched_employment_rate' })).toBe(96.7);
    expect(statedValue(SRC, { year: 2020, indicator: 'starting_salary' })).toBe(3356);
    expect(statedValue(SRC, { year: 2021, indicator: 'starting_salary' })).toBe(4105);
    expect(statedValue(SRC, { year: 2020, indicator: 'further_study_rate' })).toBe(33);
    expect(statedValue(SRC, { year: 2021, indicator: 'further_study_rate' })).toBe(38);
    expect(statedValue(SRC, { year: 2020, indicator: 'bachelor_entrants' })).toBe(34);
    expect(statedValue(SRC, { year: 2021, indicator: 'bachelor_entrants' })).toBe(30);
    expect(statedValue(SRC, { year: 2020, indicator: 'entrepreneurship_rate' })).toBe(1.54);
    expect(statedValue(SRC, { year: 2021, indicator: 'entrepreneurship_rate' })).toBe(1.13);
  });

  it('puts the school year in period for table 1 rows', () => {
    const intake2020 = rowsOf(SRC).find((o) => o.indicator === 'intake' && o.year === 2020)!;
    expect(intake2020.period).toBe('2020-2021学年');
    const grads2021 = rowsOf(SRC).find((o) => o.indicator === 'graduates' && o.year === 2021)!;
    expect(grads2021.period).toBe('2020-2021学年');
  });

  it('flags both senior-title counts as conflicting: table 4 says 266, the text 4 + 261 = 265', () => {
    const rows = rowsOf(SRC).filter((o) => o.indicator === 'senior_title_teachers' && o.year === 2021 && o.basis === '');
    expect(rows.map((o) => o.value).sort()).toEqual([265, 266]);
    for (const o of rows) expect(o.flags).toContain('conflict');
    const summed = rows.find((o) => o.value === 265)!;
    expect(summed.flags).toContain('derived');
    expect(summed.formula).toBe('4 + 261');
    expect(rows.find((o) => o.value === 266)!.flags).not.toContain('derived');
  });

  it('derives the dual-teacher share of full-time teachers and drops the agreeing one of specialised teachers', () => {
    const derived = rowsOf(SRC).filter((o) => o.indicator === 'dual_teacher_share' && o.flags.includes('derived'));
    expect(derived.map((o) => [o.basis, o.value])).toEqual([['of_fulltime', 36.3]]);
    expect(derived[0]!.flags).not.toContain('conflict');
  });

  it('leaves every other row unflagged', () => {
    const flagged = rowsOf(SRC).filter((o) => o.flags.length > 0);
    expect(flagged.map((o) => `${o.indicator}:${o.value}:${o.flags.join(';')}`).sort()).toEqual([
      'dual_teacher_share:36.3:derived',
      'senior_title_teachers:265:derived;conflict',
      'senior_title_teachers:266:conflict',
    ]);
  });
});

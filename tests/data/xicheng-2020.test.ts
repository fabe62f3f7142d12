// Curated values of the Xicheng 2020 report, checked against numbers typed from its text.
import { describe, expect, it } from 'vitest';
import { familyCounts, rowsOf, statedValue } from '../helpers/dataset.ts';

const SRC = 'xicheng-2020';

describe('xicheng-2020', () => {
  it('keeps every curated row', () => {
    expect(familyCounts(SRC)).toEqual({ scale: 1, resources: 4 });
    expect(familyCounts(SRC, 'derived')).toEqual({});
  });

  it('matches the intake in 一、基本情况', () => {
    expect(statedValue(SRC, { year: 2020, indicator: 'intake' })).toBe(441);
  });

  it('matches the funding in 六、政府履责', () => {
    const funding = (basis = '') => statedValue(SRC, { year: 2020, indicator: 'funding_total', basis });
    expect(funding()).toBe(33737.92);
    expect(funding('campus_construction')).toBe(399.52);
    expect(funding('training_facilities')).toBe(1724.76);
    expect(funding('personnel_operating')).toBe(31613.64);
    expect(funding('campus_construction') + funding('training_facilities') + funding('personnel_operating')).toBeCloseTo(funding(), 2);
  });

  it('carries no flags', () => {
    for (const o of rowsOf(SRC)) expect(o.flags, o.indicator).toEqual([]);
  });
});

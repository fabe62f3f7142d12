import { describe, expect, it } from 'vitest';
import { nextYear, startYear } from './player-model.ts';

describe('the year player', () => {
  const years = [2019, 2021, 2022];
  it('starts from the year shown, or from the first when at the end or on latest', () => {
    expect(startYear(years, 2021)).toBe(2021);
    expect(startYear(years, 2022)).toBe(2019);
    expect(startYear(years, 'latest')).toBe(2019);
    expect(startYear([], 'latest')).toBeNull();
  });
  it('steps through the years that have data (gaps are skipped, not invented) and stops at the last', () => {
    expect(nextYear(years, 2019)).toBe(2021);
    expect(nextYear(years, 2021)).toBe(2022);
    expect(nextYear(years, 2022)).toBeNull();
    expect(nextYear(years, 2022, true)).toBe(2019);
    expect(nextYear(years, 'latest')).toBe(2019);
  });
});

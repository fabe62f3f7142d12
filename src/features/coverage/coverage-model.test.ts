import { expect, it } from 'vitest';
import { compactYears, coverageMatrix } from './coverage-model.ts';

it('merges bases of one indicator and district into one cell', () => {
  const m = coverageMatrix({
    format: 1,
    cells: [
      ['dual_teacher_share', 'chaoyang', 'of_fulltime', '', [2021], []],
      ['dual_teacher_share', 'chaoyang', 'of_specialised', '', [2020, 2021], [2020]],
      ['intake', 'xicheng', '', '', [2020], []],
    ],
  });
  expect(m.get('dual_teacher_share')!.get('chaoyang')).toEqual({ years: [2020, 2021], flagged: true, bases: ['of_fulltime', 'of_specialised'] });
  expect(m.get('intake')!.get('chaoyang')).toBeUndefined();
});

it('writes year runs compactly', () => {
  expect(compactYears([2018, 2019, 2020, 2022])).toBe('18–20, 22');
  expect(compactYears([2021])).toBe('21');
  expect(compactYears([])).toBe('');
});

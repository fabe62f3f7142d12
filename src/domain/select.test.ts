import { describe, expect, it } from 'vitest';
import type { DataObservation } from './obs-file.ts';
import { barsFor, basesOf, commonYears, median, groupMedians, pointsFor, rankedBars, rankInYear, resolveBasis, yearsOf } from './select.ts';
import type { FlagId } from './vocab.ts';

let n = 0;
function obs(district: string, year: number, value: number, more: Partial<DataObservation> = {}): DataObservation {
  return {
    id: `o${n++}`, district, year, value, period: '', indicator: 'share', basis: 'of_fulltime', scope: '', source: `${district}-r`,
    locator: 'x', quote: 'q', flags: [] as FlagId[], formula: '', inputs: [], noteZh: '', noteEn: '', span: null, n: null, ...more,
  };
}

const rows = [
  obs('a', 2020, 50),
  obs('a', 2022, 70),
  obs('b', 2021, 90),
  obs('c', 2022, 60),
  obs('c', 2022, 10, { basis: 'of_specialised' }),
  obs('d', 2022, 80, { scope: 'private_schools', flags: ['partial_scope'] }),
  obs('d', 2022, 40),
  obs('e', 2022, 30, { flags: ['derived'] }),
  obs('e', 2022, 33, { flags: ['conflict'] }),
];

describe('bases', () => {
  it('lists bases by the number of districts reporting them and never mixes them', () => {
    expect(basesOf(rows, 'share')).toEqual([
      { basis: 'of_fulltime', districts: 5, observations: 8 },
      { basis: 'of_specialised', districts: 1, observations: 1 },
    ]);
    expect(resolveBasis(rows, 'share', null)).toBe('of_fulltime');
    expect(resolveBasis(rows, 'share', 'of_specialised')).toBe('of_specialised');
    expect(resolveBasis(rows, 'share', 'nonsense')).toBe('of_fulltime');
    const spec = pointsFor(rows, { indicator: 'share', basis: 'of_specialised', districts: null });
    expect(spec.map((p) => [p.district, p.value])).toEqual([['c', 10]]);
  });
});

describe('points', () => {
  const pts = pointsFor(rows, { indicator: 'share', basis: 'of_fulltime', districts: null });

  it('draws the widest scope, stated before derived, and keeps the rest as alternatives', () => {
    const d = pts.find((p) => p.district === 'd')!;
    expect([d.value, d.alternatives.map((a) => a.value)]).toEqual([40, [80]]);
    const e = pts.find((p) => p.district === 'e')!;
    expect([e.value, e.alternatives.map((a) => a.value)]).toEqual([33, [30]]);
  });

  it('leaves gaps as gaps: no point is made up for a missing year', () => {
    expect(pts.filter((p) => p.district === 'a').map((p) => p.year)).toEqual([2020, 2022]);
    expect(yearsOf(pts)).toEqual([2020, 2021, 2022]);
    expect(commonYears(pts, ['a', 'c'])).toEqual([2022]);
    expect(commonYears(pts, ['a', 'b'])).toEqual([]);
  });
});

describe('one-year bars', () => {
  const pts = pointsFor(rows, { indicator: 'share', basis: 'of_fulltime', districts: null });

  it('latest available: each district’s most recent value, marking the ones from an older year', () => {
    const { bars, missing, year } = barsFor(pts, ['a', 'b', 'c', 'x'], { mode: 'latest' }, { higherIsBetter: true });
    expect(year).toBeNull();
    expect(bars.map((b) => [b.district, b.value, b.year, b.standIn, b.rank])).toEqual([
      ['b', 90, 2021, true, 1],
      ['a', 70, 2022, false, 2],
      ['c', 60, 2022, false, 3],
    ]);
    expect(missing).toEqual(['x']);
  });

  it('a fixed year lists who has no value for it', () => {
    const { bars, missing } = barsFor(pts, ['a', 'b', 'c'], { mode: 'year', year: 2021 }, { higherIsBetter: true });
    expect(bars.map((b) => b.district)).toEqual(['b']);
    expect(missing).toEqual(['a', 'c']);
  });

  it('ranks lower-is-better indicators from the bottom, and ties share a rank', () => {
    const tie = pointsFor([obs('p', 2022, 5), obs('q', 2022, 5), obs('r', 2022, 9)], { indicator: 'share', basis: 'of_fulltime', districts: null });
    const { bars } = barsFor(tie, ['p', 'q', 'r'], { mode: 'latest' }, { higherIsBetter: false });
    expect(bars.map((b) => [b.district, b.rank, b.tiedWith])).toEqual([['p', 1, 2], ['q', 1, 2], ['r', 3, 1]]);
  });

  it('three districts at the same value share first place and know it', () => {
    const tie = pointsFor([obs('p', 2022, 100), obs('q', 2022, 100), obs('r', 2022, 100)], { indicator: 'share', basis: 'of_fulltime', districts: null });
    const { bars } = barsFor(tie, ['p', 'q', 'r'], { mode: 'latest' }, { higherIsBetter: true });
    expect(bars.map((b) => [b.rank, b.tiedWith])).toEqual([[1, 3], [1, 3], [1, 3]]);
  });


  it('medians overall and per functional group', () => {
    const { bars } = barsFor(pts, ['a', 'b', 'c', 'd'], { mode: 'latest' }, { higherIsBetter: true });
    expect(median(bars.map((b) => b.value))).toBe(65);
    expect(median([])).toBeNull();
    const groups = groupMedians(bars, (d) => (d === 'a' || d === 'b' ? 'g1' : 'g2'));
    expect(Object.fromEntries(groups)).toEqual({ g1: { median: 80, count: 2 }, g2: { median: 50, count: 2 } });
  });
});

describe('a value whose basis is in doubt', () => {
  // Changping's case: the report calls 95.27 a share of all teachers, its counts say 141/308 = 45.8.
  const doubtful = [
    obs('cp', 2021, 88.2, { flags: ['definition_variant', 'basis_doubtful'] }),
    obs('cp', 2022, 95.27, { flags: ['conflict', 'basis_doubtful'] }),
    obs('cp', 2022, 45.8, { flags: ['derived', 'conflict'] }),
    obs('hr', 2022, 29.6),
    obs('fs', 2022, 58.86),
    obs('fs', 2021, 60),
  ];
  const pts = pointsFor(doubtful, { indicator: 'share', basis: 'of_fulltime', districts: null });

  it('gives way to another statement of the same basis, which is drawn; it stays as an alternative', () => {
    const cp = pts.find((p) => p.district === 'cp' && p.year === 2022)!;
    expect(cp.value).toBe(45.8);
    expect(cp.alternatives.map((a) => a.value)).toEqual([95.27]);
  });

  it('is never ranked nor counted in medians, and comes after every ranked bar', () => {
    const { bars } = barsFor(pts, ['cp', 'hr', 'fs'], { mode: 'year', year: 2021 }, { higherIsBetter: true });
    expect(bars.map((b) => [b.district, b.value, b.rank])).toEqual([
      ['fs', 60, 1],
      ['cp', 88.2, null],
    ]);
    expect(rankedBars(bars).map((b) => b.district)).toEqual(['fs']);
    expect(Object.fromEntries(groupMedians(bars, () => 'g'))).toEqual({ g: { median: 60, count: 1 } });
    const latest = barsFor(pts, ['cp', 'hr', 'fs'], { mode: 'latest' }, { higherIsBetter: true }).bars;
    expect(latest.map((b) => [b.district, b.value, b.rank])).toEqual([
      ['fs', 58.86, 1],
      ['cp', 45.8, 2],
      ['hr', 29.6, 3],
    ]);
  });

  it('has no rank in a year of a line chart either', () => {
    const cp2021 = pts.find((p) => p.district === 'cp' && p.year === 2021)!;
    expect(rankInYear(pts, cp2021, true)).toBeNull();
    const fs2021 = pts.find((p) => p.district === 'fs' && p.year === 2021)!;
    expect(rankInYear(pts, fs2021, true)).toEqual({ rank: 1, tiedWith: 1, n: 1 });
  });
});

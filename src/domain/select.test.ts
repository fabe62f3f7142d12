import { describe, expect, it } from 'vitest';
import type { DataObservation } from './obs-file.ts';
import { barsFor, basesOf, commonYears, median, groupMedians, pointsFor, resolveBasis, yearsOf } from './select.ts';
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
    expect(bars.map((b) => [b.district, b.rank])).toEqual([['p', 1], ['q', 1], ['r', 3]]);
  });

  it('medians overall and per functional group', () => {
    const { bars } = barsFor(pts, ['a', 'b', 'c', 'd'], { mode: 'latest' }, { higherIsBetter: true });
    expect(median(bars.map((b) => b.value))).toBe(65);
    expect(median([])).toBeNull();
    const groups = groupMedians(bars, (d) => (d === 'a' || d === 'b' ? 'g1' : 'g2'));
    expect(Object.fromEntries(groups)).toEqual({ g1: { median: 80, count: 2 }, g2: { median: 50, count: 2 } });
  });
});

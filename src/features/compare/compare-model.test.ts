import { describe, expect, it } from 'vitest';
import { indexMeta } from '../../dataset/meta.ts';
import type { DataObservation } from '../../domain/obs-file.ts';
import { translator } from '../../i18n/i18n.ts';
import { DEFAULT_STATE } from '../../state/view-state.ts';
import { compareModel } from './compare-model.ts';
import { describeCompare } from './describe.ts';
import '../../i18n/messages-en.ts'; // registers the English text the tests read

const meta = indexMeta({
  format: 1,
  groups: [{ id: 'g', nameZh: '组', nameEn: 'Group', order: 1 }],
  districts: ['a', 'b', 'c'].map((id) => ({ id, nameZh: `${id}区`, nameEn: id.toUpperCase(), group: 'g', pinyin: id, tile: null, noteZh: '', noteEn: '' })),
  indicators: [
    { id: 'rate', nameZh: '比率', nameEn: 'Rate', unit: 'percent', category: 'outcomes', decimals: 1, higherIsBetter: true, denominator: '', plausibleMin: 0, plausibleMax: 100, definitionZh: '定义。', definitionEn: 'Definition.' },
  ],
  bases: [],
  sources: [],
});
let n = 0;
const o = (district: string, year: number, value: number, flags: DataObservation['flags'] = []): DataObservation => ({
  id: `o${n++}`, district, year, value, period: '', indicator: 'rate', basis: '', scope: '', source: '', locator: '', quote: '',
  flags, formula: '', inputs: [], noteZh: flags.length ? '原因。' : '', noteEn: flags.length ? 'Why.' : '', span: null, n: null,
});
const rows = [o('a', 2020, 10), o('a', 2021, 20), o('b', 2021, 30, ['small_sample']), o('c', 2019, 40)];
const t = translator('en');

describe('compare model', () => {
  it('latest mode labels the older years that stand in', () => {
    const m = compareModel({ ...DEFAULT_STATE, indicator: 'rate' }, rows, meta)!;
    expect(m.bars.map((b) => [b.district, b.year])).toEqual([['c', 2019], ['b', 2021], ['a', 2021]]);
    const words = describeCompare(m, meta, 'en', t);
    expect(words.notes[0]).toContain('C 2019');
    expect(words.flagged).toEqual([{ label: 'B 2021', flags: [{ flag: 'small_sample', name: 'Small sample' }], note: 'Why.' }]);
  });

  it('common years keep only the years every selected district reports', () => {
    const m = compareModel({ ...DEFAULT_STATE, indicator: 'rate', districts: ['a', 'b'], common: true, chart: 'line' }, rows, meta)!;
    expect(m.years).toEqual([2021]);
    const bar = compareModel({ ...DEFAULT_STATE, indicator: 'rate', districts: ['a', 'b'], common: true }, rows, meta)!;
    expect([bar.barYear, bar.bars.length]).toEqual([2021, 2]);
  });

  it('says so when the selection shares no year', () => {
    const m = compareModel({ ...DEFAULT_STATE, indicator: 'rate', districts: ['a', 'c'], common: true }, rows, meta)!;
    expect(m.empty).toBe('no-common');
  });
});

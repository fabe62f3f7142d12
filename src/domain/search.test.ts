import { expect, it } from 'vitest';
import type { District } from './types.ts';
import { districtMatches } from './search.ts';

const haidian: District = { id: 'haidian', nameZh: '海淀区', nameEn: 'Haidian', group: 'central', pinyin: 'hai dian', tile: [2, 2], noteZh: '', noteEn: '' };
const huairou: District = { ...haidian, id: 'huairou', nameZh: '怀柔区', nameEn: 'Huairou', pinyin: 'huai rou' };

it.each(['海淀', '海', 'haidian', 'Hai Dian', 'hai', 'hd', 'HD', 'hdq'])('finds 海淀区 by %j', (q) => {
  expect(districtMatches(haidian, q)).toBe(true);
});

it('tells districts apart by initials and pinyin', () => {
  expect(districtMatches(huairou, 'hd')).toBe(false);
  expect(districtMatches(huairou, 'hr')).toBe(true);
  expect(districtMatches(haidian, 'huai')).toBe(false);
  expect(districtMatches(haidian, '怀柔')).toBe(false);
});

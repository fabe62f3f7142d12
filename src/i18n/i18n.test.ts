import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinList, rankLabel, translator } from './i18n.ts';
import './messages-en.ts'; // registers the English text the tests read

it('joins lists exactly as Intl.ListFormat does, in both languages', () => {
  const intl = (xs: string[], lang: 'zh' | 'en') => new Intl.ListFormat(lang === 'zh' ? 'zh-CN' : 'en', { style: 'long', type: 'conjunction' }).format(xs);
  for (const xs of [[], ['海淀区'], ['海淀区', '朝阳区'], ['a', 'b', 'c'], ['a', 'b', 'c', 'd', 'e']]) {
    expect(joinList(xs, 'zh')).toBe(intl(xs, 'zh'));
    expect(joinList(xs, 'en')).toBe(intl(xs, 'en'));
  }
  fc.assert(
    fc.property(fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 8 }), (xs) => {
      expect(joinList(xs, 'zh')).toBe(intl(xs, 'zh'));
      expect(joinList(xs, 'en')).toBe(intl(xs, 'en'));
    }),
  );
});


describe('rank labels', () => {
  const zh = translator('zh');
  const en = translator('en');

  it('say when a rank is shared (并列), and only then', () => {
    expect(rankLabel(zh, { rank: 1, tiedWith: 3 }, 3, 'short')).toBe('并列第 1/3');
    expect(rankLabel(zh, { rank: 2, tiedWith: 1 }, 3, 'short')).toBe('第 2/3');
    expect(rankLabel(zh, { rank: 1, tiedWith: 2 }, 4, 'long')).toBe('在 4 个报告该指标的区中并列第 1（2 个区同值）');
    expect(rankLabel(zh, { rank: 1, tiedWith: 2 }, 4, 'profile')).toBe('最新年份在 4 个区中并列第 1');
    expect(rankLabel(en, { rank: 1, tiedWith: 3 }, 3, 'short')).toBe('tied #1 of 3');
    expect(rankLabel(en, { rank: 3, tiedWith: 1 }, 3, 'short')).toBe('#3 of 3');
  });

  it('give no rank to a value whose basis is in doubt', () => {
    expect(rankLabel(zh, { rank: null, tiedWith: 1 }, 3, 'short')).toBe('分母存疑，不排名');
    expect(rankLabel(en, { rank: null, tiedWith: 1 }, 3, 'long')).toBe('Basis in doubt: not ranked, not in the median');
  });
});

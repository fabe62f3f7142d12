import fc from 'fast-check';
import { expect, it } from 'vitest';
import { joinList } from './i18n.ts';

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

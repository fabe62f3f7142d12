// Matching districts and indicators as people type: Chinese characters,
// English, pinyin or pinyin initials (海淀 / haidian / hd).
import type { District, Indicator } from './types.ts';

const norm = (s: string) => s.toLowerCase().replace(/[\s'’·-]+/g, '');

export function districtMatches(d: District, query: string): boolean {
  const q = norm(query);
  if (q === '') return true;
  const syllables = d.pinyin.split(/\s+/).filter(Boolean);
  const initials = syllables.map((s) => s[0]).join('');
  return (
    d.nameZh.includes(query.trim()) ||
    norm(d.nameEn).includes(q) ||
    norm(d.id).includes(q) ||
    syllables.join('').startsWith(q) ||
    (initials.length > 0 && initials.startsWith(q)) ||
    // "hd" for 海淀区 also when typed with the 区 initial
    (initials.length > 0 && `${initials}q`.startsWith(q) && q.length > 1)
  );
}

export function indicatorMatches(i: Indicator, query: string): boolean {
  const q = norm(query);
  if (q === '') return true;
  return i.nameZh.includes(query.trim()) || norm(i.nameEn).includes(q) || norm(i.id).includes(q) || i.definitionZh.includes(query.trim());
}

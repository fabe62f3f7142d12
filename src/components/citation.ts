// A ready citation of a view: GB/T 7714 style in Chinese, APA-like in
// English, naming the dataset version and every report the view draws on.
import type { SourceMeta } from '../dataset/meta.ts';
import type { Lang } from '../i18n/i18n.ts';

export interface CitationInput {
  lang: Lang;
  /** What the view shows, e.g. the chart title. */
  what: string;
  version: string;
  dataDate: string;
  url: string;
  sources: SourceMeta[];
  /** Date of access, YYYY-MM-DD. */
  accessed: string;
}

export function citation(c: CitationInput): string {
  const year = c.dataDate.slice(0, 4);
  if (c.lang === 'zh') {
    const refs = c.sources.map((s, i) => `[${i + 1}] ${s.publisher || '佚名'}. ${s.title}[R]. ${s.published || s.titleYear}.`).join(' ');
    return `北京市各区中等职业教育数据看板. ${c.what}[DB/OL]. 数据版本 ${c.version}（${c.dataDate}）. [${c.accessed}]. ${c.url}.${refs ? ` 数据来源：${refs}` : ''}`;
  }
  const refs = c.sources
    .map((s) => `${s.publisher || 'Anonymous'}. (${(s.published || String(s.titleYear)).slice(0, 4)}). ${s.titleEn || s.title}${s.titleEn ? ` [${s.title}]` : ''}.`)
    .join(' ');
  return `Beijing District Secondary Vocational Education Dashboard. (${year}). ${c.what} [Data set, version ${c.version}]. Retrieved ${c.accessed}, from ${c.url}${refs ? ` Sources: ${refs}` : ''}`;
}

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// Looking up interface text and data names in the current language.
import type { Basis, District, Group, Indicator } from '../domain/types.ts';
import { CATEGORY_LABELS, FLAG_LABELS, SCOPE_LABELS, type FlagId, type ScopeId } from '../domain/vocab.ts';
import type { SourceMeta } from '../dataset/meta.ts';
import { zh, type MessageKey } from './messages.ts';

export type Lang = 'zh' | 'en';
export type Params = Record<string, string | number>;
export type T = (key: MessageKey, params?: Params) => string;

// Chinese ships with the first download; English is a lazy chunk (messages-en.ts) that registers here.
const tables: Partial<Record<Lang, Record<MessageKey, string>>> = { zh };
const listeners = new Set<() => void>();

export function registerMessages(lang: Lang, table: Record<MessageKey, string>): void {
  tables[lang] = table;
  for (const l of listeners) l();
}

/** Whether a language's interface text is loaded. */
export const hasMessages = (lang: Lang): boolean => tables[lang] !== undefined;

export function onMessages(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Loads a language's interface text (English: its chunk). */
export async function loadMessages(lang: Lang): Promise<void> {
  if (hasMessages(lang)) return;
  await import('./messages-en.ts');
}

/** A language's text, or Chinese while it loads. */
export function translator(lang: Lang): T {
  const table = tables[lang] ?? zh;
  return (key, params) => {
    const text = table[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : text;
  };
}

export const districtName = (d: District | undefined, lang: Lang, fallback = ''): string =>
  d ? (lang === 'zh' ? d.nameZh : d.nameEn) : fallback;

export const indicatorName = (i: Indicator | undefined, lang: Lang, fallback = ''): string =>
  i ? (lang === 'zh' ? i.nameZh : i.nameEn) : fallback;

export const indicatorDefinition = (i: Indicator, lang: Lang): string => (lang === 'zh' ? i.definitionZh : i.definitionEn);

export const groupName = (g: Group | undefined, lang: Lang, fallback = ''): string =>
  g ? (lang === 'zh' ? g.nameZh : g.nameEn) : fallback;

export function basisName(id: string, bases: Map<string, Basis>, lang: Lang): string {
  if (id === '') return lang === 'zh' ? '按报告总数' : 'as reported';
  const b = bases.get(id);
  return b ? (lang === 'zh' ? b.nameZh : b.nameEn) : id;
}

/**
 * A basis as the basis picker and titles name it. An empty basis that only
 * imported rows have, beside the named bases of the curated data, is not "the
 * total as reported" but a value whose denominator nobody stated: it says so.
 */
export function basisLabel(id: string, all: { basis: string; importedOnly?: boolean }[], bases: Map<string, Basis>, lang: Lang): string {
  if (id === '' && all.find((b) => b.basis === '')?.importedOnly && all.some((b) => b.basis !== '')) return lang === 'zh' ? '未注明口径' : 'basis not stated';
  return basisName(id, bases, lang);
}

export const scopeName = (s: ScopeId | string, lang: Lang): string => {
  const l = SCOPE_LABELS[s as ScopeId];
  return l ? l[lang] : s;
};

export const flagName = (f: FlagId, lang: Lang): string => FLAG_LABELS[f][lang];
export const flagDescription = (f: FlagId, lang: Lang): string => (lang === 'zh' ? FLAG_LABELS[f].descZh : FLAG_LABELS[f].descEn);
export const categoryName = (c: string, lang: Lang): string => CATEGORY_LABELS[c]?.[lang] ?? c;

export function sourceTitle(s: SourceMeta | undefined, lang: Lang, fallback = ''): string {
  if (!s) return fallback;
  return lang === 'en' && s.titleEn ? s.titleEn : s.title;
}

export const note = (o: { noteZh: string; noteEn: string }, lang: Lang): string =>
  (lang === 'zh' ? o.noteZh || o.noteEn : o.noteEn || o.noteZh);

/**
 * A list joined the way each language joins lists: what Intl.ListFormat
 * ('long', 'conjunction') writes, spelled out because the first Intl call of
 * a page costs 50–70 ms and this one is on the way to the first chart.
 */
export function joinList(items: string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  const head = items.slice(0, -1);
  const last = items[items.length - 1]!;
  if (lang === 'zh') return `${head.join('、')}和${last}`;
  return items.length === 2 ? `${head[0]} and ${last}` : `${head.join(', ')}, and ${last}`;
}

/**
 * A rank in words. Ties share a rank and say so (并列第 1 / tied #1), so that
 * three districts at 100% do not all read as plainly first; a value whose basis
 * is in doubt has no rank (null).
 */
export function rankLabel(t: T, r: { rank: number | null; tiedWith: number }, n: number, form: 'short' | 'long' | 'profile'): string {
  if (r.rank === null) return t(form === 'short' ? 'chart.unranked' : form === 'long' ? 'chart.unrankedOf' : 'district.unranked');
  const tied = r.tiedWith > 1;
  if (form === 'short') return t(tied ? 'chart.rankTied' : 'chart.rank', { rank: r.rank, n });
  if (form === 'long') return t(tied ? 'chart.rankOfTied' : 'chart.rankOf', { rank: r.rank, n, k: r.tiedWith });
  return t(tied ? 'district.rankTied' : 'district.rank', { rank: r.rank, n });
}

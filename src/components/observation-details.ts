// What a reader needs to know about one drawn value: the value and its n,
// flags with their reasons, derivation, competing statements, and where it
// was quoted from. Built as data first (testable), then as DOM with
// textContent only: report text is input and never becomes markup.
import type { Meta } from '../dataset/meta.ts';
import { formatValue } from '../domain/format.ts';
import type { Point } from '../domain/select.ts';
import type { DataObservation } from '../domain/obs-file.ts';
import { basisName, districtName, flagName, indicatorName, note, scopeName, sourceTitle, type Lang, type T } from '../i18n/i18n.ts';

export interface DetailContext {
  lang: Lang;
  t: T;
  meta: Meta;
}

export interface Details {
  title: string;
  value: string;
  lines: string[];
  flags: { name: string; kind: string; note: string }[];
  quote: string;
  source: string;
  note: string;
  alternativesTitle: string;
  alternatives: string[];
  hint: string;
}

const MAX_QUOTE = 160;

function sourceLine(o: DataObservation, ctx: DetailContext): string {
  if (!o.source) return ctx.t('sources.userData');
  const s = ctx.meta.source.get(o.source);
  const title = sourceTitle(s, ctx.lang, o.source);
  return o.locator ? `${title} · ${o.locator}` : title;
}

export function observationDetails(p: Point, ctx: DetailContext, extra: { standInFor?: number | null; rank?: string } = {}): Details {
  const { lang, t, meta } = ctx;
  const o = p.obs;
  const ind = meta.indicator.get(o.indicator);
  const fmt = (v: number) => (ind ? formatValue(v, ind, lang) : String(v));
  const lines: string[] = [];
  if (ind) lines.push(`${indicatorName(ind, lang)} · ${basisName(o.basis, meta.basis, lang)}`);
  if (o.scope) lines.push(scopeName(o.scope, lang));
  if (o.n !== null) {
    const what = indicatorName(meta.indicator.get(meta.basis.get(o.basis)?.denominator || ind?.denominator || ''), lang);
    lines.push(t('chart.denominator', { n: o.n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'), what }));
  }
  if (extra.standInFor != null && extra.standInFor !== o.year) lines.push(t('chart.standInShort', { year: extra.standInFor }));
  if (extra.rank) lines.push(extra.rank);
  if (o.formula) lines.push(`${t('chart.derivedInputs')} ${o.formula}`);
  const period = o.period ? ` (${o.period})` : '';
  return {
    title: `${districtName(meta.district.get(o.district), lang, o.district)} · ${o.year}${period}`,
    value: fmt(o.value),
    lines,
    flags: o.flags.filter((f) => f !== 'derived' || !o.formula).map((f) => ({ name: flagName(f, lang), kind: f, note: '' })),
    quote: o.quote.length > MAX_QUOTE ? o.quote.slice(0, MAX_QUOTE) + '…' : o.quote,
    source: sourceLine(o, ctx),
    note: note(o, lang),
    alternativesTitle: t('chart.alternatives'),
    alternatives: p.alternatives.map((a) => {
      const tags = [a.scope ? scopeName(a.scope, lang) : '', ...a.flags.map((f) => flagName(f, lang))].filter(Boolean).join(', ');
      return `${fmt(a.value)} — ${sourceLine(a, ctx)}${tags ? ` (${tags})` : ''}`;
    }),
    hint: o.source ? t('chart.clickSource') : '',
  };
}

/** Renders details as DOM, text only. */
export function renderDetails(d: Details, doc: Document = document): HTMLElement {
  const root = doc.createElement('div');
  root.className = 'obs-details';
  const add = (tag: string, cls: string, text: string, parent: HTMLElement = root) => {
    const el = doc.createElement(tag);
    el.className = cls;
    el.textContent = text;
    parent.appendChild(el);
    return el;
  };
  add('div', 'obs-details__title', d.title);
  add('div', 'obs-details__value', d.value);
  for (const l of d.lines) add('div', 'obs-details__line', l);
  if (d.flags.length > 0) {
    const flags = add('div', 'obs-details__flags', '');
    for (const f of d.flags) add('span', `flag flag--${f.kind}`, f.name, flags);
  }
  if (d.note) add('div', 'obs-details__note', d.note);
  if (d.alternatives.length > 0) {
    add('div', 'obs-details__alt-title', d.alternativesTitle);
    for (const a of d.alternatives) add('div', 'obs-details__alt', a);
  }
  if (d.quote) add('blockquote', 'obs-details__quote', `“${d.quote}”`);
  add('div', 'obs-details__source', d.source);
  if (d.hint) add('div', 'obs-details__hint', d.hint);
  return root;
}

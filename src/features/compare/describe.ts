// Words for what the compare chart shows: title, subtitle, the sentence a
// screen reader hears, the notes for stand-in years, gaps and flags, and the
// source line. Shared by the page, the export and the embed.
import type { Meta } from '../../dataset/meta.ts';
import { formatValue, unitLabel } from '../../domain/format.ts';
import { DRAWN_FLAGS, rankedBars, unranked } from '../../domain/select.ts';
import type { FlagId } from '../../domain/vocab.ts';
import {
  basisLabel,
  basisName,
  districtName,
  flagDescription,
  flagName,
  indicatorDefinition,
  indicatorName,
  joinList,
  note,
  sourceTitle,
  type Lang,
  type T,
} from '../../i18n/i18n.ts';
import type { CompareModel } from './compare-model.ts';

export interface Words {
  title: string;
  subtitle: string;
  summary: string;
  notes: string[];
  /** Each flagged value drawn, once, with its flags and the reason. */
  flagged: FlaggedItem[];
  /** What each flag drawn means. */
  legend: { flag: FlagId; name: string; description: string }[];
  sourceLine: string;
  sources: { id: string; title: string }[];
}

export interface FlaggedItem {
  label: string;
  flags: { flag: FlagId; name: string }[];
  note: string;
}

export function describeCompare(m: CompareModel, meta: Meta, lang: Lang, t: T): Words {
  const dn = (d: string) => districtName(meta.district.get(d), lang, d);
  const fmt = (v: number) => formatValue(v, m.indicator, lang);
  const ind = indicatorName(m.indicator, lang);
  const showBasis = m.bases.length > 1 || m.basis !== '';
  const basis = basisLabel(m.basis, m.bases, meta.basis, lang);
  const title = !showBasis ? ind : lang === 'zh' ? `${ind}（${basis}）` : `${ind} (${basis})`;

  let when: string;
  if (m.chart === 'line') {
    when = m.years.length ? t('chart.subtitleRange', { from: m.years[0]!, to: m.years[m.years.length - 1]! }) : '';
  } else {
    when = m.barYear !== null ? t('chart.subtitleYear', { year: m.barYear }) : t('chart.subtitleLatest');
  }
  const sentence = (x: string) => x.replace(/[。.]\s*$/, '');
  const unit = lang === 'zh' ? `单位：${unitLabel(m.indicator.unit, lang)}` : `Unit: ${unitLabel(m.indicator.unit, lang)}`;
  const subtitle = [when, indicatorDefinition(m.indicator, lang), unit].filter(Boolean).map(sentence).join(lang === 'zh' ? '。' : '. ') + (lang === 'zh' ? '。' : '.');

  let summary: string;
  const ranked = rankedBars(m.bars);
  if (m.chart === 'bar' && m.bars.length > 0) {
    // Highest and lowest among the ranked bars: a value on a doubtful basis is neither.
    const top = ranked[0] ?? m.bars[0]!;
    const bottom = ranked[ranked.length - 1] ?? top;
    const extremes = ranked.length === 0 ? `${t('chart.unrankedOf')}.` : ranked.length > 1 ? t('chart.summaryExtremes', { top: dn(top.district), topValue: fmt(top.value), bottom: dn(bottom.district), bottomValue: fmt(bottom.value) }) : `${dn(top.district)}: ${fmt(top.value)}.`;
    summary = t('chart.summaryBar', { indicator: ind, basis, n: m.bars.length, extremes });
  } else if (m.chart === 'line' && m.points.length > 0) {
    summary = t('chart.summaryLine', { indicator: ind, basis, n: new Set(m.points.map((p) => p.district)).size, from: m.years[0]!, to: m.years[m.years.length - 1]! });
  } else {
    summary = t('chart.noData');
  }

  const notes: string[] = [];
  if (m.capped) notes.push(t(m.chart === 'bar' ? 'chart.cappedBar' : 'chart.cappedLine', { shown: m.capped.shown, total: m.capped.total }));
  if (m.chart === 'line' && m.points.length > 0 && new Set(m.points.map((p) => p.district)).size > 1) {
    notes.push(t('chart.medianLine'));
  }
  if (m.chart === 'bar' && m.barYear === null && m.bars.length > 0) {
    const latest = Math.max(...m.bars.map((b) => b.year));
    const older = m.bars.filter((b) => b.year !== latest);
    if (older.length > 0) {
      notes.push(t('chart.standIn', { list: joinList(older.map((b) => `${dn(b.district)} ${b.year}`), lang) }));
    }
  }
  const apart = m.chart === 'bar' ? m.bars.filter((b) => b.rank === null).map((b) => b.point) : m.points.filter((p) => unranked(p.obs));
  if (apart.length > 0) {
    notes.push(t(m.chart === 'bar' ? 'chart.unrankedNote' : 'chart.unrankedNoteLine', { list: joinList(apart.map((p) => `${dn(p.district)} ${p.year} ${fmt(p.value)}`), lang) }));
  }
  // A stated value set aside for another one of this basis is named, so that nothing disappears unsaid.
  for (const p of m.drawn) {
    for (const a of p.alternatives) {
      if (!unranked(a) || unranked(p.obs)) continue;
      notes.push(t('chart.doubtfulAlt', { label: `${dn(p.district)} ${p.year}`, value: fmt(a.value), locator: a.locator || a.source }));
    }
  }
  for (const [d, bs] of m.elsewhere) {
    notes.push(t('chart.otherBasis', { district: dn(d), bases: joinList(bs.map((b) => `“${basisLabel(b, m.bases, meta.basis, lang)}”`), lang) }));
  }
  if (m.missing.length > 0) {
    const list = joinList(m.missing.map(dn), lang);
    notes.push(m.chart === 'bar' && m.barYear !== null ? t('chart.missing', { year: m.barYear, districts: list }) : t('chart.missingAny', { districts: list }));
  }

  const legend = DRAWN_FLAGS.filter((f) => m.flags.includes(f)).map((flag) => ({
    flag,
    name: flagName(flag, lang),
    description: flagDescription(flag, lang),
  }));
  const flagged: FlaggedItem[] = m.drawn
    .filter((p) => p.obs.flags.length > 0)
    .map((p) => {
      const why = note(p.obs, lang) || (p.obs.formula ? `${t('chart.derivedInputs')} ${p.obs.formula}` : '');
      return {
        label: `${dn(p.district)} ${p.year}`,
        flags: DRAWN_FLAGS.filter((f) => p.obs.flags.includes(f)).map((flag) => ({ flag, name: flagName(flag, lang) })),
        note: why,
      };
    });

  const sources = m.sources.map((id) => ({ id, title: sourceTitle(meta.source.get(id), lang, id) }));
  const sourceLine = sources.length > 0 ? t('chart.sources', { list: joinList(sources.map((s) => (lang === 'zh' ? `《${s.title}》` : s.title)), lang) }) : '';
  return { title, subtitle, summary, notes, flagged, legend, sourceLine, sources };
}

// What the chart's colours, patterns, shapes and reference lines mean, for the
// legend beside the chart and in exported images. Pure: only what is drawn.
import type { Meta } from '../../dataset/meta.ts';
import { rankedBars } from '../../domain/select.ts';
import type { FlagId } from '../../domain/vocab.ts';
import { flagName, groupName, type Lang, type T } from '../../i18n/i18n.ts';
import { ALERT_COLOUR, DOUBT_FILL, groupColour, IMPORTED_COLOUR, OTHER_COLOUR } from '../../components/palette.ts';
import { mainFlag } from './chart-options.ts';
import type { CompareModel } from './compare-model.ts';
import type { Swatch } from '../../components/swatch.ts';

export type { Swatch };

export interface LegendItem {
  key: string;
  label: string;
  swatch: Swatch;
}

const NEUTRAL = '#8a8a8a';
const TEXT = '#1f1f1f';

const BAR_STYLE: Partial<Record<FlagId, Swatch>> = {
  derived: { shape: 'box', fill: 'none', stroke: NEUTRAL },
  conflict: { shape: 'box', fill: NEUTRAL, stroke: TEXT, pattern: 'stripes' },
  implausible: { shape: 'box', fill: 'rgba(179,38,30,0.08)', stroke: ALERT_COLOUR, dash: '3 2' },
  small_sample: { shape: 'box', fill: NEUTRAL, stroke: 'none', pattern: 'dots' },
  imported: { shape: 'box', fill: 'rgba(122,62,157,0.25)', stroke: IMPORTED_COLOUR, dash: '3 2' },
  basis_doubtful: { shape: 'box', fill: DOUBT_FILL, stroke: OTHER_COLOUR, dash: '3 2', pattern: 'hatch' },
};

const POINT_STYLE: Partial<Record<FlagId, Swatch>> = {
  derived: { shape: 'circle', fill: '#fff', stroke: NEUTRAL },
  conflict: { shape: 'diamond', fill: NEUTRAL, stroke: TEXT },
  implausible: { shape: 'triangle', fill: '#fff', stroke: ALERT_COLOUR },
  small_sample: { shape: 'square', fill: NEUTRAL, stroke: 'none' },
  imported: { shape: 'pin', fill: IMPORTED_COLOUR, stroke: 'none' },
  basis_doubtful: { shape: 'square', fill: '#fff', stroke: OTHER_COLOUR, dash: '2 1.5' },
};

export function legendItems(m: CompareModel, meta: Meta, lang: Lang, t: T, refs: { refMedian: boolean; refGroup: boolean }): LegendItem[] {
  const items: LegendItem[] = [];
  const drawn = m.chart === 'bar' ? m.bars.map((b) => b.point) : m.points;
  // Colours: the functional areas of the districts drawn, in the plan's order.
  // (Only where the colour is drawn: a doubtful, implausible or imported value has a colour of its own.)
  const own: (FlagId | null)[] = ['basis_doubtful', 'implausible', 'imported'];
  const groups = new Set(drawn.filter((p) => !own.includes(mainFlag(p.obs.flags))).map((p) => meta.district.get(p.district)?.group ?? ''));
  for (const g of meta.groups) {
    if (!groups.has(g.id)) continue;
    const c = groupColour(g.id);
    items.push({ key: `group-${g.id}`, label: groupName(g, lang), swatch: m.chart === 'bar' ? { shape: 'box', fill: c, stroke: 'none' } : { shape: 'line', fill: 'none', stroke: c } });
  }
  if (groups.has('') || [...groups].some((g) => g && !meta.group.has(g))) {
    items.push({ key: 'group-other', label: t('legend.otherGroup'), swatch: { shape: 'box', fill: OTHER_COLOUR, stroke: 'none' } });
  }
  // Styles: the flag that decides how each drawn value looks.
  const styles = m.chart === 'bar' ? BAR_STYLE : POINT_STYLE;
  const shown = new Set(drawn.map((p) => mainFlag(p.obs.flags)).filter((f): f is FlagId => f !== null));
  for (const f of ['basis_doubtful', 'implausible', 'conflict', 'small_sample', 'imported', 'derived'] as FlagId[]) {
    if (!shown.has(f) || !styles[f]) continue;
    const label = f === 'basis_doubtful' ? `${flagName(f, lang)}${lang === 'zh' ? '（不排名）' : ' (not ranked)'}` : flagName(f, lang);
    items.push({ key: `flag-${f}`, label, swatch: styles[f]! });
  }
  // Reference lines that are actually drawn.
  const ranked = rankedBars(m.bars).length;
  const medianDrawn = m.chart === 'bar' ? refs.refMedian && m.medianAll !== null && ranked > 1 : refs.refMedian && new Set(m.points.map((p) => p.district)).size > 1;
  if (medianDrawn) items.push({ key: 'ref-median', label: t('pick.refMedian'), swatch: { shape: 'line', fill: 'none', stroke: TEXT, dash: '5 3' } });
  if (m.chart === 'bar' && refs.refGroup && [...m.groupMedians.values()].some((g) => g.count >= 2)) {
    items.push({ key: 'ref-group', label: t('pick.refGroup'), swatch: { shape: 'line', fill: 'none', stroke: NEUTRAL, dash: '1.5 2.5' } });
  }
  return items;
}

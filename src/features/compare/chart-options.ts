// ECharts options for the compare model. Flags change how a value is drawn
// (hollow, striped, pale) so that doubts are visible without hovering; the
// tooltip then gives the reason in words.
import type { EChartsCoreOption } from '../../lib/echarts.ts';
import type { Meta } from '../../dataset/meta.ts';
import { formatAxis, formatValue } from '../../domain/format.ts';
import { rankedBars, rankInYear, unranked, type Point } from '../../domain/select.ts';
import type { FlagId } from '../../domain/vocab.ts';
import { districtName, groupName, rankLabel, type Lang, type T } from '../../i18n/i18n.ts';
import { observationDetails, renderDetails } from '../../components/observation-details.ts';
import { ALERT_COLOUR, DOUBT_FILL, groupColour, IMPORTED_COLOUR, LINE_DASHES, OTHER_COLOUR } from '../../components/palette.ts';
import type { CompareModel } from './compare-model.ts';

export interface ChartContext {
  lang: Lang;
  t: T;
  meta: Meta;
  refMedian: boolean;
  refGroup: boolean;
  refRank: boolean;
  /** Larger type for presentation and export. */
  scale?: number;
  /** Leave out the DOM tooltip (server-side or export rendering). */
  noTooltip?: boolean;
  /** A narrow screen: fewer words on the chart itself (the tooltip keeps them). */
  compact?: boolean;
}

const TEXT = '#1f1f1f';
const MUTED = '#5f5f5f';
// Single quotes: ECharts writes this into an SVG style attribute unescaped.
const FONT_ZH = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Hiragino Sans GB', sans-serif";
const FONT_EN = "'Segoe UI', 'Helvetica Neue', Arial, 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', 'Noto Sans CJK SC', sans-serif";
export const chartFont = (lang: Lang) => (lang === 'zh' ? FONT_ZH : FONT_EN);

/** The most serious drawn flag decides the style. */
export function mainFlag(flags: FlagId[]): FlagId | null {
  for (const f of ['basis_doubtful', 'implausible', 'conflict', 'small_sample', 'imported', 'derived'] as FlagId[]) if (flags.includes(f)) return f;
  return null;
}

/** Rough rendered width of a label, for reserving room beside the bars. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? fontSize : fontSize * 0.58;
  return w;
}

function withAlpha(hex: string, a: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${a})`;
}

function decal(symbol: 'line' | 'circle', color: string) {
  return symbol === 'line'
    ? { symbol: 'rect', symbolSize: 1, color, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4 }
    : { symbol: 'circle', symbolSize: 0.6, color, dashArrayX: [[4, 4]], dashArrayY: [4, 2] };
}

export function barItemStyle(p: Point, base: string): Record<string, unknown> {
  switch (mainFlag(p.obs.flags)) {
    case 'basis_doubtful':
      return { color: DOUBT_FILL, decal: decal('line', 'rgba(60,60,60,0.5)'), borderColor: OTHER_COLOUR, borderWidth: 1.5, borderType: 'dashed' };
    case 'implausible':
      return { color: 'rgba(179,38,30,0.08)', borderColor: ALERT_COLOUR, borderWidth: 1.5, borderType: 'dashed' };
    case 'conflict':
      return { color: withAlpha(base, 0.85), decal: decal('line', 'rgba(255,255,255,0.75)'), borderColor: TEXT, borderWidth: 1 };
    case 'small_sample':
      return { color: withAlpha(base, 0.6), decal: decal('circle', 'rgba(255,255,255,0.8)') };
    case 'imported':
      return { color: 'rgba(122,62,157,0.25)', borderColor: IMPORTED_COLOUR, borderWidth: 2, borderType: 'dashed' };
    case 'derived':
      return { color: 'rgba(255,255,255,0)', borderColor: base, borderWidth: 2 };
    default:
      return { color: base };
  }
}

export function pointSymbol(p: Point): { symbol: string; symbolSize: number; itemStyle: Record<string, unknown> } {
  switch (mainFlag(p.obs.flags)) {
    case 'basis_doubtful':
      return { symbol: 'emptyRoundRect', symbolSize: 11, itemStyle: { color: OTHER_COLOUR, borderColor: OTHER_COLOUR, borderWidth: 2, borderType: 'dashed' } };
    case 'implausible':
      return { symbol: 'triangle', symbolSize: 12, itemStyle: { color: '#fff', borderColor: ALERT_COLOUR, borderWidth: 2 } };
    case 'conflict':
      return { symbol: 'diamond', symbolSize: 12, itemStyle: { borderColor: TEXT, borderWidth: 1 } };
    case 'small_sample':
      return { symbol: 'rect', symbolSize: 9, itemStyle: { opacity: 0.7 } };
    case 'imported':
      return { symbol: 'pin', symbolSize: 14, itemStyle: { color: IMPORTED_COLOUR } };
    case 'derived':
      return { symbol: 'emptyCircle', symbolSize: 9, itemStyle: { borderWidth: 2 } };
    default:
      return { symbol: 'circle', symbolSize: 8, itemStyle: {} };
  }
}

const MARGIN = 8;

/**
 * Where a tooltip goes, relative to the chart's box: beside the pointer, but
 * always inside the window (ECharts' own confine keeps it inside the chart,
 * which runs off the screen when the chart is taller than the window or the
 * tooltip taller than the chart). Below-right first, then above, then clamped.
 */
export function tooltipPlace(
  pointer: [number, number],
  tip: [number, number],
  box: { left: number; top: number },
  win: { width: number; height: number },
): [number, number] {
  const [px, py] = pointer;
  const [w, h] = tip;
  // In window coordinates.
  let x = box.left + px + 14;
  if (x + w > win.width - MARGIN) x = box.left + px - 14 - w;
  x = Math.max(MARGIN, Math.min(x, win.width - MARGIN - w));
  let y = box.top + py + 14;
  if (y + h > win.height - MARGIN) y = box.top + py - 14 - h;
  y = Math.max(MARGIN, Math.min(y, win.height - MARGIN - h));
  return [Math.round(x - box.left), Math.round(y - box.top)];
}

function tooltipFor(ctx: ChartContext, find: (params: unknown) => { p: Point; standInFor: number | null; rank: string } | null) {
  if (ctx.noTooltip) return { show: false };
  return {
    trigger: 'item',
    confine: false,
    enterable: false,
    position: (point: [number, number], _params: unknown, dom: HTMLElement, _rect: unknown, size: { contentSize: [number, number] }) => {
      const box = (dom.offsetParent ?? dom.parentElement)?.getBoundingClientRect() ?? { left: 0, top: 0 };
      return tooltipPlace(point, size.contentSize, box, { width: window.innerWidth, height: window.innerHeight });
    },
    // Returning an element (never a string) keeps report text out of innerHTML.
    formatter: (params: unknown) => {
      const hit = find(params);
      if (!hit) return document.createElement('span');
      return renderDetails(observationDetails(hit.p, ctx, { standInFor: hit.standInFor, rank: hit.rank }));
    },
    extraCssText: 'max-width: min(340px, calc(100vw - 16px)); max-height: calc(100vh - 16px); overflow: hidden; white-space: normal;',
  };
}

export function barOption(m: CompareModel, ctx: ChartContext): EChartsCoreOption {
  const { lang, t, meta } = ctx;
  const s = ctx.scale ?? 1;
  const FONT = chartFont(lang);
  const name = (d: string) => districtName(meta.district.get(d), lang, d);
  const fmt = (v: number) => formatValue(v, m.indicator, lang);
  const latestShown = m.barYear ?? Math.max(...m.bars.map((b) => b.year));
  const nRanked = rankedBars(m.bars).length;
  let widest = 0;
  const data = m.bars.map((b) => {
    const colour = groupColour(meta.district.get(b.district)?.group);
    const parts = [fmt(b.value)];
    if (b.point.obs.n !== null && !ctx.compact) parts.push(`n=${b.point.obs.n}`);
    if (b.standIn || (m.barYear === null && b.year !== latestShown)) parts.push(`(${b.year})`);
    // "Not ranked" is said even with ranks off or on a phone: the bar's place below the others is no rank.
    if (b.rank === null) parts.push(`  ${rankLabel(t, b, nRanked, 'short')}`);
    else if (ctx.refRank && !ctx.compact) parts.push(`  ${rankLabel(t, b, nRanked, 'short')}`);
    widest = Math.max(widest, textWidth(parts.join(' '), 12 * s));
    return {
      value: b.value,
      itemStyle: barItemStyle(b.point, colour),
      label: { show: true, position: 'right', formatter: parts.join(' '), color: TEXT, fontSize: 12 * s, fontFamily: FONT },
    };
  });
  const markLines: Record<string, unknown>[] = [];
  if (ctx.refMedian && m.medianAll !== null && nRanked > 1) {
    markLines.push({
      xAxis: m.medianAll,
      lineStyle: { color: TEXT, type: 'dashed', width: 1.5 },
      // The y axis runs top-down (inverse), so the line's start is at the top, clear of the x-axis labels.
      label: { formatter: t('chart.median', { value: fmt(m.medianAll) }), position: 'start', color: TEXT, fontSize: 11 * s, fontFamily: FONT },
    });
  }
  if (ctx.refGroup) {
    for (const [g, { median: v, count }] of m.groupMedians) {
      if (count < 2) continue; // a group's median over one district is just that district
      markLines.push({
        xAxis: v,
        lineStyle: { color: groupColour(g), type: 'dotted', width: 2 },
        label: {
          formatter: t('chart.groupMedian', { group: groupName(meta.group.get(g), lang, g), value: fmt(v) }),
          position: 'insideEndTop',
          color: MUTED,
          fontSize: 10 * s,
          fontFamily: FONT,
        },
      });
    }
  }
  const max = Math.max(...m.bars.map((b) => b.value), m.medianAll ?? 0);
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    grid: { left: 8, right: Math.ceil(widest + 16 * s), top: 28 * s, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      max: m.indicator.unit === 'percent' && max <= 100 ? 100 : undefined,
      axisLabel: { formatter: (v: number) => formatAxis(v, m.indicator, lang), color: MUTED, fontSize: 11 * s },
      splitLine: { lineStyle: { color: '#e4e4e4' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: m.bars.map((b) => name(b.district)),
      axisLabel: { color: TEXT, fontSize: 13 * s, fontFamily: FONT },
      axisTick: { show: false },
    },
    tooltip: tooltipFor(ctx, (params) => hitAt(m, ctx.t, params as ItemRef)),
    series: [
      {
        type: 'bar',
        data,
        barMaxWidth: 28 * s,
        emphasis: { focus: 'none' },
        markLine: markLines.length ? { symbol: 'none', silent: true, data: markLines } : undefined,
      },
    ],
  };
}

/** Years from the first to the last with data, so that gaps keep their width. */
export function yearAxis(years: number[]): number[] {
  if (years.length === 0) return [];
  const out: number[] = [];
  for (let y = years[0]!; y <= years[years.length - 1]!; y++) out.push(y);
  return out;
}

/**
 * The line chart's series: one per district, and beside it, for a district
 * with values whose basis is in doubt, a series of those points alone, never
 * joined to the line (a line from a value over one denominator to a value over
 * another would draw a change that did not happen).
 */
export function lineLayout(m: CompareModel): { district: string; doubtful: boolean; points: (Point | undefined)[] }[] {
  const axis = yearAxis(m.years);
  const byDistrict = new Map<string, Map<number, Point>>();
  for (const p of m.points) {
    let row = byDistrict.get(p.district);
    if (!row) byDistrict.set(p.district, (row = new Map()));
    row.set(p.year, p);
  }
  const out: { district: string; doubtful: boolean; points: (Point | undefined)[] }[] = [];
  for (const [district, row] of byDistrict) {
    const at = axis.map((y) => row.get(y));
    out.push({ district, doubtful: false, points: at.map((p) => (p && !unranked(p.obs) ? p : undefined)) });
    if (at.some((p) => p && unranked(p.obs))) out.push({ district, doubtful: true, points: at.map((p) => (p && unranked(p.obs) ? p : undefined)) });
  }
  return out;
}

export function lineOption(m: CompareModel, ctx: ChartContext): EChartsCoreOption {
  const { lang, meta } = ctx;
  const s = ctx.scale ?? 1;
  const FONT = chartFont(lang);
  const axis = yearAxis(m.years);
  const layout = lineLayout(m);
  const dashInGroup = new Map<string, number>();
  const series: Record<string, unknown>[] = [];
  const lookup: (Point | undefined)[][] = [];
  for (const { district: d, doubtful, points } of layout) {
    const dist = meta.district.get(d);
    const colour = groupColour(dist?.group);
    let dash: number[] | 'solid' = 'solid';
    if (!doubtful) {
      const k = dashInGroup.get(dist?.group ?? '') ?? 0;
      dashInGroup.set(dist?.group ?? '', k + 1);
      dash = LINE_DASHES[k % LINE_DASHES.length]!;
    }
    lookup.push(points);
    const hasLine = points.some(Boolean);
    series.push({
      type: 'line',
      name: districtName(dist, lang, d) + (doubtful ? ` (${ctx.t('chart.unranked')})` : ''),
      connectNulls: false, // a missing year is a gap, never a bridge
      showSymbol: true,
      color: colour,
      lineStyle: doubtful ? { width: 0, opacity: 0 } : { color: colour, width: 2 * s, type: dash },
      endLabel: doubtful || !hasLine ? undefined : { show: true, formatter: districtName(dist, lang, d), color: colour, fontSize: 12 * s, fontFamily: FONT, fontWeight: 'bold' },
      labelLayout: { moveOverlap: 'shiftY' },
      data: points.map((p) => {
        if (!p) return null;
        const sym = pointSymbol(p);
        const label = doubtful ? { show: true, position: 'right', formatter: `${districtName(dist, lang, d)}: ${ctx.t('chart.unranked')}`, color: MUTED, fontSize: 11 * s, fontFamily: FONT } : undefined;
        return { value: p.value, symbol: sym.symbol, symbolSize: sym.symbolSize * s, itemStyle: { color: colour, borderColor: colour, ...sym.itemStyle }, label };
      }),
    });
  }
  const byDistrict = new Set(layout.map((l) => l.district));
  if (ctx.refMedian && byDistrict.size > 1) {
    series.push({
      type: 'line',
      name: ctx.t('chart.median', { value: '' }).trim(),
      silent: true,
      symbol: 'rect',
      symbolSize: [10 * s, 2 * s],
      itemStyle: { color: TEXT },
      connectNulls: false,
      lineStyle: { color: TEXT, type: 'dashed', width: 1.5 },
      data: axis.map((y) => {
        const v = m.points.filter((p) => p.year === y && !unranked(p.obs)).map((p) => p.value).sort((a, b) => a - b);
        if (v.length < 2) return null;
        const mid = v.length >> 1;
        return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
      }),
    });
  }
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    grid: { left: 8, right: 110 * s, top: 24 * s, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: axis.map(String), boundaryGap: false, axisLabel: { color: MUTED, fontSize: 12 * s } },
    yAxis: {
      type: 'value',
      min: (v: { min: number }) => Math.min(0, v.min), // from zero, so that slopes are not exaggerated
      axisLabel: { formatter: (v: number) => formatAxis(v, m.indicator, lang), color: MUTED, fontSize: 11 * s },
      splitLine: { lineStyle: { color: '#e4e4e4' } },
    },
    tooltip: tooltipFor(ctx, (params) => hitAt(m, ctx.t, params as ItemRef)),
    series,
  };
}

export interface ItemRef {
  seriesIndex?: number;
  dataIndex?: number;
}

/** What the tooltip (and the keyboard's announcement) says about one item: its point, stand-in year and rank. */
export function hitAt(m: CompareModel, t: T, ref: ItemRef): { p: Point; standInFor: number | null; rank: string } | null {
  if (ref.dataIndex === undefined) return null;
  if (m.chart === 'bar') {
    const b = m.bars[ref.dataIndex];
    if (!b) return null;
    const latestShown = m.barYear ?? Math.max(...m.bars.map((x) => x.year));
    return { p: b.point, standInFor: latestShown, rank: rankLabel(t, b, rankedBars(m.bars).length, 'long') };
  }
  const p = pointAt(m, ref);
  if (!p) return null;
  const r = rankInYear(m.points, p, m.indicator.higherIsBetter);
  const n = m.points.filter((q) => q.year === p.year && !unranked(q.obs)).length;
  return { p, standInFor: null, rank: rankLabel(t, r ?? { rank: null, tiedWith: 1 }, r?.n ?? n, 'long') };
}

/** The point behind a click on a chart item, for opening its source. */
export function pointAt(m: CompareModel, params: { seriesIndex?: number; dataIndex?: number }): Point | null {
  if (params.dataIndex === undefined) return null;
  if (m.chart === 'bar') return m.bars[params.dataIndex]?.point ?? null;
  if (params.seriesIndex === undefined) return null;
  return lineLayout(m)[params.seriesIndex]?.points[params.dataIndex] ?? null;
}

/** The chart's items in reading order, for moving through them with the keyboard. */
export function chartItems(m: CompareModel): { seriesIndex: number; dataIndex: number; point: Point }[] {
  if (m.chart === 'bar') return m.bars.map((b, i) => ({ seriesIndex: 0, dataIndex: i, point: b.point }));
  const out: { seriesIndex: number; dataIndex: number; point: Point }[] = [];
  lineLayout(m).forEach((l, si) => l.points.forEach((p, di) => p && out.push({ seriesIndex: si, dataIndex: di, point: p })));
  return out;
}

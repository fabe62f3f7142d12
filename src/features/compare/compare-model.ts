// Everything the compare view shows, computed from the view state, the rows
// of one indicator and the metadata. Pure: the chart spec builders, the
// components, the export and the text summary all read this one model.
import type { Meta } from '../../dataset/meta.ts';
import type { DataObservation } from '../../domain/obs-file.ts';
import {
  barsFor,
  basesOf,
  basisForSelection,
  commonYears,
  flagsShown,
  groupMedians,
  median,
  otherBases,
  pointsFor,
  rankedBars,
  sourcesShown,
  yearsOf,
  type Bar,
  type BasisCount,
  type Point,
} from '../../domain/select.ts';
import type { Indicator } from '../../domain/types.ts';
import type { FlagId } from '../../domain/vocab.ts';
import type { ViewState } from '../../state/view-state.ts';

export interface CompareModel {
  indicator: Indicator;
  basis: string;
  bases: BasisCount[];
  /** Districts asked for (selection, or all with data in this basis). */
  districts: string[];
  /** Districts with any value in this basis. */
  withData: string[];
  chart: 'bar' | 'line';
  /** All points of the selection in the year range (line chart; notes). */
  points: Point[];
  years: number[];
  common: number[];
  /** Bar chart: the bars, their year (null: latest), districts without a value. */
  bars: Bar[];
  barYear: number | null;
  missing: string[];
  /** Points actually drawn. */
  drawn: Point[];
  medianAll: number | null;
  groupMedians: Map<string, { median: number; count: number }>;
  flags: FlagId[];
  sources: string[];
  /** Districts asked for with no value in this basis but values in another: which bases. */
  elsewhere: Map<string, string[]>;
  /** Why nothing can be drawn, if so. */
  empty: 'no-data' | 'no-common' | null;
  /** With no selection and many districts, only the top and bottom are drawn: how many of how many. */
  capped: { shown: number; total: number } | null;
}

/** More districts than this and the default view draws only the ends of the ranking. */
export const DEFAULT_CAP = 24;

/**
 * `whole`: when `rows` are only the slices of a large indicator that the
 * state needs (see rowsNeeded), what the whole file holds: its bases.
 */
export function compareModel(state: ViewState, rows: DataObservation[], meta: Meta, whole?: { bases: BasisCount[] }): CompareModel | null {
  const indicator = meta.indicator.get(state.indicator);
  if (!indicator) return null;
  const basisOrder = meta.bases.map((b) => b.id);
  // Sliced data knows its bases (and their order) from the whole file; which districts have which
  // basis is in every slice (the latest slice holds each district's latest row in each basis).
  const bases = whole?.bases ?? basesOf(rows, indicator.id, basisOrder);
  const basis =
    (state.basis === null
      ? basisForSelection(rows, indicator.id, state.districts, basisOrder, bases)
      : bases.some((b) => b.basis === state.basis)
        ? state.basis
        : bases[0]?.basis) ?? '';
  const all = pointsFor(rows, { indicator: indicator.id, basis, districts: null });
  const withData = [...new Set(all.map((p) => p.district))].sort(byMetaOrder(meta));
  let districts = state.districts ?? withData;
  let capped: CompareModel['capped'] = null;
  if (state.districts === null && withData.length > DEFAULT_CAP) {
    // A chart of thousands of bars says nothing: draw the top and bottom of the latest ranking.
    const ranked = barsFor(all, withData, { mode: 'latest' }, indicator).bars.map((b) => b.district);
    const keep = state.chart === 'bar' ? [...ranked.slice(0, DEFAULT_CAP / 2), ...ranked.slice(-DEFAULT_CAP / 2)] : ranked.slice(0, DEFAULT_CAP / 2);
    districts = withData.filter((d) => keep.includes(d));
    capped = { shown: districts.length, total: withData.length };
  }
  let points = pointsFor(rows, { indicator: indicator.id, basis, districts, from: state.from, to: state.to });
  const present = [...new Set(points.map((p) => p.district))];
  const common = commonYears(points, present);
  if (state.common) points = points.filter((p) => common.includes(p.year));
  const years = yearsOf(points);

  const elsewhere = otherBases(rows, indicator.id, basis, districts);
  const base: Omit<CompareModel, 'bars' | 'barYear' | 'missing' | 'drawn' | 'medianAll' | 'groupMedians' | 'flags' | 'sources' | 'empty'> = {
    indicator, basis, bases, districts, withData, chart: state.chart, points, years, common, capped, elsewhere,
  };
  const groupOf = (d: string) => meta.district.get(d)?.group ?? '';
  let empty: CompareModel['empty'] = points.length === 0 ? 'no-data' : null;
  if (state.common && present.length > 0 && common.length === 0) empty = 'no-common';

  if (state.chart === 'line') {
    return {
      ...base, bars: [], barYear: null, missing: districts.filter((d) => !present.includes(d)), drawn: points,
      medianAll: null, groupMedians: new Map(), flags: flagsShown(points), sources: sourcesShown(points), empty,
    };
  }
  // One-year bars: a chosen year (in common mode, only a common one) or each district's latest.
  let choice: { mode: 'latest' } | { mode: 'year'; year: number } = { mode: 'latest' };
  if (typeof state.year === 'number') choice = { mode: 'year', year: state.year };
  if (state.common) {
    const y = typeof state.year === 'number' && common.includes(state.year) ? state.year : common[common.length - 1];
    choice = y === undefined ? { mode: 'latest' } : { mode: 'year', year: y };
  }
  const result = barsFor(points, districts, choice, indicator);
  const drawn = result.bars.map((b) => b.point);
  return {
    ...base,
    bars: result.bars,
    barYear: result.year,
    missing: result.missing,
    drawn,
    medianAll: median(rankedBars(result.bars).map((b) => b.value)),
    groupMedians: groupMedians(result.bars, groupOf),
    flags: flagsShown(drawn),
    sources: sourcesShown(drawn),
    empty: empty ?? (result.bars.length === 0 ? 'no-data' : null),
  };
}

/** Districts in the order of data/districts.csv (a stable, geographic-ish order). */
export function byMetaOrder(meta: Meta): (a: string, b: string) => number {
  const pos = new Map(meta.districts.map((d, i) => [d.id, i]));
  return (a, b) => (pos.get(a) ?? 1e9) - (pos.get(b) ?? 1e9) || (a < b ? -1 : 1);
}

// Pure selectors from observations to what a view shows. No React here: the
// components call these and render the result.
import type { DataObservation } from './obs-file.ts';
import type { Indicator } from './types.ts';
import type { FlagId } from './vocab.ts';

/** Widest coverage first: a district-wide value beats a public-schools-only one. */
const SCOPE_RANK: Record<string, number> = { '': 0, public_schools: 1, private_schools: 2 };

/** A value whose denominator is in doubt (the report's label contradicts its numbers): shown, never ranked. */
export const unranked = (o: Pick<DataObservation, 'flags'>): boolean => o.flags.includes('basis_doubtful');

/**
 * Orders competing statements of one quantity: curated before imported,
 * widest scope, a trusted basis before a doubtful one, stated before derived,
 * unflagged before conflicting, then the canonical order of the data. The
 * first is drawn; the rest are alternatives the tooltip lists.
 */
export function preferenceOrder(a: DataObservation, b: DataObservation): number {
  const imp = Number(a.flags.includes('imported')) - Number(b.flags.includes('imported'));
  if (imp) return imp;
  const sc = (SCOPE_RANK[a.scope] ?? 9) - (SCOPE_RANK[b.scope] ?? 9);
  if (sc) return sc;
  // A value whose report names this basis but whose numbers say another is not this basis's value.
  const doubt = Number(unranked(a)) - Number(unranked(b));
  if (doubt) return doubt;
  const der = Number(a.flags.includes('derived')) - Number(b.flags.includes('derived'));
  if (der) return der;
  const con = Number(a.flags.includes('conflict')) - Number(b.flags.includes('conflict'));
  if (con) return con;
  return 0;
}

export interface Point {
  district: string;
  year: number;
  value: number;
  /** The statement drawn. */
  obs: DataObservation;
  /** Other statements of the same district, year and basis (other scope, conflicting, derived, imported). */
  alternatives: DataObservation[];
}

export interface BasisCount {
  basis: string;
  districts: number;
  observations: number;
  /** Every value of this basis was imported by the user (none is curated). */
  importedOnly?: boolean;
}

/** Bases in which an indicator is reported, most districts first. */
export function basesOf(rows: DataObservation[], indicator: string, order: string[] = []): BasisCount[] {
  const by = new Map<string, { d: Set<string>; n: number; imp: number }>();
  for (const o of rows) {
    if (o.indicator !== indicator) continue;
    let b = by.get(o.basis);
    if (!b) by.set(o.basis, (b = { d: new Set(), n: 0, imp: 0 }));
    b.d.add(o.district);
    b.n++;
    if (o.flags.includes('imported')) b.imp++;
  }
  const pos = (b: string) => (b === '' ? -1 : order.indexOf(b) < 0 ? 1e6 : order.indexOf(b));
  return [...by.entries()]
    .map(([basis, v]) => ({ basis, districts: v.d.size, observations: v.n, ...(v.imp === v.n ? { importedOnly: true } : {}) }))
    .sort((a, b) => b.districts - a.districts || b.observations - a.observations || pos(a.basis) - pos(b.basis));
}

/** The basis to show: the requested one if it exists, else the most widely reported. */
export function resolveBasis(rows: DataObservation[], indicator: string, requested: string | null, order: string[] = []): string | null {
  const bases = basesOf(rows, indicator, order);
  if (bases.length === 0) return null;
  if (requested !== null && bases.some((b) => b.basis === requested)) return requested;
  return bases[0]!.basis;
}

/**
 * The basis that covers most of the chosen districts (then the most widely
 * reported), so that choosing a district whose values all carry another basis
 * (or none, as imported rows often do) shows them instead of "no data".
 */
export function basisForSelection(
  rows: DataObservation[],
  indicator: string,
  districts: string[] | null,
  order: string[] = [],
  /** The bases in order when `rows` are slices of a larger file (counted over the whole file). */
  ranked: BasisCount[] = basesOf(rows, indicator, order),
): string | null {
  const bases = ranked;
  if (!districts || districts.length === 0 || bases.length < 2) return bases[0]?.basis ?? null;
  const wanted = new Set(districts);
  const covered = new Map<string, Set<string>>();
  for (const o of rows) {
    if (o.indicator !== indicator || !wanted.has(o.district)) continue;
    let c = covered.get(o.basis);
    if (!c) covered.set(o.basis, (c = new Set()));
    c.add(o.district);
  }
  let best: string | null = null;
  for (const b of bases) if (best === null || (covered.get(b.basis)?.size ?? 0) > (covered.get(best)?.size ?? 0)) best = b.basis;
  return best;
}

/** For districts without a value in one basis, the other bases they have values in. */
export function otherBases(rows: DataObservation[], indicator: string, basis: string, districts: string[]): Map<string, string[]> {
  const wanted = new Set(districts);
  const by = new Map<string, Set<string>>();
  const here = new Set<string>();
  for (const o of rows) {
    if (o.indicator !== indicator || !wanted.has(o.district)) continue;
    if (o.basis === basis) here.add(o.district);
    else {
      let s = by.get(o.district);
      if (!s) by.set(o.district, (s = new Set()));
      s.add(o.basis);
    }
  }
  return new Map(districts.filter((d) => !here.has(d) && by.has(d)).map((d) => [d, [...by.get(d)!].sort()]));
}

export interface SeriesQuery {
  indicator: string;
  basis: string;
  /** Districts to include; null for every district with data. */
  districts: string[] | null;
  from?: number | null;
  to?: number | null;
}

/** One point per district and year for one indicator and basis; bases never mix. */
export function pointsFor(rows: DataObservation[], q: SeriesQuery): Point[] {
  const wanted = q.districts ? new Set(q.districts) : null;
  const groups = new Map<string, DataObservation[]>();
  for (const o of rows) {
    if (o.indicator !== q.indicator || o.basis !== q.basis) continue;
    if (wanted && !wanted.has(o.district)) continue;
    if (q.from != null && o.year < q.from) continue;
    if (q.to != null && o.year > q.to) continue;
    const k = `${o.district}|${o.year}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(o);
  }
  const out: Point[] = [];
  for (const g of groups.values()) {
    const sorted = [...g].sort(preferenceOrder);
    const obs = sorted[0]!;
    out.push({ district: obs.district, year: obs.year, value: obs.value, obs, alternatives: sorted.slice(1) });
  }
  return out.sort((a, b) => (a.district < b.district ? -1 : a.district > b.district ? 1 : a.year - b.year));
}

/** Years present in the points, ascending. */
export function yearsOf(points: Point[]): number[] {
  return [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
}

/** Years every one of the given districts reports. */
export function commonYears(points: Point[], districts: string[]): number[] {
  if (districts.length === 0) return [];
  const per = new Map<string, Set<number>>();
  for (const p of points) {
    let s = per.get(p.district);
    if (!s) per.set(p.district, (s = new Set()));
    s.add(p.year);
  }
  return yearsOf(points).filter((y) => districts.every((d) => per.get(d)?.has(y)));
}

export interface Bar {
  district: string;
  value: number;
  year: number;
  point: Point;
  /** True when the value comes from another year than the one the chart is about. */
  standIn: boolean;
  /** 1 = best (or largest when no direction is better), among the ranked bars; null when not ranked (basis in doubt). */
  rank: number | null;
  /** How many ranked bars share this rank (1 when there is no tie). */
  tiedWith: number;
}

export type YearChoice = { mode: 'latest' } | { mode: 'year'; year: number };

export interface BarsResult {
  bars: Bar[];
  /** The year the chart is about; null in latest mode. */
  year: number | null;
  /** Districts asked for that have no value for the chosen year (or at all). */
  missing: string[];
}

/**
 * One value per district for a one-year chart. In latest mode each district's
 * most recent value stands in and is labelled with its year; in year mode
 * only that year's values are shown and the rest are listed as missing.
 */
export function barsFor(points: Point[], districts: string[], choice: YearChoice, indicator: Pick<Indicator, 'higherIsBetter'>): BarsResult {
  const byDistrict = new Map<string, Point[]>();
  for (const p of points) {
    let l = byDistrict.get(p.district);
    if (!l) byDistrict.set(p.district, (l = []));
    l.push(p);
  }
  const bars: Bar[] = [];
  const missing: string[] = [];
  let latestYear = -Infinity;
  for (const d of districts) {
    const list = byDistrict.get(d) ?? [];
    const pick = choice.mode === 'latest' ? list.reduce<Point | undefined>((a, p) => (!a || p.year > a.year ? p : a), undefined) : list.find((p) => p.year === choice.year);
    if (!pick) {
      missing.push(d);
      continue;
    }
    latestYear = Math.max(latestYear, pick.year);
    bars.push({ district: d, value: pick.value, year: pick.year, point: pick, standIn: false, rank: null, tiedWith: 1 });
  }
  // In latest mode, a value older than the newest one shown is standing in for it.
  if (choice.mode === 'latest') for (const b of bars) b.standIn = b.year !== latestYear;
  rankBars(bars, indicator.higherIsBetter);
  return { bars, year: choice.mode === 'year' ? choice.year : null, missing };
}

/**
 * Sorts best first and assigns ranks; ties share a rank (standard competition
 * ranking: 1, 1, 3) and know how many share it. Values whose basis is in doubt
 * come after every ranked one, unranked.
 */
export function rankBars(bars: Bar[], higherIsBetter: boolean | null): void {
  const dir = higherIsBetter === false ? 1 : -1;
  bars.sort((a, b) => Number(unranked(a.point.obs)) - Number(unranked(b.point.obs)) || dir * (a.value - b.value) || (a.district < b.district ? -1 : 1));
  const ranked = bars.filter((b) => !unranked(b.point.obs));
  let rank = 0;
  ranked.forEach((b, i) => {
    if (i === 0 || b.value !== ranked[i - 1]!.value) rank = i + 1;
    b.rank = rank;
  });
  const shared = new Map<number, number>();
  for (const b of ranked) shared.set(b.rank!, (shared.get(b.rank!) ?? 0) + 1);
  for (const b of bars) {
    if (unranked(b.point.obs)) b.rank = null;
    b.tiedWith = b.rank === null ? 1 : shared.get(b.rank)!;
  }
}

/** A point's rank among points of the same year (line charts): null when it is not ranked. */
export function rankInYear(points: Point[], p: Point, higherIsBetter: boolean | null): { rank: number; tiedWith: number; n: number } | null {
  const bars: Bar[] = points
    .filter((q) => q.year === p.year)
    .map((q) => ({ district: q.district, value: q.value, year: q.year, point: q, standIn: false, rank: null, tiedWith: 1 }));
  rankBars(bars, higherIsBetter);
  const mine = bars.find((b) => b.point === p);
  return mine && mine.rank !== null ? { rank: mine.rank, tiedWith: mine.tiedWith, n: rankedBars(bars).length } : null;
}

/** The bars that take part in ranks and medians. */
export const rankedBars = (bars: Bar[]): Bar[] => bars.filter((b) => b.rank !== null);

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median per functional group of the ranked bars shown (groups with at least one value). */
export function groupMedians(bars: Bar[], groupOf: (district: string) => string): Map<string, { median: number; count: number }> {
  const by = new Map<string, number[]>();
  for (const b of rankedBars(bars)) {
    const g = groupOf(b.district);
    let l = by.get(g);
    if (!l) by.set(g, (l = []));
    l.push(b.value);
  }
  return new Map([...by.entries()].map(([g, v]) => [g, { median: median(v)!, count: v.length }]));
}

/** Flags that change how a value is drawn, most serious first. */
export const DRAWN_FLAGS: FlagId[] = ['basis_doubtful', 'implausible', 'conflict', 'small_sample', 'derived', 'partial_scope', 'definition_variant', 'imported'];

/** The flags present among the drawn points, for the chart's notes. */
export function flagsShown(points: Point[]): FlagId[] {
  const seen = new Set<FlagId>();
  for (const p of points) for (const f of p.obs.flags) seen.add(f);
  return DRAWN_FLAGS.filter((f) => seen.has(f));
}

/** Sources a set of points draws on (including the inputs of derived values' reports). */
export function sourcesShown(points: Point[]): string[] {
  return [...new Set(points.map((p) => p.obs.source).filter(Boolean))].sort();
}

/** Districts that report an indicator (any basis), for marking the picker. */
export function districtsWithData(rows: DataObservation[], indicator: string): Set<string> {
  const s = new Set<string>();
  for (const o of rows) if (o.indicator === indicator) s.add(o.district);
  return s;
}

/**
 * Which of an indicator's rows a compare chart draws from: each district's
 * latest rows (always, they say which districts have data) and the years
 * listed, or every year. Exact: the chart comes out as from the whole file
 * (a one-year chart's model then lists only those years' points, which no
 * one-year chart reads; line charts and common years ask for every year).
 */
export interface RowsNeed {
  years: 'all' | number[];
}

export function rowsNeeded(q: { chart: 'bar' | 'line'; year: number | 'latest'; common: boolean; from: number | null; to: number | null }): RowsNeed {
  if (q.chart !== 'bar' || q.common) return { years: 'all' };
  if (typeof q.year === 'number') return { years: [q.year] };
  // Each district's latest value within a year range may lie before its latest year.
  return q.from === null && q.to === null ? { years: [] } : { years: 'all' };
}

// The tile map: one square per district, coloured by the chosen value.
import type { Meta } from '../../dataset/meta.ts';
import type { DataObservation } from '../../domain/obs-file.ts';
import { barsFor, pointsFor, rankedBars, resolveBasis, type Point } from '../../domain/select.ts';

export const MAP_CLASSES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
/** A value whose basis is in doubt is not placed on the colour scale (that would rank it): a grey hatch instead. */
export const DOUBT_TILE = 'url(#basis-doubtful)';

export interface Tile {
  district: string;
  col: number;
  row: number;
  state: 'value' | 'no-value' | 'no-report';
  value: number | null;
  year: number | null;
  point: Point | null;
  /** Value from another year than the one chosen (latest mode). */
  standIn: boolean;
  colour: string;
}

export interface MapModel {
  basis: string;
  tiles: Tile[];
  cols: number;
  rows: number;
  /** Class breaks: MAP_CLASSES[i] covers [breaks[i], breaks[i+1]]. */
  breaks: number[];
  year: number | null;
  years: number[];
}

export function classBreaks(values: number[], classes = MAP_CLASSES.length): number[] {
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (lo === hi) return [lo, hi];
  return Array.from({ length: classes + 1 }, (_, i) => lo + ((hi - lo) * i) / classes);
}

export function classOf(value: number, breaks: number[]): number {
  if (breaks.length < 2 || breaks[0] === breaks[breaks.length - 1]) return MAP_CLASSES.length - 1;
  for (let i = 1; i < breaks.length; i++) if (value <= breaks[i]! + 1e-9) return i - 1;
  return breaks.length - 2;
}

export function mapModel(rows: DataObservation[], meta: Meta, indicator: string, basisWanted: string | null, year: number | 'latest'): MapModel | null {
  const ind = meta.indicator.get(indicator);
  if (!ind) return null;
  const basis = resolveBasis(rows, indicator, basisWanted, meta.bases.map((b) => b.id)) ?? '';
  const points = pointsFor(rows, { indicator, basis, districts: null });
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const placed = meta.districts.filter((d) => d.tile);
  const result = barsFor(points, placed.map((d) => d.id), year === 'latest' ? { mode: 'latest' } : { mode: 'year', year }, ind);
  const byDistrict = new Map(result.bars.map((b) => [b.district, b]));
  const reported = new Set(meta.sources.map((s) => s.district));
  for (const o of rows) if (o.flags.includes('imported')) reported.add(o.district);
  const breaks = classBreaks(rankedBars(result.bars).map((b) => b.value));
  const latest = Math.max(...result.bars.map((b) => b.year));
  const tiles: Tile[] = placed.map((d) => {
    const b = byDistrict.get(d.id);
    const state: Tile['state'] = b ? 'value' : reported.has(d.id) ? 'no-value' : 'no-report';
    return {
      district: d.id,
      col: d.tile![0],
      row: d.tile![1],
      state,
      value: b?.value ?? null,
      year: b?.year ?? null,
      point: b?.point ?? null,
      standIn: b ? result.year === null && b.year !== latest : false,
      colour: !b ? '#f4f4f4' : b.rank === null ? DOUBT_TILE : MAP_CLASSES[classOf(b.value, breaks)]!,
    };
  });
  return {
    basis,
    tiles,
    cols: Math.max(...placed.map((d) => d.tile![0])) + 1,
    rows: Math.max(...placed.map((d) => d.tile![1])) + 1,
    breaks,
    year: result.year,
    years,
  };
}

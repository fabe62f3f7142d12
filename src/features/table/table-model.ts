// Rows and columns of the table view, before TanStack sorts, filters and hides.
import type { Meta } from '../../dataset/meta.ts';
import type { DataObservation } from '../../domain/obs-file.ts';
import type { ShownTable } from '../../domain/public-csv.ts';
import { barsFor, pointsFor, resolveBasis, type Point } from '../../domain/select.ts';
import type { Indicator } from '../../domain/types.ts';

export interface TableRow {
  district: string;
  cells: Record<string, Point | undefined>;
}

export interface TableColumn {
  id: string;
  /** Years mode: the year; indicators mode: the indicator. */
  year?: number;
  indicator: Indicator;
  basis: string;
}

export interface TableModel {
  columns: TableColumn[];
  rows: TableRow[];
}

/** Rows in the order of districts.csv; a position map, since indexOf in a comparator is quadratic. */
function byDistrictOrder(meta: Meta): (a: TableRow, b: TableRow) => number {
  const pos = new Map(meta.districts.map((d, i) => [d.id, i]));
  return (a, b) => (pos.get(a.district) ?? Infinity) - (pos.get(b.district) ?? Infinity);
}

/** Districts × years for one indicator and basis. */
export function yearsTable(rows: DataObservation[], meta: Meta, indicatorId: string, basisWanted: string | null): TableModel | null {
  const indicator = meta.indicator.get(indicatorId);
  if (!indicator) return null;
  const basis = resolveBasis(rows, indicatorId, basisWanted, meta.bases.map((b) => b.id)) ?? '';
  const points = pointsFor(rows, { indicator: indicatorId, basis, districts: null });
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const byDistrict = new Map<string, TableRow>();
  for (const p of points) {
    let r = byDistrict.get(p.district);
    if (!r) byDistrict.set(p.district, (r = { district: p.district, cells: {} }));
    r.cells[String(p.year)] = p;
  }
  return {
    columns: years.map((y) => ({ id: String(y), year: y, indicator, basis })),
    rows: [...byDistrict.values()].sort(byDistrictOrder(meta)),
  };
}

/** Districts × indicators for one year (or each district's latest), each in its most widely reported basis. */
export function indicatorsTable(rows: DataObservation[], meta: Meta, year: number | 'latest'): TableModel {
  const columns: TableColumn[] = [];
  const byDistrict = new Map<string, TableRow>();
  for (const indicator of meta.indicators) {
    const basis = resolveBasis(rows, indicator.id, null, meta.bases.map((b) => b.id));
    if (basis === null) continue;
    const points = pointsFor(rows, { indicator: indicator.id, basis, districts: null });
    const districts = [...new Set(points.map((p) => p.district))];
    const { bars } = barsFor(points, districts, year === 'latest' ? { mode: 'latest' } : { mode: 'year', year }, indicator);
    if (bars.length === 0) continue;
    columns.push({ id: indicator.id, indicator, basis });
    for (const b of bars) {
      let r = byDistrict.get(b.district);
      if (!r) byDistrict.set(b.district, (r = { district: b.district, cells: {} }));
      r.cells[indicator.id] = b.point;
    }
  }
  return { columns, rows: [...byDistrict.values()].sort(byDistrictOrder(meta)) };
}

/** "2021:desc" ⇄ TanStack sorting state. */
export function parseSort(s: string): { id: string; desc: boolean }[] {
  const m = /^(.+):(asc|desc)$/.exec(s);
  return m ? [{ id: m[1]!, desc: m[2] === 'desc' }] : [];
}

export function formatSort(sorting: { id: string; desc: boolean }[]): string {
  const s = sorting[0];
  return s ? `${s.id}:${s.desc ? 'desc' : 'asc'}` : '';
}

export interface ShownNames {
  /** Header of a column id ('district', 'group' or a value column). */
  header: (id: string) => string;
  district: (id: string) => string;
  group: (district: string) => string;
  flags: (flags: DataObservation['flags']) => string;
  /** Header of the flags column that follows a value column. */
  flagsHeader: (header: string) => string;
}

/**
 * The table exactly as shown — rows in their sorted, filtered order, the
 * visible columns in order — for download. Each value column is followed by
 * its flags when any shown cell has one, so a doubt never falls off in a
 * spreadsheet; an empty cell stays empty. Also the observations behind the
 * cells, in the same order, for the provenance CSV.
 */
export function shownTable(model: TableModel, rows: TableRow[], visible: string[], names: ShownNames): { table: ShownTable; observations: DataObservation[] } {
  const valueCols = new Set(model.columns.map((c) => c.id));
  const flagged = new Set(model.columns.filter((c) => rows.some((r) => (r.cells[c.id]?.obs.flags.length ?? 0) > 0)).map((c) => c.id));
  const columns: string[] = [];
  for (const id of visible) {
    columns.push(names.header(id));
    if (flagged.has(id)) columns.push(names.flagsHeader(names.header(id)));
  }
  const observations: DataObservation[] = [];
  const out = rows.map((r) => {
    const cells: (string | number | null)[] = [];
    for (const id of visible) {
      if (id === 'district') cells.push(names.district(r.district));
      else if (id === 'group') cells.push(names.group(r.district));
      else if (valueCols.has(id)) {
        const p = r.cells[id];
        cells.push(p ? p.value : null);
        if (p) observations.push(p.obs);
        if (flagged.has(id)) cells.push(p && p.obs.flags.length ? names.flags(p.obs.flags) : null);
      }
    }
    return cells;
  });
  return { table: { columns, rows: out }, observations };
}

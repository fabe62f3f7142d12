// Large indicators are also written in slices (each district's latest rows,
// and one file per year), and the compare chart fetches only the slices its
// state needs. That is only sound if the chart comes out exactly as from the
// whole file: built here with every indicator sliced, on the curated data and
// on synthetic data with more districts than the chart's cap.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexMeta, type Meta, type MetaFile } from '../../src/dataset/meta.ts';
import { joinSlices, sliceKeys } from '../../src/dataset/slices.ts';
import { formatIssue } from '../../src/domain/issues.ts';
import { decodeSlice, type DataObservation, type Manifest, type ObsSliceFile } from '../../src/domain/obs-file.ts';
import { buildDataset, indicatorSlices, SLICE_MIN_ROWS } from '../../src/domain/pipeline.ts';
import { basesOf, rowsNeeded } from '../../src/domain/select.ts';
import { compareModel } from '../../src/features/compare/compare-model.ts';
import { DEFAULT_STATE, type ViewState } from '../../src/state/view-state.ts';
import { fsDataFiles, sha256Hex } from '../../scripts/lib/data-files.ts';
import { generateProject } from '../../scripts/bench/generate.ts';
import { resolveScale } from '../../scripts/bench/scales.ts';
import { ROOT } from '../helpers/dataset.ts';

const work = mkdtempSync(join(tmpdir(), 'bvd-slices-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function built(root: string, sliceMinRows?: number) {
  const { issues, dataset, outputs } = buildDataset(fsDataFiles(root), sha256Hex, sliceMinRows === undefined ? {} : { sliceMinRows });
  expect(issues.map(formatIssue)).toEqual([]);
  const json = <T,>(path: string) => JSON.parse(new TextDecoder().decode(outputs!.get(path)!)) as T;
  const manifest = dataset!.manifest;
  const meta: Meta = indexMeta(json<MetaFile>(manifest.files.meta));
  const slice = (id: string, key: string) => {
    const s = manifest.files.slices![id]!;
    return decodeSlice(json<ObsSliceFile>(key === 'latest' ? s.latest : s.years[key]!));
  };
  const byIndicator = new Map<string, DataObservation[]>();
  for (const o of dataset!.observations) byIndicator.set(o.indicator, [...(byIndicator.get(o.indicator) ?? []), o]);
  return { manifest, meta, slice, byIndicator };
}

/** States a compare chart can be in, for one indicator. */
function states(id: string, rows: DataObservation[], meta: Meta): ViewState[] {
  const years = [...new Set(rows.map((o) => o.year))].sort((a, b) => a - b);
  const districts = [...new Set(rows.map((o) => o.district))].sort();
  const bases = [null, ...new Set(rows.map((o) => o.basis))];
  const picks: (string[] | null)[] = [null, districts.slice(0, 1), districts.filter((_, i) => i % 2 === 0), [...districts.slice(0, 2), 'nowhere']];
  const out: ViewState[] = [];
  const ranges: [number | null, number | null][] = [[null, null], [years[1] ?? null, null], [null, years[0] ?? null]];
  const at = (p: Partial<ViewState>) => out.push({ ...DEFAULT_STATE, indicator: id, refGroup: meta.groups.length > 1, ...p });
  for (const basis of bases)
    for (const districts of picks) {
      for (const [from, to] of ranges) at({ basis, districts, from, to });
      for (const year of [...years, 1900]) at({ basis, districts, year });
      for (const chart of ['bar', 'line'] as const) at({ basis, districts, chart, common: chart === 'bar', from: ranges[1]![0] });
    }
  return out;
}

function checkExact(name: string, b: ReturnType<typeof built>) {
  it(`${name}: every indicator's slices hold its rows, and its chart from the slices is the chart from the whole file`, { timeout: 60_000 }, () => {
    let checked = 0;
    for (const [id, all] of b.byIndicator) {
      const s = b.manifest.files.slices?.[id];
      expect(s, id).toBeDefined();
      // The years' slices together are the whole file (by year, each in the file's order); the latest slice is part of it.
      const years = Object.keys(s!.years).map((y) => b.slice(id, y));
      const byId = (xs: DataObservation[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(byId(joinSlices(years))).toEqual(byId(all));
      for (const y of years) expect(y.map((o) => o.id)).toEqual(all.filter((o) => o.year === y[0]!.year).map((o) => o.id));
      const ids = new Set(all.map((o) => o.id));
      expect(b.slice(id, 'latest').every((o) => ids.has(o.id))).toBe(true);
      expect(s!.bases).toEqual(basesOf(all, id, b.meta.bases.map((x) => x.id)));
      expect(s!.rows).toBe(all.length);
      for (const state of states(id, all, b.meta)) {
        const keys = sliceKeys(b.manifest, id, rowsNeeded(state))!;
        const rows = joinSlices(keys.map((k) => b.slice(id, k)));
        const fromSlices = compareModel(state, rows, b.meta, s);
        const fromWhole = compareModel(state, all, b.meta);
        // A one-year chart's model also lists the selection's points of every year it was given: only line charts
        // and the common-years mode read those, and they ask for every year.
        const drawn = (m: typeof fromWhole) => (m && m.chart === 'bar' && !state.common ? { ...m, points: [], years: [], common: [] } : m);
        expect(drawn(fromSlices), `${id} ${JSON.stringify(rowsNeeded(state))} ${JSON.stringify(state)}`).toEqual(drawn(fromWhole));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
}

describe('indicator slices', () => {
  checkExact('curated data', built(ROOT, 1));

  const dir = join(work, 't30');
  generateProject(resolveScale('T:30').synthetic!, dir);
  checkExact('30 synthetic districts (more than the chart draws)', built(dir, 1));

  it('a district whose bases end in different years keeps its latest rows in each basis', () => {
    const b = built(ROOT, 1);
    const id = 'dual_teacher_share';
    const base = b.byIndicator.get(id)!;
    expect(new Set(base.map((o) => o.basis)).size).toBeGreaterThan(1);
    // One basis of each district goes on three years longer, with a competing statement in one scope.
    const later = base.filter((o) => o.basis === base[0]!.basis).map((o, i) => ({ ...o, id: `later-${i}`, year: o.year + 3 }));
    const top = later.filter((o) => o.district === later[0]!.district).sort((x, y) => y.year - x.year).slice(0, 1);
    const rival = top.map((o) => ({ ...o, id: 'rival', value: o.value + 1, flags: ['conflict' as const], scope: 'public_schools' as const }));
    const all = [...base, ...later, ...rival];
    const { latest, years } = indicatorSlices(all);
    const yearsOfDistrictBasis = (rows: DataObservation[]) => new Set(rows.map((o) => `${o.district}|${o.basis}`));
    expect(yearsOfDistrictBasis(latest)).toEqual(yearsOfDistrictBasis(all));
    expect(latest.some((o) => o.id === 'rival')).toBe(true);
    const whole = { bases: basesOf(all, id, b.meta.bases.map((x) => x.id)) };
    for (const state of states(id, all, b.meta)) {
      const need = rowsNeeded(state);
      const lists = need.years === 'all' ? [...years.values()] : [latest, ...need.years.flatMap((y) => (years.has(y) ? [years.get(y)!] : []))];
      const m = compareModel(state, joinSlices(lists), b.meta, whole);
      const w = compareModel(state, all, b.meta);
      const drawn = (x: typeof w) => (x && x.chart === 'bar' && !state.common ? { ...x, points: [], years: [], common: [] } : x);
      expect(drawn(m), JSON.stringify(state)).toEqual(drawn(w));
    }
  });

  it('a small indicator comes whole; a large one also in slices', () => {
    const b = built(ROOT);
    expect(Math.max(...[...b.byIndicator.values()].map((r) => r.length))).toBeLessThan(SLICE_MIN_ROWS);
    expect(b.manifest.files.slices).toBeUndefined();
    expect(sliceKeys(b.manifest as Manifest, 'dual_teacher_share', { years: [] })).toBeNull();
  });

  it('asks for only what the chart draws', () => {
    expect(rowsNeeded(DEFAULT_STATE)).toEqual({ years: [] });
    expect(rowsNeeded({ ...DEFAULT_STATE, year: 2021 })).toEqual({ years: [2021] });
    expect(rowsNeeded({ ...DEFAULT_STATE, chart: 'line' })).toEqual({ years: 'all' });
    expect(rowsNeeded({ ...DEFAULT_STATE, common: true })).toEqual({ years: 'all' });
    expect(rowsNeeded({ ...DEFAULT_STATE, from: 2019 })).toEqual({ years: 'all' });
  });
});

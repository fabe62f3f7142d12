import { describe, expect, it } from 'vitest';
import type { DataObservation } from '../../domain/obs-file.ts';
import { toTableCsv } from '../../domain/public-csv.ts';
import { pointsFor } from '../../domain/select.ts';
import type { Indicator } from '../../domain/types.ts';
import type { FlagId } from '../../domain/vocab.ts';
import { shownTable, type TableModel } from './table-model.ts';

const obs = (district: string, year: number, value: number, flags: FlagId[] = []): DataObservation => ({
  id: `${district}${year}`, district, year, value, period: '', indicator: 'x', basis: '', scope: '', source: 's', locator: '', quote: '',
  flags, formula: '', inputs: [], noteZh: '', noteEn: '', span: null, n: null,
});

describe('the table as shown, for download', () => {
  const pts = pointsFor([obs('a', 2021, 1.5), obs('b', 2021, -2, ['conflict']), obs('b', 2022, 3)], { indicator: 'x', basis: '', districts: null });
  const ind = { id: 'x' } as Indicator;
  const model: TableModel = {
    columns: [2021, 2022].map((y) => ({ id: String(y), year: y, indicator: ind, basis: '' })),
    rows: ['a', 'b'].map((d) => ({ district: d, cells: Object.fromEntries(pts.filter((p) => p.district === d).map((p) => [String(p.year), p])) })),
  };
  const names = {
    header: (id: string) => (id === 'district' ? 'District' : id),
    district: (id: string) => id.toUpperCase(),
    group: () => 'g',
    flags: (f: FlagId[]) => f.join('+'),
    flagsHeader: (h: string) => `${h} flags`,
  };

  it('keeps the rows in the order given, only the visible columns, flags after a flagged column, gaps empty', () => {
    const { table, observations } = shownTable(model, [model.rows[1]!, model.rows[0]!], ['district', '2021', '2022'], names);
    expect(table.columns).toEqual(['District', '2021', '2021 flags', '2022']);
    expect(table.rows).toEqual([
      ['B', -2, 'conflict', 3],
      ['A', 1.5, null, null],
    ]);
    expect(observations.map((o) => o.id)).toEqual(['b2021', 'b2022', 'a2021']);
    const hidden = shownTable(model, model.rows, ['district', '2022'], names);
    expect(hidden.table.columns).toEqual(['District', '2022']);
  });

  it('writes CSV with a BOM, CRLF, numbers as numbers (a negative is not taken for a formula) and empty gaps', () => {
    const { table } = shownTable(model, model.rows, ['district', '2021', '2022'], { ...names, district: (id) => (id === 'a' ? '=A' : 'B') });
    expect(toTableCsv(table)).toBe("\uFEFFDistrict,2021,2021 flags,2022\r\n\"'=A\",1.5,,\r\nB,-2,conflict,3\r\n");
  });
});

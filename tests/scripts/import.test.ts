// The in-browser import's core, on fixtures for every rejection reason. It
// judges rows with the same module as the build (validate.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCsv, minimalDistrict, rejectedCsvRows } from '../../src/domain/import.ts';
import { indexSource } from '../../src/domain/quotes.ts';
import { curatedDataset, ROOT } from '../helpers/dataset.ts';

const ds = curatedDataset();
const sourceIndex = (id: string) => (ds.sourceTexts.has(id) ? indexSource(ds.sourceTexts.get(id)!) : undefined);
const fixture = (f: string) => new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/import', f)));
const run = (f: string, bytes = fixture(f)) => importCsv(bytes, f, ds.refs, { sourceIndex });

describe('rows', () => {
  const r = run('rows.csv');
  const expected = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/import/rows.expected.json'), 'utf8')) as { line: number; field: string }[];

  it('accepts good rows and marks them imported, with user data where no known report is cited', () => {
    expect(r.fileError).toBeNull();
    expect(r.accepted.map((o) => [o.district, o.indicator, o.value, o.source])).toEqual([
      ['haidian', 'intake', 1200, ''],
      ['haidian', 'enrolment', 3400, 'my-own-survey'],
      ['changping', 'enrolment', 3150, 'changping-2023'],
    ]);
    for (const o of r.accepted) expect(o.flags).toContain('imported');
    expect(new Set(r.accepted.map((o) => o.id)).size).toBe(3);
  });

  it('refuses every bad row with its line, field and reason; none is dropped silently', () => {
    expect(r.rejected.map((x) => ({ line: x.line, field: x.field }))).toEqual(expected);
    expect(r.accepted.length + r.rejected.length).toBe(r.rows);
    expect(r.rejected.find((x) => x.line === 8)!.reason).toContain("'无' is not a number");
    expect(r.rejected.find((x) => x.line === 14)!.reason).toContain('not found verbatim');
    expect(r.unknownDistricts).toEqual(['atlantis']);
    expect(r.unknownIndicators).toEqual(['happiness']);
  });

  it('offers the refused rows back as CSV with a reason column', () => {
    const { fields, data } = rejectedCsvRows(r);
    expect(fields.slice(-2)).toEqual(['line', 'reason']);
    expect(data).toHaveLength(expected.length);
    expect(data[0]!.slice(0, 4)).toEqual(['atlantis', '2022', 'intake', '10']);
    expect(data[0]!.at(-1)).toBe("district: unknown district 'atlantis'");
  });

  it('accepts an unknown district once the user adds a minimal entry for it', () => {
    const refs = { ...ds.refs, districts: new Map([...ds.refs.districts, ['atlantis', minimalDistrict('atlantis')]]) };
    const again = importCsv(fixture('rows.csv'), 'rows.csv', refs, { sourceIndex });
    expect(again.accepted.some((o) => o.district === 'atlantis')).toBe(true);
    expect(again.unknownDistricts).toEqual([]);
  });
});

describe('whole-file problems get one clear message', () => {
  it.each([
    ['empty.csv', 'empty'],
    ['gbk.csv', 'not-utf8:2'],
    ['notes.pdf', 'not-csv'],
    ['wrong-header.csv', 'not-observations'],
  ])('%s', (f, error) => {
    expect(run(f).fileError).toBe(error);
  });

  it('a file over the size limit', () => {
    const big = new Uint8Array(21 * 1024 * 1024).fill(0x41);
    expect(importCsv(big, 'big.csv', ds.refs, { sourceIndex }).fileError).toBe('too-large:20971520');
  });

  it('a misspelt header column', () => {
    const bytes = new TextEncoder().encode('district,year,indicator,valeu\nhaidian,2022,intake,10\n');
    expect(run('x.csv', bytes).fileError).toBe("header:unknown column 'valeu' (did you mean 'value'?); missing column 'value'");
  });
});

it('reads districts and indicators tables to extend the vocabulary', () => {
  expect(run('districts.csv').districts.map((d) => [d.id, d.nameZh])).toEqual([['xiongan', '雄安新区']]);
  expect(run('indicators.csv').indicators.map((i) => [i.id, i.unit])).toEqual([['internship_rate', 'percent']]);
});

it('imports the published observations.csv back without a single rejection', () => {
  const csv = readFileSync(join(ROOT, 'public/data/observations.csv'));
  const r = run('observations.csv', new Uint8Array(csv));
  expect(r.rejected).toEqual([]);
  expect(r.accepted).toHaveLength(ds.observations.length);
});

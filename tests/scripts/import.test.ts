// The in-browser import's core, on fixtures for every rejection reason. It
// judges rows with the same module as the build (validate.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCsv, minimalDistrict, rejectedCsvRows, type ImportResult } from '../../src/domain/import.ts';
import { indexSource } from '../../src/domain/quotes.ts';
import { ISSUE_ZH } from '../../src/i18n/issue-messages.ts';
import { curatedDataset, ROOT } from '../helpers/dataset.ts';

const ds = curatedDataset();
const sourceIndex = (id: string) => (ds.sourceTexts.has(id) ? indexSource(ds.sourceTexts.get(id)!) : undefined);
const fixture = (f: string) => new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/import', f)));
const run = (f: string, bytes = fixture(f)) => importCsv(bytes, f, ds.refs, { sourceIndex });
/** As the app runs it: beside the bundled observations. */
const runBeside = (f: string, bytes = fixture(f)) => importCsv(bytes, f, ds.refs, { sourceIndex, bundled: () => ds.observations });
const codes = (r: ImportResult, line: number) => r.rejected.find((x) => x.line === line)?.issues.map((i) => i.code);

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

it('every refusal in the fixtures carries a code the interface can translate', () => {
  for (const f of ['rows.csv', 'between-rows.csv', 'districts.csv', 'indicators.csv']) {
    const r = runBeside(f);
    for (const x of r.rejected) for (const i of x.issues) expect(i.code && ISSUE_ZH[i.code], `${f}:${x.line}: ${i.field}: ${i.message}`).toBeTruthy();
  }
  const header = run('x.csv', new TextEncoder().encode('district,year,indicator,valeu\nhaidian,2022,intake,10\n'));
  expect(header.fileIssues.map((i) => i.code)).toEqual(['header.unknownGuess', 'header.missing']);
});

it('reads districts and indicators tables to extend the vocabulary', () => {
  expect(run('districts.csv').districts.map((d) => [d.id, d.nameZh])).toEqual([['xiongan', '雄安新区']]);
  expect(run('indicators.csv').indicators.map((i) => [i.id, i.unit])).toEqual([['internship_rate', 'percent']]);
});

it('imports the published observations.csv back without a single rejection, by itself', () => {
  const csv = readFileSync(join(ROOT, 'public/data/observations.csv'));
  const r = run('observations.csv', new Uint8Array(csv));
  expect(r.rejected).toEqual([]);
  expect(r.accepted).toHaveLength(ds.observations.length);
});

it('beside the bundled data, the published observations.csv is recognised row for row as already there', () => {
  const csv = readFileSync(join(ROOT, 'public/data/observations.csv'));
  const r = runBeside('observations.csv', new Uint8Array(csv));
  expect(r.accepted).toEqual([]);
  expect(r.rejected).toHaveLength(ds.observations.length);
  for (const x of r.rejected) expect(x.issues.map((i) => i.code)).toContain('import.duplicateOfBundled');
});

describe('rows against each other and against the bundled data (the build\'s rules)', () => {
  const r = runBeside('between-rows.csv');
  const reason = (line: number) => r.rejected.find((x) => x.line === line)!.reason;

  it('accepts distinct statements, agreeing restatements and flagged conflicts', () => {
    expect(r.fileError).toBeNull();
    expect(r.rows).toBe(16);
    expect(r.accepted.map((o) => [o.district, o.year, o.indicator, o.value, o.locator])).toEqual([
      ['haidian', 2021, 'enrolment', 3400, ''],
      ['haidian', 2021, 'enrolment', 3400, '问卷'],
      ['haidian', 2021, 'graduates', 900, '表 1'],
      ['haidian', 2021, 'graduates', 950, '表 2'],
      ['changping', 2022, 'graduates', 600, '问卷'],
      ['changping', 2022, 'intake', 1061, '问卷'],
    ]);
    expect(r.accepted.length + r.rejected.length).toBe(r.rows);
  });

  it('refuses two disagreeing statements of one quantity, both, each naming the other line', () => {
    expect(codes(r, 2)).toEqual(['import.disagreesWithLine']);
    expect(reason(2)).toContain('value 1 disagrees with 2 on line 3');
    expect(codes(r, 3)).toEqual(['import.duplicateOfLine', 'import.disagreesWithLine']);
    expect(reason(3)).toContain('value 2 disagrees with 1 on line 2');
  });

  it('refuses exact duplicates after the first, and an unflagged row disagreeing with flagged ones', () => {
    expect(codes(r, 5)).toEqual(['import.duplicateOfLine']);
    expect(codes(r, 6)).toEqual(['import.duplicateOfLine']);
    expect(reason(6)).toMatch(/^duplicate of line 4 /);
    expect(codes(r, 10)).toEqual(['import.disagreesWithLine']);
    expect(reason(10)).toContain('value 980 disagrees with 900 on line 8');
  });

  it('refuses a conflict flag with nothing to conflict with', () => {
    expect(codes(r, 11)).toEqual(['import.lonelyConflict']);
  });

  it('refuses a row already in the bundled data, and one contradicting it unflagged', () => {
    expect(codes(r, 12)).toEqual(['import.duplicateOfBundled']);
    expect(reason(12)).toContain('already in the bundled data (changping-2023, 表 1-1, value 3150)');
    expect(codes(r, 13)).toEqual(['import.disagreesWithBundled']);
    expect(reason(13)).toContain('value 2700 disagrees with the bundled value 2751 (changping-2023, 表 1-1)');
  });

  it('refuses values off by a power of ten, 100 for a quote saying 1 included', () => {
    expect(codes(r, 16)).toEqual(['value.powerOfTen']);
    expect(reason(16)).toContain('the quote states 1, and 100 is that × 100');
    expect(codes(r, 17)).toEqual(['value.powerOfTen']);
    expect(reason(17)).toContain('the quote states 848, and 8480 is that × 10');
  });

  it('without the bundled data, only the file\'s own rows are compared', () => {
    const alone = run('between-rows.csv');
    for (const line of [12, 13]) expect(alone.rejected.some((x) => x.line === line)).toBe(false);
    // The conflict flagged against the bundled value has nothing to disagree with in the file alone.
    expect(codes(alone, 14)).toEqual(['import.lonelyConflict']);
  });
});

describe('a file of one row repeated 166,400 times', () => {
  const row = 'haidian,2021,intake,1200';
  const bytes = new TextEncoder().encode(`district,year,indicator,value\n${`${row}\n`.repeat(166_400)}`);

  it('keeps the first and refuses every other one as its duplicate, line by line', { timeout: 120_000 }, () => {
    const r = importCsv(bytes, 'same.csv', ds.refs, { sourceIndex, bundled: () => ds.observations });
    expect(r.rows).toBe(166_400);
    expect(r.accepted).toHaveLength(1);
    expect(r.rejected).toHaveLength(166_399);
    expect(r.rejected[0]).toMatchObject({ line: 3, field: '(row)' });
    expect(r.rejected.at(-1)).toMatchObject({ line: 166_401, field: '(row)' });
    expect(r.rejected.every((x) => x.issues.length === 1 && x.issues[0]!.code === 'import.duplicateOfLine' && x.issues[0]!.params!.line === 2)).toBe(true);
  });
});

it('one quantity stated with 30,000 different values is judged in one pass, not pairwise', { timeout: 120_000 }, () => {
  // Pairwise comparison would be 900 million comparisons here (minutes); the early exit needs about one per row.
  const lines = Array.from({ length: 30_000 }, (_, i) => `haidian,2021,employment_rate,${(50 + i / 1000).toFixed(3)},,表 ${i},conflict`);
  const bytes = new TextEncoder().encode(`district,year,indicator,value,source,locator,flags\n${lines.join('\n')}\n`);
  const r = importCsv(bytes, 'many.csv', ds.refs, { sourceIndex });
  expect(r.rejected).toEqual([]);
  expect(r.accepted).toHaveLength(30_000);
});

describe('cell and row limits', () => {
  it('refuses a 10 MB note with one short message naming the limit, and keeps the other rows', () => {
    const note = 'x'.repeat(10 * 1024 * 1024);
    const text = `district,year,indicator,value,note_en\nhaidian,2021,intake,1200,"${note}"\nhaidian,2022,intake,1300,fine\n`;
    const r = importCsv(new TextEncoder().encode(text), 'long.csv', ds.refs, { sourceIndex, maxBytes: 11 * 1024 * 1024 });
    expect(r.accepted.map((o) => o.value)).toEqual([1300]);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]!.issues.map((i) => [i.field, i.code])).toEqual([
      ['note_en', 'cell.tooLong'],
      ['(row)', 'row.tooLong'],
    ]);
    expect(r.rejected[0]!.reason).toContain('note_en: is 10485760 characters long; the limit for note_en is 2000');
    expect(r.rejected[0]!.reason.length).toBeLessThan(300);
  });

  it('refuses a row whose cells together pass the row limit, each cell within its own', () => {
    const long = 'y'.repeat(1900);
    const cells = ['haidian', '2021', 'intake', '1200', long, long, long, long, long];
    const header = 'district,year,indicator,value,quote,note_zh,note_en,district_zh,inputs';
    const r = importCsv(new TextEncoder().encode(`${header}\n${cells.join(',')}\n`), 'row.csv', ds.refs, { sourceIndex });
    expect(r.rejected.map((x) => x.issues.map((i) => `${i.field} ${i.code}`))).toEqual([['district_zh cell.tooLong', '(row) row.tooLong']]);
  });
});

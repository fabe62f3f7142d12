import { describe, expect, it } from 'vitest';
import { readReferenceData } from './dataset.ts';
import { indexSource } from './quotes.ts';
import { fakeSha, miniProject, SOURCE_TEXT } from './testing.ts';
import { FIELD_LIMITS, ROW_LIMIT, TEXT_LIMIT } from './limits.ts';
import type { Observation } from './types.ts';
import { compareStatements, readObservation, type ValidationOptions } from './validate.ts';

const refs = readReferenceData(miniProject([]), fakeSha, []).refs;
const index = indexSource(SOURCE_TEXT);
const at = { file: 'mine.csv', line: 7 };
const importing: ValidationOptions = { mode: 'import', sourceIndex: (id) => (id === 'r1' ? index : undefined) };
const curating: ValidationOptions = { ...importing, mode: 'curated' };

describe('import mode', () => {
  it('accepts a user row without source or quote and marks it imported', () => {
    const { obs, issues } = readObservation({ district: 'd1', year: '2024', indicator: 'enrolment', value: '1200' }, at, refs, importing);
    expect(issues).toEqual([]);
    expect(obs).toMatchObject({ district: 'd1', year: 2024, value: 1200, source: '', flags: ['imported'] });
  });

  it('judges values, years and ids like the build does', () => {
    const { obs, issues } = readObservation(
      { district: 'zz', year: '1800', indicator: 'employment_rate', value: '101', unit: 'persons' },
      at,
      refs,
      importing,
    );
    expect(obs).toBeNull();
    expect(issues.map((i) => `${i.line}:${i.field}`)).toEqual(['7:district', '7:year', '7:value', '7:unit']);
  });

  it('still checks a quote that cites a bundled report', () => {
    const { issues } = readObservation(
      { district: 'd1', year: '2022', indicator: 'enrolment', value: '3150', source: 'r1', quote: '在校生共 3150 人' },
      at,
      refs,
      importing,
    );
    expect(issues.map((i) => i.field)).toEqual(['quote']);
  });
});

describe('curated mode', () => {
  it('requires the citation fields', () => {
    const { issues } = readObservation({ district: 'd1', year: '2022', indicator: 'enrolment', value: '3150' }, at, refs, curating);
    expect(issues.map((i) => `${i.field}: ${i.message}`)).toEqual(['source: is empty', 'locator: is empty', 'quote: is empty']);
  });

  it('refuses a scoped row without partial_scope and a formula on an underived row', () => {
    const { issues } = readObservation(
      { district: 'd1', year: '2022', indicator: 'enrolment', value: '3150', source: 'r1', locator: 'x', quote: '在校生 3150 人', scope: 'public_schools', formula: '3150' },
      at,
      refs,
      curating,
    );
    expect(issues.map((i) => i.field)).toEqual(['flags', 'formula']);
  });

  it('gives a row the span of its quote in the source text', () => {
    const { obs } = readObservation(
      { district: 'd1', year: '2022', indicator: 'enrolment', value: '3150', source: 'r1', locator: 'x', quote: '在校生 3150 人' },
      at,
      refs,
      curating,
    );
    expect(SOURCE_TEXT.slice(...obs!.span!)).toBe('在校生 3150 人');
  });
});

describe('numbers in quotes, in both modes', () => {
  it('refuses a value a power of ten off its quote and names the slip', () => {
    for (const opts of [importing, curating]) {
      const { issues } = readObservation(
        { district: 'd1', year: '2022', indicator: 'enrolment', value: '31500', source: 'r1', locator: 'x', quote: '在校生 3150 人' },
        at,
        refs,
        opts,
      );
      expect(issues.map((i) => [i.field, i.code, i.params])).toEqual([['value', 'value.powerOfTen', { value: 31500, number: '3150', factor: '10' }]]);
    }
  });

  it('checks a derived row\'s formula numbers as numbers, not digits', () => {
    const row = { district: 'd1', year: '2022', indicator: 'enrolment', source: 'r1', locator: 'x', quote: '在校生 3150 人', flags: 'derived' };
    expect(readObservation({ ...row, value: '3150', formula: '3150 * 1' }, at, refs, curating).issues).toEqual([]);
    const slipped = readObservation({ ...row, value: '31500', formula: '31500 * 1' }, at, refs, curating).issues;
    expect(slipped.map((i) => [i.code, i.params])).toEqual([['formula.numbersNotInQuote', { numbers: '31500' }]]);
  });
});

describe('cell limits, in both modes', () => {
  it('refuses a 10 MB note with one short message naming the field and the limit', () => {
    const note = '注'.repeat(10 * 1024 * 1024);
    for (const opts of [importing, curating]) {
      const cells = { district: 'd1', year: '2022', indicator: 'enrolment', value: '3150', source: 'r1', locator: 'x', quote: '在校生 3150 人', note_zh: note };
      const rowLength = Object.values(cells).join(',').length;
      const { obs, issues } = readObservation(cells, at, refs, opts);
      expect(obs).toBeNull();
      expect(issues.map((i) => `${i.field}: ${i.message}`)).toEqual([
        `note_zh: is ${note.length} characters long; the limit for note_zh is ${TEXT_LIMIT}`,
        `(row): is ${rowLength} characters long; the limit for one row is ${ROW_LIMIT}`,
      ]);
    }
  });

  it('takes a cell exactly at its limit', () => {
    const { issues } = readObservation({ district: 'd1', year: '2024', indicator: 'enrolment', value: '1200', locator: 'l'.repeat(FIELD_LIMITS.locator!) }, at, refs, importing);
    expect(issues).toEqual([]);
  });
});

describe('rows against each other (compareStatements)', () => {
  const row = (value: number, extra: Partial<Observation> = {}): Observation => ({
    id: '', district: 'd1', year: 2022, period: '', indicator: 'enrolment', value, basis: '', scope: '', source: 'r1', locator: 'x',
    quote: '', flags: [], formula: '', inputs: [], noteZh: '', noteEn: '', span: null, ...extra,
  });

  it('reports every row after the first with the same row key, naming the first', () => {
    const f = compareStatements([row(5), row(5), row(5), row(5, { locator: 'y' })], () => true);
    expect(f).toEqual([
      { kind: 'duplicate', row: 1, other: 0 },
      { kind: 'duplicate', row: 2, other: 0 },
    ]);
  });

  it('reports each unflagged row disagreeing with another statement, and conflict flags with nothing to disagree with', () => {
    const rows = [row(87), row(87.4, { locator: 'y' }), row(87.6, { locator: 'z', flags: ['conflict'] }), row(3, { year: 2021, flags: ['conflict'] })];
    // 87 and 87.4 agree at whole numbers; 87.6 rounds to 88 and disagrees with both.
    expect(compareStatements(rows, () => true)).toEqual([
      { kind: 'disagrees', row: 0, other: 2 },
      { kind: 'disagrees', row: 1, other: 2 },
      { kind: 'lonely_conflict', row: 3 },
    ]);
  });

  it('compares with every row but reports only the rows asked about', () => {
    const rows = [row(5), row(6, { source: '' }), row(5, { source: '' })];
    expect(compareStatements(rows, (i) => i > 0)).toEqual([
      { kind: 'duplicate', row: 2, other: 1 },
      { kind: 'disagrees', row: 1, other: 0 },
      { kind: 'disagrees', row: 2, other: 1 },
    ]);
  });
});

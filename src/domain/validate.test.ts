import { describe, expect, it } from 'vitest';
import { readReferenceData } from './dataset.ts';
import { indexSource } from './quotes.ts';
import { fakeSha, miniProject, SOURCE_TEXT } from './testing.ts';
import { readObservation, type ValidationOptions } from './validate.ts';

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

import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { SOURCE_SPEC } from '../schema.ts';
import type { ReferenceData, Source } from '../types.ts';
import { extractCandidates } from './extract.ts';
import { appendRows, candidateRow, checkReviewedRows, rowsToCsv, sourceRow, SOURCES_COLUMNS, yearSpan } from './review.ts';
import { testLexicon } from './test-lexicon.ts';
import { PROJECT_TEXTS } from './test-lexicon.ts';
import { parseCsv } from '../csv.ts';
import { BASIS_SPEC, DISTRICT_SPEC, INDICATOR_SPEC } from '../schema.ts';

const TEXT = '北京市顺义区中等职业教育质量年度报告（2024）\n\n2023年12月\n\n2023年，全区中职学校招生总数1100人，“双师型”教师比例为61%，其中民办学校招生120人。\n';
const ex = extractCandidates(TEXT, testLexicon());

function refs(): ReferenceData {
  const read = <T extends { id: string }>(text: string, spec: { read: (r: never, f: string, i: never[]) => T | null }) =>
    new Map(parseCsv(text, 'x', spec as never).table.records.map((r) => spec.read(r as never, 'x', [])).filter((x): x is T => x !== null).map((x) => [x.id, x]));
  const source: Source = {
    id: 'shunyi-2024', district: 'shunyi', title: 't', titleEn: '', titleYear: 2024, published: '', publisher: '', file: 'shunyi-2024.txt', originalFile: '', sha256: 'x',
    yearMin: 2020, yearMax: 2024, added: '', noteZh: '', noteEn: '',
  };
  return {
    groups: new Map(),
    districts: read(PROJECT_TEXTS.districts, DISTRICT_SPEC as never),
    indicators: read(PROJECT_TEXTS.indicators, INDICATOR_SPEC as never),
    bases: read(PROJECT_TEXTS.bases, BASIS_SPEC as never),
    sources: new Map([[source.id, source]]),
  };
}

describe('rows for the curated files', () => {
  it('unreviewed rows say needs_review in both notes; reviewed ones keep the notes as they are', () => {
    const c = ex.candidates[0]!;
    expect(candidateRow(c, { reviewed: false }).note_en.startsWith('needs_review: ')).toBe(true);
    expect(candidateRow(c, { reviewed: false }).note_zh.startsWith('待核对：')).toBe(true);
    expect(candidateRow(c, { reviewed: true }).note_en).toBe(c.noteEn);
  });

  it('appending keeps every existing row byte for byte and leaves out rows already there', () => {
    const rows = ex.candidates.map((c) => candidateRow(c, { reviewed: true }));
    const existing = rowsToCsv(rows.slice(0, 1)).replace(/\n/g, '\r\n');
    const { text, added, skipped } = appendRows(existing, rows);
    expect(text.startsWith(existing)).toBe(true);
    expect([added, skipped]).toEqual([rows.length - 1, 1]);
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(rows.length);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('the sources.csv row has the columns SOURCE_SPEC reads, in the file order', () => {
    const { header, row } = sourceRow({ id: 'shunyi-2024', district: 'shunyi', title: '标题，含逗号', titleYear: 2024, file: 'shunyi-2024.txt', originalFile: 'a.txt', sha256: 'ab', yearMin: 2022, yearMax: 2024, added: '2026-12-02' });
    expect(header.split(',')).toEqual([...SOURCES_COLUMNS]);
    for (const c of SOURCE_SPEC.required) expect(SOURCES_COLUMNS as readonly string[]).toContain(c);
    const cells = Papa.parse<string[]>(row).data[0]!;
    expect(cells[2]).toBe('标题，含逗号');
    expect(cells).toHaveLength(SOURCES_COLUMNS.length);
    expect(yearSpan([{ year: '2021' }, { year: '2023' }], 2024, 2023)).toEqual([2021, 2024]);
  });
});

describe('checking reviewed rows as the build would', () => {
  it('passes rows the build accepts and names each problem with its row', () => {
    const rows = ex.candidates.map((c) => candidateRow(c, { reviewed: true }));
    expect(checkReviewedRows(rows, refs(), TEXT, [], 'data/observations/shunyi-2024.csv')).toEqual([]);
    // A value not in its quote, and a partial scope without its flag's note.
    const bad = rows.map((r, i) => (i === 0 ? { ...r, value: '1200' } : r.scope ? { ...r, note_en: '', note_zh: '' } : r));
    const problems = checkReviewedRows(bad, refs(), TEXT, [], 'data/observations/shunyi-2024.csv');
    expect(problems.some((p) => p.row === 0 && p.field === 'value')).toBe(true);
    const scoped = rows.findIndex((r) => r.scope === 'private_schools');
    expect(problems.some((p) => p.row === scoped && p.field.startsWith('note'))).toBe(true);
  });
});

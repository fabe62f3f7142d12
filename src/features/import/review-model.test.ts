import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../domain/extract/extract.ts';
import { testLexicon } from '../../domain/extract/test-lexicon.ts';
import type { Observation } from '../../domain/types.ts';
import { acceptedRows, bundledMatches, counts, initialReview, reviewReducer, sourceIdFor, type ReviewAction, type ReviewState } from './review-model.ts';

const TEXT = '北京市顺义区中等职业教育质量年度报告（2024）\n\n2023年12月\n\n2023年，全区中职学校招生总数1100人，在校生3050人，毕业生总数为980人。\n';
const ex = extractCandidates(TEXT, testLexicon());
const start = () => initialReview(ex.candidates, ex.district, ex.titleYear, sourceIdFor(ex.district, ex.titleYear));
const run = (s: ReviewState, ...actions: ReviewAction[]) => actions.reduce(reviewReducer, s);

describe('the review workbench state', () => {
  it('starts with every candidate to review, the source id from district and title year', () => {
    const s = start();
    expect(s.items.map((i) => i.row.indicator)).toEqual(['intake', 'enrolment', 'graduates']);
    expect(counts(s)).toEqual({ pending: 3, accepted: 0, rejected: 0 });
    expect(s.source).toBe('shunyi-2024');
    // Reviewed rows carry the candidate's notes without the needs_review mark.
    expect(s.items[0]!.row.note_en).not.toContain('needs_review');
  });

  it('accept and reject move on to the next undecided candidate; undo makes one undecided again', () => {
    let s = run(start(), { type: 'accept' });
    expect(s.active).toBe(1);
    s = run(s, { type: 'reject' });
    expect([s.active, counts(s)]).toEqual([2, { pending: 1, accepted: 1, rejected: 1 }]);
    s = run(s, { type: 'move', by: -1 }, { type: 'undo' });
    expect(s.items[1]!.status).toBe('pending');
    // Moving stops at the ends.
    expect(run(s, { type: 'move', by: -9 }).active).toBe(0);
    expect(run(s, { type: 'move', by: 9 }).active).toBe(2);
  });

  it('an edit is saved into the row, marks it edited and accepts it; cancel keeps the row', () => {
    let s = run(start(), { type: 'edit' }, { type: 'cancel' });
    expect(s.items[0]!.status).toBe('pending');
    s = run(s, { type: 'edit' }, { type: 'save', row: { value: '1101', note_en: 'typo in the report: 1101 in Table 1' } });
    expect(s.items[0]).toMatchObject({ status: 'accepted', edited: true, row: { value: '1101', note_en: 'typo in the report: 1101 in Table 1' } });
    expect(s.editing).toBe(false);
    // While editing, keys that decide or move do nothing.
    const e = run(s, { type: 'move', by: 1 }, { type: 'edit' }, { type: 'move', by: 1 }, { type: 'reject' });
    expect([e.active, e.items[1]!.status]).toEqual([1, 'pending']);
    expect(acceptedRows(s).rows.map((r) => r.value)).toEqual(['1101']);
  });

  it('choosing the district renames the source and every row', () => {
    const s = run(start(), { type: 'district', district: 'daxing' });
    expect(s.source).toBe('daxing-2024');
    expect(s.items.every((i) => i.row.district === 'daxing' && i.row.source === 'daxing-2024')).toBe(true);
  });

  it('a bundled row of the same quantity is either the same value or a conflict', () => {
    const s = start();
    const row = s.items[0]!.row;
    const bundled = (value: number, flags: Observation['flags'] = []): Observation => ({
      id: 'x', district: 'shunyi', year: 2023, period: '', indicator: 'intake', value, basis: '', scope: '', source: 'shunyi-2023', locator: '表 1', quote: '', flags, formula: '', inputs: [], noteZh: '', noteEn: '', span: null,
    });
    expect(bundledMatches(row, [bundled(1100)]).map((m) => m.kind)).toEqual(['same']);
    expect(bundledMatches(row, [bundled(1061)]).map((m) => m.kind)).toEqual(['conflict']);
    expect(bundledMatches(row, [bundled(1061, ['derived'])])).toEqual([]);
    expect(bundledMatches({ ...row, year: '2022' }, [bundled(1061)])).toEqual([]);
  });
});

// The review workbench's state, without React: each candidate accepted,
// edited or rejected, the one in focus, and what the reviewed rows become.
import type { Candidate } from '../../domain/extract/candidate.ts';
import { candidateRow, type CuratedRow } from '../../domain/extract/review.ts';
import { quantityKey, type Observation } from '../../domain/types.ts';

export type ReviewStatus = 'pending' | 'accepted' | 'rejected';

export interface ReviewItem {
  candidate: Candidate;
  status: ReviewStatus;
  /** The row as it will be written, with the reviewer's edits. */
  row: CuratedRow;
  edited: boolean;
}

export interface ReviewState {
  items: ReviewItem[];
  active: number;
  editing: boolean;
  district: string;
  source: string;
  titleYear: number | null;
}

export type ReviewAction =
  | { type: 'move'; by: number }
  | { type: 'focus'; index: number }
  | { type: 'accept' }
  | { type: 'reject' }
  | { type: 'undo' }
  | { type: 'edit' }
  | { type: 'cancel' }
  | { type: 'save'; row: Partial<CuratedRow> }
  | { type: 'district'; district: string };

export function initialReview(candidates: Candidate[], district: string, titleYear: number | null, source: string): ReviewState {
  return {
    items: candidates.map((candidate) => ({ candidate, status: 'pending', row: withSource(candidateRow(candidate, { reviewed: true }), district, source), edited: false })),
    active: 0,
    editing: false,
    district,
    source,
    titleYear,
  };
}

function withSource(row: CuratedRow, district: string, source: string): CuratedRow {
  return { ...row, district, source };
}

/** The source id a report of this district and title year gets. */
export function sourceIdFor(district: string, titleYear: number | null): string {
  return district && titleYear ? `${district}-${titleYear}` : '';
}

const clamp = (n: number, len: number) => Math.max(0, Math.min(len - 1, n));

export function reviewReducer(s: ReviewState, a: ReviewAction): ReviewState {
  const set = (patch: Partial<ReviewItem>) => ({ ...s, items: s.items.map((it, i) => (i === s.active ? { ...it, ...patch } : it)) });
  switch (a.type) {
    case 'move':
      return s.editing || s.items.length === 0 ? s : { ...s, active: clamp(s.active + a.by, s.items.length) };
    case 'focus':
      return s.editing ? s : { ...s, active: clamp(a.index, s.items.length) };
    case 'accept':
    case 'reject': {
      if (s.editing || s.items.length === 0) return s;
      const next = set({ status: a.type === 'accept' ? 'accepted' : 'rejected' });
      // Go on to the next undecided candidate, as a reviewer reads down the list.
      const after = next.items.findIndex((it, i) => i > s.active && it.status === 'pending');
      return { ...next, active: after >= 0 ? after : s.active };
    }
    case 'undo':
      return s.editing || s.items.length === 0 ? s : set({ status: 'pending' });
    case 'edit':
      return s.items.length === 0 ? s : { ...s, editing: true };
    case 'cancel':
      return { ...s, editing: false };
    case 'save': {
      if (!s.editing) return s;
      const cur = s.items[s.active]!;
      const row = { ...cur.row, ...a.row };
      const next = set({ row, edited: JSON.stringify(row) !== JSON.stringify(candidateRowOf(cur, s)), status: 'accepted' });
      return { ...next, editing: false };
    }
    case 'district': {
      const source = sourceIdFor(a.district, s.titleYear) || s.source;
      return { ...s, district: a.district, source, items: s.items.map((it) => ({ ...it, row: withSource(it.row, a.district, source) })) };
    }
  }
}

function candidateRowOf(it: ReviewItem, s: ReviewState): CuratedRow {
  return withSource(candidateRow(it.candidate, { reviewed: true }), s.district, s.source);
}

export function counts(s: ReviewState): Record<ReviewStatus, number> {
  const c = { pending: 0, accepted: 0, rejected: 0 };
  for (const it of s.items) c[it.status]++;
  return c;
}

/** The accepted rows, in the report's order, and which item each came from. */
export function acceptedRows(s: ReviewState): { rows: CuratedRow[]; items: number[] } {
  const items = s.items.map((it, i) => (it.status === 'accepted' ? i : -1)).filter((i) => i >= 0);
  return { rows: items.map((i) => s.items[i]!.row), items };
}

export interface BundledMatch {
  kind: 'same' | 'conflict';
  row: Observation;
}

/**
 * Bundled rows stating the same quantity (district, year, indicator, basis,
 * scope): the same value says it is known already, another value is a conflict.
 */
export function bundledMatches(row: CuratedRow, bundled: Observation[]): BundledMatch[] {
  const key = quantityKey({ district: row.district, year: Number(row.year), indicator: row.indicator, basis: row.basis, scope: row.scope as Observation['scope'] });
  return bundled
    .filter((b) => !b.flags.includes('derived') && quantityKey(b) === key)
    .map((b) => ({ kind: Math.abs(b.value - Number(row.value)) < 1e-9 ? ('same' as const) : ('conflict' as const), row: b }));
}

// How long a cell and a row may be, in the build and the import alike. Every
// curated row fits with room (longest today: quote 454, note_en 631 characters,
// a row 1,053); a cell past its limit is a pasted document, not a value.
import { issueOf, type Issue } from './issues.ts';
import type { Origin } from './types.ts';

/** Ids match what a link may carry (url-codec: 64 characters). */
export const ID_LIMIT = 64;
export const TEXT_LIMIT = 2000;
/** All cells of one row together. */
export const ROW_LIMIT = 8000;

export const FIELD_LIMITS: Readonly<Record<string, number>> = {
  id: ID_LIMIT,
  district: ID_LIMIT,
  indicator: ID_LIMIT,
  basis: ID_LIMIT,
  scope: ID_LIMIT,
  source: ID_LIMIT,
  group: ID_LIMIT,
  denominator: ID_LIMIT,
  year: 16,
  value: 32,
  unit: 32,
  period: 64,
  locator: 200,
  flags: 200,
  formula: 200,
  name_zh: 200,
  name_en: 200,
  district_zh: 200,
  district_en: 200,
  indicator_zh: 200,
  indicator_en: 200,
  title: 300,
  title_en: 300,
  source_title: 300,
  quote: TEXT_LIMIT,
  note_zh: TEXT_LIMIT,
  note_en: TEXT_LIMIT,
};

export const limitFor = (field: string): number => FIELD_LIMITS[field] ?? TEXT_LIMIT;
const SMALLEST_LIMIT = Math.min(TEXT_LIMIT, ...Object.values(FIELD_LIMITS));

/** The cells over their field's limit, and the row when all its cells together are over ROW_LIMIT. */
export function checkLimits(cells: Record<string, string>, at: Origin): Issue[] {
  const issues: Issue[] = [];
  let total = 0;
  for (const field in cells) {
    const v = cells[field]!;
    total += v.length + 1;
    if (v.length > SMALLEST_LIMIT && v.length > limitFor(field)) issues.push(issueOf(at, field, 'cell.tooLong', { length: v.length, field, limit: limitFor(field) }));
  }
  if (total - 1 > ROW_LIMIT) issues.push(issueOf(at, '(row)', 'row.tooLong', { length: total - 1, limit: ROW_LIMIT }));
  return issues;
}

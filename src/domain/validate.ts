// Row-level validation of observations. One module judges a row for the build
// script and for the in-browser import, so a row is accepted or refused the
// same way everywhere.
import { evaluateFormula } from './formula.ts';
import { stableId } from './hash.ts';
import { issueOf, type Issue, type IssueCode, type IssueParams } from './issues.ts';
import { checkLimits } from './limits.ts';
import { decimalsOf, parseStrictNumber, powerOfTenSlip, quotedNumbers, quotedNumberTexts, valueAppearsInQuote, valuesAgree } from './numbers.ts';
import { compactText, findQuote, longestMatchingPrefix, type SourceIndex } from './quotes.ts';
import { quantityKey, rowKey, type Observation, type Origin, type ReferenceData } from './types.ts';
import {
  CURATED_FLAGS,
  FLAGS,
  FLAGS_NEEDING_NOTE,
  DISTRICT_SCOPES,
  type FlagId,
  type ScopeId,
} from './vocab.ts';

export interface ValidationOptions {
  /**
   * `curated`: every row cites a report with a verbatim quote and flags carry
   * notes. `import`: a user's own figures; source and quote are optional.
   */
  mode: 'curated' | 'import';
  /** Indexed source texts by source id, for the verbatim-quote check. */
  sourceIndex: (sourceId: string) => SourceIndex | undefined;
}

/** Years any imported row may describe when it cites no known report. */
export const USER_YEAR_RANGE: [number, number] = [1949, 2100];
const MIN_QUOTE_CHARS = 6;

export function observationId(o: Parameters<typeof rowKey>[0], derived = false): string {
  return stableId(rowKey(o) + (derived ? '|derived' : ''));
}

export function parseFlags(raw: string): { flags: FlagId[]; unknown: string[]; repeated: string[] } {
  const parts = raw
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  const flags: FlagId[] = [];
  const unknown: string[] = [];
  const repeated: string[] = [];
  for (const p of parts) {
    if (!(FLAGS as readonly string[]).includes(p)) unknown.push(p);
    else if (flags.includes(p as FlagId)) repeated.push(p);
    else flags.push(p as FlagId);
  }
  return { flags, unknown, repeated };
}

/**
 * Validates one observation record. Returns the observation when the row is
 * usable and every problem found (a row can have several).
 */
export function readObservation(
  cells: Record<string, string>,
  at: Origin,
  refs: ReferenceData,
  opts: ValidationOptions,
): { obs: Observation | null; issues: Issue[] } {
  // A cell past its limit is refused before anything reads (or quotes) it.
  const tooLong = checkLimits(cells, at);
  if (tooLong.length > 0) return { obs: null, issues: tooLong };

  const issues: Issue[] = [];
  const curated = opts.mode === 'curated';
  const fail = (field: string, code: IssueCode, params: IssueParams = {}) => issues.push(issueOf(at, field, code, params));
  const cell = (name: string) => (cells[name] ?? '').trim();

  const required = curated
    ? ['district', 'year', 'indicator', 'value', 'source', 'locator', 'quote']
    : ['district', 'year', 'indicator', 'value'];
  for (const f of required) if (cell(f) === '' && f !== 'value') fail(f, 'cell.empty');

  const districtId = cell('district');
  if (districtId && !refs.districts.has(districtId)) fail('district', 'district.unknown', { id: districtId });

  const indicatorId = cell('indicator');
  const indicator = refs.indicators.get(indicatorId);
  if (indicatorId && !indicator) fail('indicator', 'indicator.unknown', { id: indicatorId });

  const sourceId = cell('source');
  const source = refs.sources.get(sourceId);
  if (sourceId && !source && curated) fail('source', 'source.unknown', { id: sourceId });
  if (source && districtId && source.district !== districtId && refs.districts.has(districtId)) {
    fail('source', 'source.otherDistrict', { source: sourceId, owner: source.district, district: districtId });
  }

  // Year: a four-digit calendar year inside what the report can describe.
  let year = NaN;
  const yearRaw = cell('year');
  if (yearRaw !== '') {
    if (!/^\d{4}$/.test(yearRaw)) fail('year', 'year.notFourDigits', { value: yearRaw });
    else {
      year = Number(yearRaw);
      const [lo, hi] = source ? [source.yearMin, source.yearMax] : USER_YEAR_RANGE;
      if (year < lo || year > hi) {
        if (source) fail('year', 'year.outsideSource', { year, source: sourceId, min: lo, max: hi });
        else fail('year', 'year.outside', { year, min: lo, max: hi });
      }
    }
  }

  // Flags.
  const { flags, unknown, repeated } = parseFlags(cell('flags'));
  for (const u of unknown) fail('flags', 'flags.unknown', { flag: u, known: CURATED_FLAGS.join(', ') });
  for (const r of repeated) fail('flags', 'flags.repeated', { flag: r });
  if (curated && flags.includes('imported')) fail('flags', 'flags.importedByCurator');
  if (!curated && !flags.includes('imported')) flags.push('imported');

  const noteZh = cell('note_zh');
  const noteEn = cell('note_en');
  if (curated) {
    const needing = flags.filter((f) => FLAGS_NEEDING_NOTE.includes(f));
    if (needing.length > 0) {
      if (noteZh === '') fail('note_zh', 'note.needed', { flags: needing.join(', ') });
      if (noteEn === '') fail('note_en', 'note.needed', { flags: needing.join(', ') });
    }
  }

  // Basis and scope.
  const basis = cell('basis');
  if (basis) {
    const b = refs.bases.get(basis);
    if (!b) fail('basis', 'basis.unknown', { id: basis });
    else if (indicatorId && b.appliesTo.length > 0 && !b.appliesTo.includes(indicatorId)) {
      fail('basis', 'basis.notApplicable', { basis, indicator: indicatorId, appliesTo: b.appliesTo.join(', ') });
    }
  }
  const scope = cell('scope') as ScopeId;
  if (scope === 'citywide') {
    fail('scope', 'scope.citywide');
  } else if (!(DISTRICT_SCOPES as readonly string[]).includes(scope)) {
    fail('scope', 'scope.unknown', { scope, allowed: DISTRICT_SCOPES.filter(Boolean).join(', ') });
  } else if (scope !== '' && !flags.includes('partial_scope')) {
    fail('flags', 'flags.scopeNeedsPartial', { scope });
  }

  // Value.
  let value = NaN;
  const parsed = parseStrictNumber(cells['value'] ?? '');
  if (!parsed.ok) fail('value', parsed.code, parsed.params);
  else value = parsed.value;
  if (indicator && Number.isFinite(value)) {
    const outside =
      (indicator.plausibleMin !== null && value < indicator.plausibleMin) ||
      (indicator.plausibleMax !== null && value > indicator.plausibleMax);
    if (indicator.unit === 'percent' && (value < 0 || value > 100) && !flags.includes('implausible')) {
      fail('value', 'value.percentOutside', { value });
    } else if (outside && !flags.includes('implausible')) {
      fail('value', 'value.implausible', { value, min: indicator.plausibleMin ?? '−∞', max: indicator.plausibleMax ?? '∞', indicator: indicator.id });
    }
    if (cell('unit') !== '' && cell('unit') !== indicator.unit) {
      fail('unit', 'unit.mismatch', { unit: cell('unit'), indicator: indicator.id, expected: indicator.unit });
    }
  }

  // Quote: verbatim in the source (whitespace aside), and the value in it as a number.
  const quote = cells['quote'] ?? '';
  const locator = cell('locator');
  const derived = flags.includes('derived');
  let span: [number, number] | null = null;
  if (quote.trim() !== '') {
    const index = source ? opts.sourceIndex(source.id) : undefined;
    if (curated && compactText(quote).length < MIN_QUOTE_CHARS) {
      fail('quote', 'quote.tooShort', { length: compactText(quote).length });
    } else if (index) {
      span = findQuote(index, quote);
      if (!span) {
        const prefix = longestMatchingPrefix(index, quote);
        if (prefix.length > 0) fail('quote', 'quote.notFoundAfter', { file: source!.file, prefix: prefix.slice(-12) });
        else fail('quote', 'quote.notFound', { file: source!.file });
      }
    }
    const unit = indicator?.unit;
    if (Number.isFinite(value) && !derived && !valueAppearsInQuote(value, quote, unit)) {
      const slip = powerOfTenSlip(value, quote, unit);
      const numbers = quotedNumberTexts(quote).slice(0, 6);
      if (slip) {
        const { text, value: read } = slip.number;
        const number = Number(text.replace(/,/g, '')) === read ? text : `${text} → ${read}`;
        fail('value', 'value.powerOfTen', { value, number, factor: String(Number(`1e${slip.power}`)) });
      }
      else if (numbers.length > 0) fail('value', 'value.notInQuote', { value, numbers: numbers.join(', ') });
      else fail('value', 'value.notInQuoteNoNumbers', { value });
    }
  }

  // Hand-derived rows carry their arithmetic, which must give the value.
  const formula = cell('formula');
  if (derived && curated) {
    if (formula === '') fail('formula', 'formula.emptyDerived');
    else {
      const r = evaluateFormula(formula);
      if (!r.ok) fail('formula', 'formula.invalid', { formula, detail: r.message });
      else if (Number.isFinite(value)) {
        const tolerance = 0.5 * 10 ** -decimalsOf(value) + 1e-9;
        if (Math.abs(r.value - value) > tolerance) {
          fail('formula', 'formula.wrongResult', { formula, result: +r.value.toFixed(6), value });
        }
        if (quote.trim() !== '') {
          // Each number of the formula, as a number (not its digits), as the quote writes or scales it.
          const inQuote = quotedNumbers(quote);
          const missing = r.numbers.filter((n) => !FORMULA_CONSTANTS.has(Number(n)) && !inQuote.some((q) => Math.abs(q.value - Number(n)) <= 1e-9 * Math.max(1, q.value)));
          if (missing.length > 0) fail('formula', 'formula.numbersNotInQuote', { numbers: missing.join(', ') });
        }
      }
    }
  } else if (formula !== '' && curated) {
    fail('formula', 'formula.notDerived');
  }

  if (issues.length > 0) return { obs: null, issues };
  const base = { district: districtId, year, indicator: indicatorId, basis, scope, source: sourceId, locator };
  const obs: Observation = {
    // Imported rows are named by their file and line instead (import.ts): no hash spent here.
    id: curated ? observationId(base) : '',
    ...base,
    period: cell('period'),
    value,
    quote,
    flags,
    formula,
    inputs: [],
    noteZh,
    noteEn,
    span,
  };
  return { obs, issues };
}

/** Numbers a formula may use without the quote stating them: percentages and 万 conversions. */
const FORMULA_CONSTANTS = new Set([1, 100, 10000]);

/** What compareStatements found about one statement, by index into its input. */
export type StatementFinding =
  | { kind: 'duplicate'; row: number; other: number }
  | { kind: 'disagrees'; row: number; other: number }
  | { kind: 'lonely_conflict'; row: number };

/**
 * The rules that need several rows, for the build (a district's rows) and the
 * import (a file's rows beside the bundled data) alike:
 * - two rows with one row key (district, year, indicator, basis, scope,
 *   source, locator) are duplicates: every row after the first is reported;
 * - a row that disagrees with another statement of the same quantity must be
 *   flagged conflict; a row flagged conflict must have something to disagree
 *   with (derived rows excepted: the derivation flags them itself).
 * Only rows for which `report(i)` is true are reported (the bundled data is
 * compared against, never reported). Linear in the rows: a quantity stated
 * 166,400 times with one value costs one comparison per row.
 */
export function compareStatements(rows: readonly Observation[], report: (i: number) => boolean): StatementFinding[] {
  const out: StatementFinding[] = [];
  // Duplicates share their quantity, so both rules work within a quantity's rows.
  const byQuantity = new Map<string, number[]>();
  rows.forEach((o, i) => {
    const q = quantityKey(o);
    const list = byQuantity.get(q);
    if (list) list.push(i);
    else byQuantity.set(q, [i]);
  });
  const isLonely = (o: Observation) => o.flags.includes('conflict') && !o.flags.includes('derived');
  for (const members of byQuantity.values()) {
    if (members.length === 1) {
      const i = members[0]!;
      if (report(i) && isLonely(rows[i]!)) out.push({ kind: 'lonely_conflict', row: i });
      continue;
    }
    // The rest of the row key: source and locator (derived rows apart from stated ones).
    const firstByKey = new Map<string, number>();
    for (const i of members) {
      const o = rows[i]!;
      const k = `${o.source}|${o.locator}${o.flags.includes('derived') ? '|derived' : ''}`;
      const prev = firstByKey.get(k);
      if (prev === undefined) firstByKey.set(k, i);
      else if (report(i)) out.push({ kind: 'duplicate', row: i, other: prev });
    }
    // Distinct values in order of first statement, with the row that first states each.
    const firstWith = new Map<number, number>();
    for (const i of members) if (!firstWith.has(rows[i]!.value)) firstWith.set(rows[i]!.value, i);
    const values = [...firstWith.keys()];
    // The first disagreeing statement for each distinct value. Values agreeing
    // with many others are few (87 agrees with 87.1 and 87.2, which disagree),
    // so the early exit keeps this near one pass.
    const disagreeing = new Map<number, number | null>();
    const firstDisagreeing = (v: number): number | null => {
      if (values.length === 1) return null;
      let d = disagreeing.get(v);
      if (d === undefined) {
        const w = values.find((x) => !valuesAgree(x, v));
        d = w === undefined ? null : firstWith.get(w)!;
        disagreeing.set(v, d);
      }
      return d;
    };
    for (const i of members) {
      if (!report(i)) continue;
      const o = rows[i]!;
      const other = firstDisagreeing(o.value);
      if (other !== null && !o.flags.includes('conflict')) out.push({ kind: 'disagrees', row: i, other });
      if (other === null && isLonely(o)) out.push({ kind: 'lonely_conflict', row: i });
    }
  }
  return out;
}

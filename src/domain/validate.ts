// Row-level validation of observations. One module judges a row for the build
// script and for the in-browser import, so a row is accepted or refused the
// same way everywhere.
import { evaluateFormula } from './formula.ts';
import { stableId } from './hash.ts';
import type { Issue } from './issues.ts';
import { decimalsOf, numberTokens, parseStrictNumber, significantDigits, valueAppearsInQuote } from './numbers.ts';
import { compactText, findQuote, longestMatchingPrefix, type SourceIndex } from './quotes.ts';
import { rowKey, type Observation, type Origin, type ReferenceData } from './types.ts';
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
  const issues: Issue[] = [];
  const curated = opts.mode === 'curated';
  const fail = (field: string, message: string) => issues.push({ file: at.file, line: at.line, field, message });
  const cell = (name: string) => (cells[name] ?? '').trim();

  const required = curated
    ? ['district', 'year', 'indicator', 'value', 'source', 'locator', 'quote']
    : ['district', 'year', 'indicator', 'value'];
  for (const f of required) if (cell(f) === '' && f !== 'value') fail(f, 'is empty');

  const districtId = cell('district');
  if (districtId && !refs.districts.has(districtId)) fail('district', `unknown district '${districtId}'`);

  const indicatorId = cell('indicator');
  const indicator = refs.indicators.get(indicatorId);
  if (indicatorId && !indicator) fail('indicator', `unknown indicator '${indicatorId}'`);

  const sourceId = cell('source');
  const source = refs.sources.get(sourceId);
  if (sourceId && !source && curated) fail('source', `unknown source '${sourceId}' (not in data/sources.csv)`);
  if (source && districtId && source.district !== districtId && refs.districts.has(districtId)) {
    fail('source', `'${sourceId}' is ${source.district}'s report but the row is for '${districtId}'`);
  }

  // Year: a four-digit calendar year inside what the report can describe.
  let year = NaN;
  const yearRaw = cell('year');
  if (yearRaw !== '') {
    if (!/^\d{4}$/.test(yearRaw)) fail('year', `'${yearRaw}' is not a four-digit year (put a school year such as 2020-2021 in 'period')`);
    else {
      year = Number(yearRaw);
      const [lo, hi] = source ? [source.yearMin, source.yearMax] : USER_YEAR_RANGE;
      if (year < lo || year > hi) {
        fail('year', source
          ? `${year} is outside ${sourceId}'s range ${lo}–${hi} (the years this report can describe)`
          : `${year} is outside ${lo}–${hi}`);
      }
    }
  }

  // Flags.
  const { flags, unknown, repeated } = parseFlags(cell('flags'));
  for (const u of unknown) fail('flags', `unknown flag '${u}' (known: ${CURATED_FLAGS.join(', ')}; separate flags with ';')`);
  for (const r of repeated) fail('flags', `flag '${r}' appears twice`);
  if (curated && flags.includes('imported')) fail('flags', "'imported' is set by the browser import, not by curators");
  if (!curated && !flags.includes('imported')) flags.push('imported');

  const noteZh = cell('note_zh');
  const noteEn = cell('note_en');
  if (curated) {
    const needing = flags.filter((f) => FLAGS_NEEDING_NOTE.includes(f));
    if (needing.length > 0) {
      if (noteZh === '') fail('note_zh', `is empty but flag ${needing.join(', ')} needs a note saying why`);
      if (noteEn === '') fail('note_en', `is empty but flag ${needing.join(', ')} needs a note saying why`);
    }
  }

  // Basis and scope.
  const basis = cell('basis');
  if (basis) {
    const b = refs.bases.get(basis);
    if (!b) fail('basis', `unknown basis '${basis}' (not in data/bases.csv)`);
    else if (indicatorId && b.appliesTo.length > 0 && !b.appliesTo.includes(indicatorId)) {
      fail('basis', `'${basis}' does not apply to '${indicatorId}' (it applies to ${b.appliesTo.join(', ')})`);
    }
  }
  const scope = cell('scope') as ScopeId;
  if (scope === 'citywide') {
    fail('scope', "'citywide' describes all of Beijing, not the district: a city-wide figure has no place in a district's data");
  } else if (!(DISTRICT_SCOPES as readonly string[]).includes(scope)) {
    fail('scope', `'${scope}' is not one of ${DISTRICT_SCOPES.filter(Boolean).join(', ')} (leave empty for all schools)`);
  } else if (scope !== '' && !flags.includes('partial_scope')) {
    fail('flags', `scope is '${scope}' so the row must carry partial_scope`);
  }

  // Value.
  let value = NaN;
  const parsed = parseStrictNumber(cells['value'] ?? '');
  if (!parsed.ok) fail('value', parsed.message);
  else value = parsed.value;
  if (indicator && Number.isFinite(value)) {
    const outside =
      (indicator.plausibleMin !== null && value < indicator.plausibleMin) ||
      (indicator.plausibleMax !== null && value > indicator.plausibleMax);
    if (indicator.unit === 'percent' && (value < 0 || value > 100) && !flags.includes('implausible')) {
      fail('value', `${value} is a percentage outside 0–100 (flag it implausible with a note if the report really says so)`);
    } else if (outside && !flags.includes('implausible')) {
      fail('value', `${value} is outside the plausible range ${indicator.plausibleMin ?? '−∞'}–${indicator.plausibleMax ?? '∞'} for ${indicator.id}; keep it and flag it implausible with a note`);
    }
    if (cell('unit') !== '' && cell('unit') !== indicator.unit) {
      fail('unit', `'${cell('unit')}' does not match ${indicator.id}'s unit '${indicator.unit}'`);
    }
  }

  // Quote: verbatim in the source (whitespace aside), and the value's digits in it.
  const quote = cells['quote'] ?? '';
  const locator = cell('locator');
  const derived = flags.includes('derived');
  let span: [number, number] | null = null;
  if (quote.trim() !== '') {
    const index = source ? opts.sourceIndex(source.id) : undefined;
    if (curated && compactText(quote).length < MIN_QUOTE_CHARS) {
      fail('quote', `is too short to locate (${compactText(quote).length} characters); quote the whole phrase or table row`);
    } else if (index) {
      span = findQuote(index, quote);
      if (!span) {
        const prefix = longestMatchingPrefix(index, quote);
        const where = prefix.length > 0
          ? `it matches up to '${prefix.slice(-12)}' and then differs`
          : 'not even its first character matches';
        fail('quote', `not found verbatim in ${source!.file} (${where}); copy it exactly, only whitespace may differ`);
      }
    }
    if (Number.isFinite(value) && !derived && !valueAppearsInQuote(value, quote)) {
      const seen = numberTokens(quote).slice(0, 6).join(', ');
      fail('value', `${value} does not appear in the quote (digits ${significantDigits(value)}; the quote has ${seen || 'no numbers'}); a computed value needs the derived flag and a formula`);
    }
  }

  // Hand-derived rows carry their arithmetic, which must give the value.
  const formula = cell('formula');
  if (derived && curated) {
    if (formula === '') fail('formula', 'is empty but the row is derived; write the arithmetic, e.g. 18320.96 - 2746.67');
    else {
      const r = evaluateFormula(formula);
      if (!r.ok) fail('formula', `'${formula}' ${r.message}`);
      else if (Number.isFinite(value)) {
        const tolerance = 0.5 * 10 ** -decimalsOf(value) + 1e-9;
        if (Math.abs(r.value - value) > tolerance) {
          fail('formula', `'${formula}' gives ${+r.value.toFixed(6)}, not ${value}`);
        }
        if (quote.trim() !== '') {
          const inQuote = new Set(numberTokens(quote).map(significantDigits));
          const missing = r.numbers.filter((n) => !inQuote.has(significantDigits(n)) && !['100', '10000', '1'].includes(n));
          if (missing.length > 0) fail('formula', `uses ${missing.join(', ')}, which the quote does not contain`);
        }
      }
    }
  } else if (formula !== '' && curated) {
    fail('formula', 'is set but the row is not flagged derived');
  }

  if (issues.length > 0) return { obs: null, issues };
  const base = { district: districtId, year, indicator: indicatorId, basis, scope, source: sourceId, locator };
  const obs: Observation = {
    id: observationId(base),
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

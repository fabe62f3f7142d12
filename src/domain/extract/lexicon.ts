// The extractor's vocabulary, read from data/lexicon.csv and joined with the
// indicator, basis and district tables: which words name which indicator,
// basis or scope, and the small grammar words around a number. The engine
// (prose.ts, tables.ts) holds the grammar; every word lives in the data, so a
// curator teaches the extractor a new wording by adding a row.
//
// Row kinds:
//   word     a class of grammar words (target: count, rate, connector, approx_before, approx_after, change)
//   term     words naming an indicator (target: its id)
//   stopper  words that contain a term but name something else (target empty)
//   post     words after a number that name it ("1061 名学生被…录取")
//   basis    words naming a basis (target: its id; applies where bases.csv says, or `only=`)
//   scope    words naming which schools a value covers (target: a scope id)
// `words` is a JavaScript regular expression with macros: {count} and {rate} (the word
// classes of that name), {q} (quote marks), {gap} / {gap:N} (up to 10 / N characters that
// are not digits or clause ends).
import type { CsvRecord } from '../csv.ts';
import { parseCsv } from '../csv.ts';
import type { Issue } from '../issues.ts';
import { BASIS_SPEC, DISTRICT_SPEC, INDICATOR_SPEC, type TableSpec } from '../schema.ts';
import type { Basis, District, Indicator } from '../types.ts';
import { CURATED_FLAGS, SCOPES, type FlagId, type UnitId } from '../vocab.ts';

export const LEXICON_FILE = 'data/lexicon.csv';

export const LEXICON_KINDS = ['word', 'term', 'stopper', 'post', 'basis', 'scope'] as const;
export type LexiconKind = (typeof LEXICON_KINDS)[number];

export const WORD_CLASSES = ['count', 'rate', 'connector', 'approx_before', 'approx_after', 'change', 'cumulative', 'habitual', 'whole_district'] as const;
/** Word classes a lexicon may leave out (the grammar then never uses them). */
const OPTIONAL_CLASSES: readonly WordClass[] = ['whole_district'];
export type WordClass = (typeof WORD_CLASSES)[number];

const OPTION_KEYS = ['share', 'share_basis', 'basis', 'flags', 'alternatives', 'label_only', 'only', 'context'] as const;

/** One row of lexicon.csv as written. */
export interface LexiconEntry {
  line: number;
  kind: LexiconKind;
  target: string;
  words: string;
  rank: number | null;
  options: Partial<Record<(typeof OPTION_KEYS)[number], string>>;
  note: string;
}

export const LEXICON_SPEC: TableSpec<LexiconEntry & { id: string }> = {
  required: ['kind', 'target', 'words'],
  optional: ['rank', 'options', 'note'],
  read(r: CsvRecord, file: string, issues: Issue[]) {
    let ok = true;
    const fail = (field: string, message: string) => {
      issues.push({ file, line: r.line, field, message });
      ok = false;
    };
    const cell = (f: string) => (r.cells[f] ?? '').trim();
    const kind = cell('kind') as LexiconKind;
    if (!LEXICON_KINDS.includes(kind)) fail('kind', `'${kind}' is not one of ${LEXICON_KINDS.join(', ')}`);
    const target = cell('target');
    if (kind === 'stopper' && target !== '') fail('target', 'a stopper names no indicator: leave target empty');
    if (kind !== 'stopper' && target === '') fail('target', 'is empty');
    if (kind === 'word' && target !== '' && !(WORD_CLASSES as readonly string[]).includes(target)) {
      fail('target', `'${target}' is not a word class (${WORD_CLASSES.join(', ')})`);
    }
    const words = cell('words');
    if (words === '') fail('words', 'is empty');
    const rankText = cell('rank');
    let rank: number | null = null;
    if (rankText !== '') {
      rank = Number(rankText);
      if (!/^[1-4]$/.test(rankText)) fail('rank', `'${rankText}' must be 1, 2, 3 or 4`);
    } else if (kind === 'term' || kind === 'stopper') fail('rank', 'a term needs a rank (1 plain nouns, 2 stoppers, 3 compound terms, 4 the most specific)');
    const options: LexiconEntry['options'] = {};
    for (const part of cell('options').split(';').map((s) => s.trim()).filter(Boolean)) {
      const [k, ...v] = part.split('=');
      const key = k!.trim() as (typeof OPTION_KEYS)[number];
      if (!OPTION_KEYS.includes(key)) {
        fail('options', `unknown option '${k}' (known: ${OPTION_KEYS.join(', ')})`);
        continue;
      }
      options[key] = v.join('=').trim() || 'true';
    }
    if (!ok) return null;
    return { id: `${r.line}`, line: r.line, kind, target, words, rank, options, note: cell('note') };
  },
};

/** What the extractor needs to know about an indicator. */
export interface IndicatorInfo {
  unit: UnitId;
  min: number;
  max: number;
  /** The count a rate is over (indicators.csv's denominator), for small-sample flags. */
  denominator?: string;
}

/**
 * Words naming an indicator. Terms compete where they overlap: the higher `rank`
 * wins, then the longer match, so "对口就业率" hides the "就业率" inside it and a
 * stopper ("正高级教师") hides the noun it contains.
 */
export interface TermRule {
  /** `kind:target:words`, stable across edits elsewhere in the file: the evidence key. */
  key: string;
  /** Indicator id; null for a stopper. */
  indicator: string | null;
  pattern: RegExp;
  rank: number;
  /** Indicator a percentage takes when this count term is its subject ("双师型教师 96 … 50.26%"). */
  share?: string;
  /** Basis that percentage takes ("升入本科 8 人，占毕业生总数 1.36%" → bachelor). */
  shareBasis?: string;
  /** Basis the term itself states. */
  basis?: string;
  flags?: FlagId[];
  /** Other indicators the term can name, chosen by plausible range in this order. */
  alternatives?: string[];
  /** Only a whole table label ("专业课" in a teacher table), never prose. */
  exactLabel?: boolean;
}

export interface PostRule {
  key: string;
  indicator: string;
  /** Anchored at the end of the number. */
  pattern: RegExp;
  share?: string;
  shareBasis?: string;
  basis?: string;
}

export interface BasisRule {
  key: string;
  basis: string;
  pattern: RegExp;
  appliesTo: string[];
  flags?: FlagId[];
}

export interface ScopeRule {
  key: string;
  scope: string;
  pattern: RegExp;
  /** The words name this scope only where the paragraph also matches this ("区属" beside "市属"). */
  context?: RegExp;
}

export interface Lexicon {
  info: Record<string, IndicatorInfo>;
  terms: TermRule[];
  posts: PostRule[];
  bases: BasisRule[];
  scopes: ScopeRule[];
  /** Anchored at the start: one connector ("为", "达到", "："). */
  connector: RegExp;
  /** Anchored at the end of the text before a number. */
  approxBefore: RegExp;
  /** Anchored at the start of the text after a number and its unit. */
  approxAfter: RegExp;
  change: RegExp;
  /** Words making a number a sum over years ("累计", "“十三五”期间"). */
  cumulative: RegExp;
  /** Words making a number a yearly habit ("年培训 2000 人次以上") unless the sentence names a year. */
  habitual: RegExp;
  /** Words naming the whole district (全区, 我区): a clause with them takes no schools' scope from before it. */
  wholeDistrict: RegExp;
  /** The count a share with this basis is over (bases.csv's denominator). */
  basisDenominator: Record<string, string>;
  /** District names as reports write them, without 区 ("昌平"). */
  districtNames: Record<string, string>;
  /** Every entry's key, for choosing a subset (leave-one-out evaluation). */
  keys: string[];
}

export interface LexiconRefs {
  indicators: Iterable<Indicator>;
  bases: Iterable<Basis>;
  districts: Iterable<District>;
}

export interface CompileOptions {
  /** Keep only entries whose key passes (word classes are always kept). */
  keep?: (key: string) => boolean;
}

export function entryKey(e: Pick<LexiconEntry, 'kind' | 'target' | 'words'>): string {
  return `${e.kind}:${e.target}:${e.words}`;
}

const MACRO = /\{(count|rate|q|gap)(?::([0-9]{1,2}))?\}/g;

/**
 * Turns lexicon rows into the compiled lexicon, checking every id against the
 * vocabulary and every pattern for syntax. Problems come back as issues naming
 * the file, line and field; the lexicon is null when there are any.
 */
export function compileLexicon(entries: LexiconEntry[], refs: LexiconRefs, file = LEXICON_FILE, opts: CompileOptions = {}): { lexicon: Lexicon | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const fail = (e: LexiconEntry, field: string, message: string) => issues.push({ file, line: e.line, field, message });
  const indicators = new Map([...refs.indicators].map((i) => [i.id, i]));
  const bases = new Map([...refs.bases].map((b) => [b.id, b]));
  const info: Record<string, IndicatorInfo> = {};
  for (const i of indicators.values()) {
    info[i.id] = { unit: i.unit, min: i.plausibleMin ?? 0, max: i.plausibleMax ?? Number.POSITIVE_INFINITY, ...(i.denominator ? { denominator: i.denominator } : {}) };
  }
  const classes = new Map<WordClass, string[]>();
  for (const e of entries.filter((x) => x.kind === 'word')) {
    classes.set(e.target as WordClass, [...(classes.get(e.target as WordClass) ?? []), e.words]);
  }
  const classSource = (c: WordClass) => (classes.get(c) ?? []).map((w) => `(?:${w})`).join('|');
  for (const c of WORD_CLASSES) {
    if (!classes.has(c) && !OPTIONAL_CLASSES.includes(c)) issues.push({ file, line: 1, field: 'kind', message: `no 'word' row for the class '${c}'` });
  }

  const expand = (e: LexiconEntry): string =>
    e.words.replace(MACRO, (_, name: string, n: string | undefined) => {
      if (name === 'count') return `(?:${classSource('count')})?`;
      if (name === 'rate') return `(?:${classSource('rate')})`;
      if (name === 'q') return '[“”"「」‘’]?';
      return `[^，。；;,\\t\\d０-９]{0,${n ?? '10'}}?`;
    });
  const compile = (e: LexiconEntry, wrap = (s: string) => s): RegExp | null => {
    if (/\{(?!\d)[^}]*\}/.test(e.words.replace(MACRO, ''))) {
      fail(e, 'words', `unknown macro in '${e.words}' (known: {count}, {rate}, {q}, {gap}, {gap:N})`);
      return null;
    }
    try {
      const re = new RegExp(wrap(expand(e)));
      if (re.test('')) {
        fail(e, 'words', `'${e.words}' matches the empty string`);
        return null;
      }
      return re;
    } catch (err) {
      fail(e, 'words', `is not a valid regular expression: ${(err as Error).message}`);
      return null;
    }
  };
  const indicatorIds = (e: LexiconEntry, field: string, list: string): string[] => {
    const ids = list.split('|').map((s) => s.trim()).filter(Boolean);
    for (const id of ids) if (!indicators.has(id)) fail(e, field, `unknown indicator '${id}'`);
    return ids;
  };
  const checkBasis = (e: LexiconEntry, id: string | undefined, indicator: string | null): string | undefined => {
    if (!id) return undefined;
    const b = bases.get(id);
    if (!b) fail(e, 'options', `unknown basis '${id}'`);
    else if (indicator && !appliesTo(b, indicator)) fail(e, 'options', `basis '${id}' does not apply to ${indicator} (bases.csv)`);
    return id;
  };
  const flagsOf = (e: LexiconEntry): FlagId[] | undefined => {
    if (!e.options.flags) return undefined;
    const fl = e.options.flags.split('|').map((s) => s.trim()) as FlagId[];
    for (const f of fl) if (!CURATED_FLAGS.includes(f)) fail(e, 'options', `unknown flag '${f}'`);
    return fl;
  };

  const lex: Lexicon = {
    info,
    terms: [],
    posts: [],
    bases: [],
    scopes: [],
    connector: /^$/,
    approxBefore: /^$/,
    approxAfter: /^$/,
    change: /^$/,
    cumulative: /^$/,
    habitual: /^$/,
    wholeDistrict: /(?!)/,
    basisDenominator: {},
    districtNames: {},
    keys: [],
  };
  for (const b of bases.values()) if (b.denominator) lex.basisDenominator[b.id] = b.denominator;
  for (const d of refs.districts) lex.districtNames[d.id] = d.nameZh.replace(/区$/, '');

  const keep = opts.keep ?? (() => true);
  for (const e of entries) {
    const key = entryKey(e);
    if (e.kind === 'word') continue;
    lex.keys.push(key);
    const ignored = Object.keys(e.options).filter((k) => !allowedOptions(e.kind).includes(k));
    for (const k of ignored) fail(e, 'options', `'${k}' does not apply to a ${e.kind} row`);
    if (e.kind === 'term' || e.kind === 'stopper') {
      const indicator = e.kind === 'term' ? e.target : null;
      if (indicator && !indicators.has(indicator)) fail(e, 'target', `unknown indicator '${indicator}'`);
      const share = e.options.share ? indicatorIds(e, 'options', e.options.share)[0] : undefined;
      const alternatives = e.options.alternatives ? indicatorIds(e, 'options', e.options.alternatives) : undefined;
      const basis = checkBasis(e, e.options.basis, indicator);
      const shareBasis = checkBasis(e, e.options.share_basis, share ?? null);
      if (shareBasis && !share) fail(e, 'options', 'share_basis needs share');
      const flags = flagsOf(e);
      const pattern = compile(e);
      if (!pattern || !keep(key)) continue;
      lex.terms.push({
        key,
        indicator,
        pattern,
        rank: e.rank ?? 1,
        ...(share ? { share } : {}),
        ...(shareBasis ? { shareBasis } : {}),
        ...(basis ? { basis } : {}),
        ...(flags ? { flags } : {}),
        ...(alternatives ? { alternatives } : {}),
        ...(e.options.label_only ? { exactLabel: true } : {}),
      });
    } else if (e.kind === 'post') {
      if (!indicators.has(e.target)) fail(e, 'target', `unknown indicator '${e.target}'`);
      const share = e.options.share ? indicatorIds(e, 'options', e.options.share)[0] : undefined;
      const basis = checkBasis(e, e.options.basis, e.target);
      const shareBasis = checkBasis(e, e.options.share_basis, share ?? null);
      const pattern = compile(e, (s) => (s.startsWith('^') ? s : `^\\s*(?:${s})`));
      if (!pattern || !keep(key)) continue;
      lex.posts.push({ key, indicator: e.target, pattern, ...(share ? { share } : {}), ...(basis ? { basis } : {}), ...(shareBasis ? { shareBasis } : {}) });
    } else if (e.kind === 'basis') {
      const b = bases.get(e.target);
      if (!b) {
        fail(e, 'target', `unknown basis '${e.target}'`);
        continue;
      }
      const only = e.options.only ? indicatorIds(e, 'options', e.options.only) : [...b.appliesTo];
      for (const id of only) if (!appliesTo(b, id)) fail(e, 'options', `basis '${b.id}' does not apply to ${id} (bases.csv applies_to)`);
      const flags = flagsOf(e);
      const pattern = compile(e);
      if (!pattern || !keep(key)) continue;
      lex.bases.push({ key, basis: b.id, pattern, appliesTo: only, ...(flags ? { flags } : {}) });
    } else if (e.kind === 'scope') {
      if (!(SCOPES as readonly string[]).includes(e.target) || e.target === '') fail(e, 'target', `'${e.target}' is not a scope (${SCOPES.filter(Boolean).join(', ')})`);
      const pattern = compile(e);
      let context: RegExp | undefined;
      if (e.options.context) {
        try {
          context = new RegExp(e.options.context);
        } catch (err) {
          fail(e, 'options', `context is not a valid regular expression: ${(err as Error).message}`);
        }
      }
      if (!pattern || !keep(key)) continue;
      lex.scopes.push({ key, scope: e.target, pattern, ...(context ? { context } : {}) });
    }
  }
  const cls = (c: WordClass) => classSource(c) || '(?!)';
  lex.connector = new RegExp(`^(?:${cls('connector')})`);
  lex.approxBefore = new RegExp(`(?:${cls('approx_before')})\\s*$`);
  lex.approxAfter = new RegExp(`^\\s*(?:${cls('approx_after')})`);
  lex.change = new RegExp(cls('change'));
  lex.cumulative = new RegExp(cls('cumulative'));
  lex.habitual = new RegExp(cls('habitual'));
  lex.wholeDistrict = new RegExp(cls('whole_district'));
  return { lexicon: issues.length === 0 ? lex : null, issues };
}

function allowedOptions(kind: LexiconKind): string[] {
  if (kind === 'term' || kind === 'stopper') return ['share', 'share_basis', 'basis', 'flags', 'alternatives', 'label_only'];
  if (kind === 'post') return ['share', 'share_basis', 'basis'];
  if (kind === 'basis') return ['only', 'flags'];
  if (kind === 'scope') return ['context'];
  return [];
}

function appliesTo(b: Basis, indicator: string): boolean {
  return b.appliesTo.length === 0 || b.appliesTo.includes(indicator);
}

/** Reads lexicon.csv's text into entries, with every problem as an issue. */
export function readLexiconEntries(text: string, file = LEXICON_FILE): { entries: LexiconEntry[]; issues: Issue[] } {
  const { table, issues } = parseCsv(text, file, LEXICON_SPEC);
  const entries: LexiconEntry[] = [];
  const seen = new Map<string, number>();
  for (const r of table.records) {
    const e = LEXICON_SPEC.read(r, file, issues);
    if (!e) continue;
    const key = entryKey(e);
    const prev = seen.get(key);
    if (prev !== undefined) {
      issues.push({ file, line: r.line, field: 'words', message: `the same ${e.kind} row is on line ${prev}` });
      continue;
    }
    seen.set(key, r.line);
    const { id: _id, ...entry } = e;
    entries.push(entry);
  }
  return { entries, issues };
}

/** lexicon.csv's text to a compiled lexicon, or the problems. */
export function loadLexicon(text: string, refs: LexiconRefs, file = LEXICON_FILE, opts: CompileOptions = {}): { lexicon: Lexicon | null; issues: Issue[] } {
  // Rows that could be read are compiled too, so every problem is reported at once.
  const read = readLexiconEntries(text, file);
  const compiled = compileLexicon(read.entries, refs, file, opts);
  const issues = [...read.issues, ...compiled.issues].sort((a, b) => a.line - b.line);
  return { lexicon: issues.length === 0 ? compiled.lexicon : null, issues };
}

/** The CSV texts a lexicon is built from (data/lexicon.csv and the vocabulary it names). */
export interface LexiconTexts {
  lexicon: string;
  indicators: string;
  bases: string;
  districts: string;
}

/** Parses the vocabulary tables and the lexicon, as the build does; every problem is an issue. */
export function lexiconFromTexts(texts: LexiconTexts, opts: CompileOptions = {}): { lexicon: Lexicon | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const read = <T>(text: string, file: string, spec: TableSpec<T>): T[] => {
    const { table, issues: csvIssues } = parseCsv(text, file, spec);
    issues.push(...csvIssues);
    return table.records.map((r) => spec.read(r, file, issues)).filter((x): x is T => x !== null);
  };
  const refs: LexiconRefs = {
    indicators: read(texts.indicators, 'data/indicators.csv', INDICATOR_SPEC),
    bases: read(texts.bases, 'data/bases.csv', BASIS_SPEC),
    districts: read(texts.districts, 'data/districts.csv', DISTRICT_SPEC),
  };
  if (issues.length > 0) return { lexicon: null, issues };
  return loadLexicon(texts.lexicon, refs, LEXICON_FILE, opts);
}

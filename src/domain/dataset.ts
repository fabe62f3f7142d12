// Reading the curated data under data/: the reference tables, derivation
// requests, and the checks that need all rows of a district at once. The
// build that strings them together is pipeline.ts.
import { LEXICON_FILE, loadLexicon } from './extract/lexicon.ts';
import { decodeUtf8, parseCsv, type CsvRecord } from './csv.ts';
import type { DataObservation, Manifest } from './obs-file.ts';
import { DERIVATION_METHODS, parseInputRef, type DerivationMethod, type DerivationRequest } from './derive.ts';
import { issueOf, type Issue, type IssueCode, type IssueParams } from './issues.ts';
import { checkLimits } from './limits.ts';
import { BASIS_SPEC, DERIVATION_COLUMNS, DISTRICT_SPEC, GROUP_SPEC, INDICATOR_SPEC, SOURCE_SPEC, type TableSpec } from './schema.ts';
import { type Observation, type Origin, type ReferenceData } from './types.ts';
import { SCOPES, SMALL_SAMPLE_LIMIT } from './vocab.ts';
import { compareStatements } from './validate.ts';

export interface DataFiles {
  /** Bytes of a file by repository-relative path ("data/sources.csv"), or undefined. */
  read(path: string): Uint8Array | undefined;
  /** Repository-relative paths of the files in a folder, sorted. */
  list(dir: string): string[];
}

export interface Dataset {
  refs: ReferenceData;
  /** Curated and derived observations in canonical order, with the n behind each rate. */
  observations: DataObservation[];
  /** Source texts by source id. */
  sourceTexts: Map<string, string>;
  /** Latest `added` date of the sources: the date the data describes as of. */
  dataDate: string;
  manifest: Manifest;
}

export const DATA_DIR = 'data';

interface Table<T> {
  items: Map<string, T>;
  /** Line of each id, for messages about cross-references. */
  lines: Map<string, number>;
}

function readTable<T extends { id: string }>(
  files: DataFiles,
  path: string,
  spec: TableSpec<T>,
  issues: Issue[],
): Table<T> {
  const items = new Map<string, T>();
  const lines = new Map<string, number>();
  const bytes = files.read(path);
  if (!bytes) {
    issues.push({ file: path, line: 1, field: '(file)', message: 'is missing' });
    return { items, lines };
  }
  const decoded = decodeUtf8(bytes, path);
  if (!decoded.ok) {
    issues.push(decoded.issue);
    return { items, lines };
  }
  const { table, issues: csvIssues } = parseCsv(decoded.text, path, spec);
  issues.push(...csvIssues);
  for (const r of table.records) {
    const item = spec.read(r, path, issues);
    if (!item) continue;
    const prev = lines.get(item.id);
    if (prev !== undefined) {
      issues.push({ file: path, line: r.line, field: 'id', message: `'${item.id}' is already defined on line ${prev}` });
      continue;
    }
    lines.set(item.id, r.line);
    items.set(item.id, item);
  }
  return { items, lines };
}

export function readReferenceData(
  files: DataFiles,
  sha256: (bytes: Uint8Array) => string,
  issues: Issue[],
  opts: { keepTexts?: boolean } = {},
): { refs: ReferenceData; sourceTexts: Map<string, string> } {
  const at = (p: string) => `${DATA_DIR}/${p}`;
  const groups = readTable(files, at('groups.csv'), GROUP_SPEC, issues);
  const districts = readTable(files, at('districts.csv'), DISTRICT_SPEC, issues);
  const indicators = readTable(files, at('indicators.csv'), INDICATOR_SPEC, issues);
  const bases = readTable(files, at('bases.csv'), BASIS_SPEC, issues);
  const sources = readTable(files, at('sources.csv'), SOURCE_SPEC, issues);
  const refs: ReferenceData = {
    groups: groups.items,
    districts: districts.items,
    indicators: indicators.items,
    bases: bases.items,
    sources: sources.items,
  };
  const cross = <T>(table: Table<T>, file: string, id: string, field: string, message: string) =>
    issues.push({ file: at(file), line: table.lines.get(id) ?? 1, field, message });

  for (const d of refs.districts.values()) {
    if (!refs.groups.has(d.group)) cross(districts, 'districts.csv', d.id, 'group', `unknown group '${d.group}'`);
  }
  for (const i of refs.indicators.values()) {
    if (i.denominator && !refs.indicators.has(i.denominator)) {
      cross(indicators, 'indicators.csv', i.id, 'denominator', `unknown indicator '${i.denominator}'`);
    }
  }
  for (const b of refs.bases.values()) {
    for (const a of b.appliesTo) {
      if (!refs.indicators.has(a)) cross(bases, 'bases.csv', b.id, 'applies_to', `unknown indicator '${a}'`);
    }
    if (b.denominator && !refs.indicators.has(b.denominator)) {
      cross(bases, 'bases.csv', b.id, 'denominator', `unknown indicator '${b.denominator}'`);
    }
  }
  const sourceTexts = new Map<string, string>();
  for (const s of refs.sources.values()) {
    if (!refs.districts.has(s.district)) cross(sources, 'sources.csv', s.id, 'district', `unknown district '${s.district}'`);
    const path = at(`sources/${s.file}`);
    const bytes = files.read(path);
    if (!bytes) {
      cross(sources, 'sources.csv', s.id, 'file', `${path} does not exist`);
      continue;
    }
    const actual = sha256(bytes);
    if (actual !== s.sha256) {
      cross(sources, 'sources.csv', s.id, 'sha256', `${path} has sha256 ${actual}, not the recorded ${s.sha256}: source texts must never be edited`);
      continue;
    }
    const decoded = decodeUtf8(bytes, path);
    if (!decoded.ok) issues.push(decoded.issue);
    else if (opts.keepTexts !== false) sourceTexts.set(s.id, decoded.text);
  }
  checkLexicon(files, refs, issues);
  return { refs, sourceTexts };
}

/** The extractor's lexicon must name only ids of this vocabulary and compile (optional file). */
function checkLexicon(files: DataFiles, refs: ReferenceData, issues: Issue[]): void {
  const bytes = files.read(LEXICON_FILE);
  if (!bytes) return;
  const decoded = decodeUtf8(bytes, LEXICON_FILE);
  if (!decoded.ok) {
    issues.push(decoded.issue);
    return;
  }
  const refsForLexicon = { indicators: refs.indicators.values(), bases: refs.bases.values(), districts: refs.districts.values() };
  issues.push(...loadLexicon(decoded.text, refsForLexicon).issues);
}

export function readDerivationRequests(files: DataFiles, refs: ReferenceData, issues: Issue[]): DerivationRequest[] {
  const path = `${DATA_DIR}/derivations.csv`;
  const bytes = files.read(path);
  if (!bytes) return [];
  const decoded = decodeUtf8(bytes, path);
  if (!decoded.ok) {
    issues.push(decoded.issue);
    return [];
  }
  const { table, issues: csvIssues } = parseCsv(decoded.text, path, DERIVATION_COLUMNS);
  // A derivations file with only its header is fine: nothing is requested.
  issues.push(...csvIssues.filter((i) => !i.message.startsWith('has a header but no rows')));
  const out: DerivationRequest[] = [];
  for (const r of table.records) {
    const req = readRequest(r, path, refs, issues);
    if (req) out.push(req);
  }
  return out;
}

function readRequest(r: CsvRecord, file: string, refs: ReferenceData, issues: Issue[]): DerivationRequest | null {
  const tooLong = checkLimits(r.cells, { file, line: r.line });
  if (tooLong.length > 0) {
    issues.push(...tooLong);
    return null;
  }
  const c = (k: string) => (r.cells[k] ?? '').trim();
  const before = issues.length;
  const fail = (field: string, message: string) => issues.push({ file, line: r.line, field, message });
  for (const f of DERIVATION_COLUMNS.required) if (c(f) === '') fail(f, 'is empty');
  if (c('district') && !refs.districts.has(c('district'))) fail('district', `unknown district '${c('district')}'`);
  if (c('indicator') && !refs.indicators.has(c('indicator'))) fail('indicator', `unknown indicator '${c('indicator')}'`);
  if (c('source') && !refs.sources.has(c('source'))) fail('source', `unknown source '${c('source')}'`);
  if (c('basis') && !refs.bases.has(c('basis'))) fail('basis', `unknown basis '${c('basis')}'`);
  if (!(SCOPES as readonly string[]).includes(c('scope'))) fail('scope', `'${c('scope')}' is not a known scope`);
  if (c('method') && !(DERIVATION_METHODS as readonly string[]).includes(c('method'))) {
    fail('method', `'${c('method')}' is not one of ${DERIVATION_METHODS.join(', ')}`);
  }
  if (!/^\d{4}$/.test(c('year'))) fail('year', `'${c('year')}' is not a four-digit year`);
  const numerator = parseInputRef(c('numerator'));
  const denominator = c('denominator') ? parseInputRef(c('denominator')) : undefined;
  for (const [field, ref] of [['numerator', numerator], ['denominator', denominator]] as const) {
    if (ref && ref.indicator && !refs.indicators.has(ref.indicator)) fail(field, `unknown indicator '${ref.indicator}'`);
  }
  if ((c('method') === 'share' || c('method') === 'per_capita') && !denominator) fail('denominator', `is empty but method ${c('method')} needs one`);
  if (issues.length > before) return null;
  return {
    district: c('district'),
    year: Number(c('year')),
    indicator: c('indicator'),
    basis: c('basis'),
    scope: c('scope'),
    method: c('method') as DerivationMethod,
    numerator,
    ...(denominator ? { denominator } : {}),
    source: c('source'),
    noteZh: c('note_zh'),
    noteEn: c('note_en'),
    origin: { file, line: r.line },
  };
}

/** Canonical order: indicator, district, year, basis, scope, source, stated before derived, locator. */
export function compareObservations(a: Observation, b: Observation): number {
  const ka = [a.indicator, a.district, String(a.year), a.basis, a.scope, a.source, a.flags.includes('derived') ? '1' : '0', a.locator, a.id];
  const kb = [b.indicator, b.district, String(b.year), b.basis, b.scope, b.source, b.flags.includes('derived') ? '1' : '0', b.locator, b.id];
  for (let i = 0; i < ka.length; i++) {
    if (ka[i]! < kb[i]!) return -1;
    if (ka[i]! > kb[i]!) return 1;
  }
  return 0;
}

/**
 * Checks that need every row: duplicates, disagreeing statements that are
 * not flagged conflict (and conflict flags with nothing to conflict with),
 * and rates over fewer than 30 people without small_sample.
 */
export function checkDataset(
  observations: Observation[],
  origins: Map<string, Origin>,
  refs: ReferenceData,
): { issues: Issue[]; denominators: Map<string, { n: number; indicator: string }> } {
  const issues: Issue[] = [];
  const where = (o: Observation) => origins.get(o.id);
  const fail = (o: Observation, field: string, code: IssueCode, params: IssueParams = {}) => {
    const at = where(o);
    if (at) issues.push(issueOf(at, field, code, params));
  };
  const describe = (o: Observation) => {
    const at = where(o);
    return at ? `${at.file}:${at.line}` : `derived (${o.formula})`;
  };

  for (const f of compareStatements(observations, (i) => where(observations[i]!) !== undefined)) {
    const o = observations[f.row]!;
    if (f.kind === 'duplicate') fail(o, '(row)', 'row.duplicate', { other: describe(observations[f.other]!) });
    else if (f.kind === 'disagrees') {
      const other = observations[f.other]!;
      fail(o, 'flags', 'flags.disagrees', { value: o.value, other: other.value, where: describe(other) });
    } else fail(o, 'flags', 'flags.lonelyConflict');
  }

  // n behind each rate, from the count named by its basis or its indicator.
  const denominators = new Map<string, { n: number; indicator: string }>();
  const counts = new Map<string, Observation>();
  for (const o of observations) {
    if (o.basis !== '' || o.flags.includes('derived')) continue;
    const k = `${o.indicator}|${o.district}|${o.year}|${o.scope}|${o.source}`;
    const prev = counts.get(k);
    if (!prev || (prev.flags.includes('conflict') && !o.flags.includes('conflict'))) counts.set(k, o);
  }
  for (const o of observations) {
    const ind = refs.indicators.get(o.indicator);
    const denomId = (o.basis && refs.bases.get(o.basis)?.denominator) || ind?.denominator;
    if (!denomId) continue;
    const count = counts.get(`${denomId}|${o.district}|${o.year}|${o.scope}|${o.source}`);
    if (!count) continue;
    denominators.set(o.id, { n: count.value, indicator: denomId });
    if (count.value < SMALL_SAMPLE_LIMIT && !o.flags.includes('small_sample')) {
      if (o.flags.includes('derived')) o.flags.push('small_sample');
      else fail(o, 'flags', 'flags.smallSample', { n: count.value, denominator: denomId, where: describe(count) });
    }
  }
  return { issues, denominators };
}

export interface BuildOptions {
  /**
   * Read only these observation files (repository-relative paths), e.g. to
   * check one district's file while another is being edited. Derivation
   * requests for districts with no rows read are skipped.
   */
  onlyFiles?: string[];
  /** Write indicators of at least this many rows in slices too (see pipeline.ts SLICE_MIN_ROWS). */
  sliceMinRows?: number;
}


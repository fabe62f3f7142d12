// Property-based fuzzing of the two parsers that take input from strangers:
// the link codec (any URL anyone pastes) and the CSV import (any file anyone
// drops). Neither may throw, hang or hand the app a malformed state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCsv, type ImportResult } from '../../src/domain/import.ts';
import { FIELD_LIMITS } from '../../src/domain/limits.ts';
import { ISSUE_ZH } from '../../src/i18n/issue-messages.ts';
import { indexSource, type SourceIndex } from '../../src/domain/quotes.ts';
import { PUBLIC_CSV_COLUMNS } from '../../src/domain/schema.ts';
import { parseLink, serializeLink } from '../../src/state/url-codec.ts';
import { DEFAULT_STATE, VIEW_IDS, type ViewState } from '../../src/state/view-state.ts';
import { curatedDataset } from '../helpers/dataset.ts';
import { CORPUS, HOSTILE, csvText } from '../helpers/hostile.ts';

// ---------------------------------------------------------------------------
// (a) the link codec

const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const PARAMS = [
  'lv', 'view', 'lang', 'ind', 'basis', 'd', 'chart', 'year', 'common', 'from', 'to', 'ref', 'table', 'sort', 'q',
  'hide', 'district', 'src', 'obs', 'present', 'embed', 'etable', 'imp', 'v',
];
/** Milliseconds one parseLink call may take, even for a 100,000-character query. */
const PER_CALL_MS = 250;

const isYear = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1949 && v <= 2100;
const isIdList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string' && ID.test(x)) && new Set(v).size === v.length;

/** Every field of a parsed state has its type and an allowed value; returns the problems. */
function stateProblems(s: ViewState): string[] {
  const p: string[] = [];
  const check = (ok: boolean, field: string) => {
    if (!ok) p.push(`${field}: ${JSON.stringify((s as unknown as Record<string, unknown>)[field])?.slice(0, 80)}`);
  };
  check((VIEW_IDS as readonly string[]).includes(s.view), 'view');
  check(s.lang === 'zh' || s.lang === 'en', 'lang');
  check(typeof s.indicator === 'string' && ID.test(s.indicator), 'indicator');
  check(s.basis === null || s.basis === '' || (typeof s.basis === 'string' && ID.test(s.basis)), 'basis');
  check(s.districts === null || isIdList(s.districts), 'districts');
  check(s.chart === 'bar' || s.chart === 'line', 'chart');
  check(s.year === 'latest' || isYear(s.year), 'year');
  check(s.from === null || isYear(s.from), 'from');
  check(s.to === null || isYear(s.to), 'to');
  check(s.from === null || s.to === null || s.from <= s.to, 'from');
  for (const f of ['common', 'refMedian', 'refGroup', 'refRank', 'present', 'embed', 'embedTable', 'withImported'] as const) {
    check(typeof s[f] === 'boolean', f);
  }
  check(s.tableMode === 'years' || s.tableMode === 'indicators', 'tableMode');
  check(s.sort === '' || /^[a-z0-9_-]{1,64}:(asc|desc)$/.test(s.sort), 'sort');
  check(typeof s.filter === 'string' && s.filter.length <= 200, 'filter');
  check(isIdList(s.hidden), 'hidden');
  check(s.district === null || ID.test(s.district), 'district');
  check(s.source === null || ID.test(s.source), 'source');
  check(s.obs === null || /^[0-9a-z~]{6,24}$/.test(s.obs), 'obs');
  check(s.dataVersion === null || /^[0-9a-f]{6,40}$/.test(s.dataVersion), 'dataVersion');
  // No field appears or disappears: the state has exactly the default's keys.
  const keys = Object.keys(s).sort().join(',');
  if (keys !== Object.keys(DEFAULT_STATE).sort().join(',')) p.push(`keys: ${keys}`);
  return p;
}

function timedParse(q: string) {
  const t0 = performance.now();
  const r = parseLink(q);
  const ms = performance.now() - t0;
  return { ...r, ms };
}

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const anyUnits = (maxLength: number) => fc.string({ unit: codeUnit, maxLength });
const percentJunk = fc.array(
  fc.oneof(
    fc.integer({ min: 0, max: 255 }).map((n) => `%${n.toString(16).padStart(2, '0').toUpperCase()}`),
    fc.constantFrom('%', '%%', '%G1', '%E4%B8', '%F0%9F', '%C0%AF', '%00', '+', '&', '=', '==', '?', '#', ',', ',,', ':'),
    fc.string({ unit: 'grapheme-ascii', maxLength: 4 }),
  ),
  { maxLength: 40 },
).map((a) => a.join(''));
const paramValue = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: percentJunk },
  { weight: 2, arbitrary: fc.constantFrom(...CORPUS.slice(0, -1), '', ' ', 'latest', '1', '0', 'en', 'zh', 'line', 'bar', 'm,g,k', 'toString', '__proto__', 'constructor', '-', '2022', '0999', '99999', '2022:asc', 'a,,b', '昌平') },
  { weight: 2, arbitrary: fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,8}$/), { maxLength: 6 }).map((a) => a.join(',')) },
  { weight: 1, arbitrary: fc.integer({ min: -100000, max: 100000 }).map(String) },
  { weight: 1, arbitrary: fc.nat({ max: 60_000 }).map((n) => 'x'.repeat(n)) },
);
const paramName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PARAMS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }, { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty') });
const queryFromParams = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(paramName, paramValue, fc.boolean()), { maxLength: 14 }))
  .map(([q, pairs]) => (q ? '?' : '') + pairs.map(([k, v, enc]) => (enc ? `${encodeURIComponent(k)}=${encodeURIComponent(v)}` : `${k}=${v}`)).join('&'));
const anyQuery = fc.oneof(
  { weight: 4, arbitrary: queryFromParams },
  { weight: 1, arbitrary: anyUnits(300) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: percentJunk },
  { weight: 1, arbitrary: fc.nat({ max: 100_000 }).map((n) => `?d=${'a,'.repeat(n / 2)}&q=${'%'.repeat(n / 2)}`) },
);

describe('link codec: parseLink on any query string', () => {
  it('never throws, answers quickly and always yields a well-typed state', () => {
    let slowest = 0;
    fc.assert(
      fc.property(anyQuery, (q) => {
        const { state, ignored, ms } = timedParse(q);
        slowest = Math.max(slowest, ms);
        expect(ms, `parseLink took ${ms.toFixed(1)} ms for a ${q.length}-character query`).toBeLessThan(PER_CALL_MS);
        expect(Array.isArray(ignored) && ignored.every((k) => typeof k === 'string')).toBe(true);
        expect(stateProblems(state), `query ${JSON.stringify(q.slice(0, 200))}`).toEqual([]);
      }),
      { numRuns: 5000 },
    );
    expect(slowest).toBeLessThan(PER_CALL_MS);
  });

  it('every parameter can be abused on its own without breaking the others', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PARAMS), paramValue, (k, v) => {
        // The valid parameters come first: a query is read up to 20,000 characters only.
        const q = `?ind=intake&lang=en&${encodeURIComponent(k)}=${encodeURIComponent(v)}`;
        const { state } = parseLink(q);
        expect(stateProblems(state)).toEqual([]);
        if (k !== 'lang') expect(state.lang).toBe('en');
        if (k !== 'ind') expect(state.indicator).toBe('intake');
      }),
      { numRuns: 3000 },
    );
  });

  it('whatever a link held, the state it yields is written back and re-read unchanged', () => {
    // The address bar is rewritten from the parsed state: that link must mean the same view.
    fc.assert(
      fc.property(anyQuery, (q) => {
        const { state } = parseLink(q);
        const again = parseLink(serializeLink(state));
        expect(again.ignored).toEqual([]);
        expect(again.state, `query ${JSON.stringify(q.slice(0, 200))} → filter ${JSON.stringify(state.filter.slice(-4))}`).toEqual(state);
      }),
      { numRuns: 3000 },
    );
  });

  it('a value that is not a list of m, g, k is reported for ref, even when it names an Object property', () => {
    // `c in REF_CODES` also finds inherited properties (toString, constructor, __proto__…).
    for (const v of ['m,toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty', 'k,isPrototypeOf']) {
      const { state, ignored } = parseLink(`?ref=${v}`);
      expect(ignored, `?ref=${v} was silently accepted (refMedian=${state.refMedian}, refRank=${state.refRank})`).toContain('ref');
      expect(state.refMedian).toBe(DEFAULT_STATE.refMedian);
      expect(state.refRank).toBe(DEFAULT_STATE.refRank);
    }
  });

  it('a filter longer than allowed is cut at a character boundary (no lone surrogate)', () => {
    // 199 letters and an emoji: a cut at 200 UTF-16 units splits the emoji's surrogate pair.
    for (const s of ['a'.repeat(199) + '😀', '昌'.repeat(199) + '𠀀𠀀']) {
      const { state } = parseLink(`?q=${encodeURIComponent(s)}`);
      expect(state.filter.length).toBeLessThanOrEqual(200);
      const wellFormed = (state.filter as string & { isWellFormed(): boolean }).isWellFormed();
      expect(wellFormed, `the filter ends in a lone surrogate ${JSON.stringify(state.filter.slice(-1))} (url-codec.ts cuts q with slice(0, 200))`).toBe(true);
    }
  });

  // Valid states, built field by field from their grammars.
  const id = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/);
  const year = fc.integer({ min: 1949, max: 2100 });
  const validState: fc.Arbitrary<ViewState> = fc
    .record({
      view: fc.constantFrom(...VIEW_IDS),
      lang: fc.constantFrom('zh' as const, 'en' as const),
      indicator: id,
      basis: fc.option(fc.oneof(fc.constant(''), id), { nil: null }),
      districts: fc.option(fc.uniqueArray(id, { maxLength: 20 }), { nil: null }),
      chart: fc.constantFrom('bar' as const, 'line' as const),
      year: fc.oneof(fc.constant('latest' as const), year),
      common: fc.boolean(),
      range: fc.tuple(fc.option(year, { nil: null }), fc.option(year, { nil: null })),
      refMedian: fc.boolean(),
      refGroup: fc.boolean(),
      refRank: fc.boolean(),
      tableMode: fc.constantFrom('years' as const, 'indicators' as const),
      sort: fc.oneof(fc.constant(''), fc.tuple(fc.stringMatching(/^[a-z0-9_-]{1,64}$/), fc.constantFrom('asc', 'desc')).map(([c, d]) => `${c}:${d}`)),
      // A filter as typed: any text up to 200 code units; the link trims it, so it starts and ends with no space.
      filter: fc.string({ unit: 'grapheme', maxLength: 120 }).filter((s) => s.length <= 200 && s.trim() === s),
      hidden: fc.uniqueArray(id, { maxLength: 10 }),
      district: fc.option(id, { nil: null }),
      source: fc.option(id, { nil: null }),
      obs: fc.option(fc.stringMatching(/^[0-9a-z~]{6,24}$/), { nil: null }),
      present: fc.boolean(),
      embed: fc.boolean(),
      embedTable: fc.boolean(),
      withImported: fc.boolean(),
      dataVersion: fc.option(fc.stringMatching(/^[0-9a-f]{6,40}$/), { nil: null }),
    })
    .map(({ range: [a, b], ...r }) => ({
      ...DEFAULT_STATE,
      ...r,
      from: a !== null && b !== null ? Math.min(a, b) : a,
      to: a !== null && b !== null ? Math.max(a, b) : b,
    }));

  it('parseLink(serializeLink(state)) gives back any valid state, with nothing ignored', () => {
    fc.assert(
      fc.property(validState, (s) => {
        const q = serializeLink(s);
        const { state, ignored } = parseLink(q);
        expect(ignored, q).toEqual([]);
        expect(state, q).toEqual(s);
        // The link is what the address bar shows: it must survive a URL round trip too.
        expect(parseLink(new URL(`http://x/${q}`).search).state).toEqual(s);
      }),
      { numRuns: 3000 },
    );
  });
});

// ---------------------------------------------------------------------------
// (b) the CSV import

const ds = curatedDataset();
const indexes = new Map<string, SourceIndex>([...ds.sourceTexts].map(([k, v]) => [k, indexSource(v)]));
const opts = { sourceIndex: (sid: string) => indexes.get(sid) };
const OBS_HEADER = ['district', 'year', 'period', 'indicator', 'value', 'basis', 'scope', 'source', 'locator', 'quote', 'flags', 'note_zh', 'note_en'];
const DISTRICT_HEADER = ['id', 'name_zh', 'name_en', 'group', 'pinyin', 'tile_col', 'tile_row', 'note_zh', 'note_en'];
const INDICATOR_HEADER = ['id', 'name_zh', 'name_en', 'unit', 'category', 'decimals', 'definition_zh', 'definition_en'];

const someQuote = [...ds.observations.filter((o) => o.quote && !o.flags.includes('derived'))].slice(0, 30);
const cellValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ds.refs.districts.keys(), ...ds.refs.indicators.keys(), ...ds.refs.sources.keys(), ...ds.refs.bases.keys()) },
  { weight: 2, arbitrary: fc.constantFrom('2020', '2021', '2022', '2019', '1800', '20x2', '1,061', '100%', '１００', '9.03:1', '无', '-1', '1e3', 'NaN', 'Infinity', '0', '99.5') },
  { weight: 2, arbitrary: fc.constantFrom(...someQuote.map((o) => o.quote), ...someQuote.map((o) => String(o.value))) },
  { weight: 2, arbitrary: fc.constantFrom(...CORPUS, 'derived', 'conflict;conflict', 'imported', 'public_schools', 'small_sample', "'=1+1", '"', '""', '"a""b"', '\r\n', '\n', ',', '\u0000') },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 30 }) },
);
/** Rows of cells, usually as many as the header, sometimes not. */
const rowsFor = (header: readonly string[]) =>
  fc.array(
    fc.oneof(
      { weight: 5, arbitrary: fc.array(cellValue, { minLength: header.length, maxLength: header.length }) },
      { weight: 1, arbitrary: fc.array(cellValue, { maxLength: header.length + 3 }) },
    ),
    { maxLength: 25 },
  );
/** CSV text: properly quoted, or naively joined (quotes and commas left as they are), LF or CRLF (CR alone has its own test). */
const csvFor = (header: readonly string[]) =>
  fc.tuple(rowsFor(header), fc.boolean(), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean()).map(([rows, quoted, eol, bom, trailing]) => {
    let text: string;
    if (quoted) {
      text = csvText(header, rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))));
    } else {
      // A bare CR in an unquoted cell can make the parser take CR for the line end: that case
      // (wrong line numbers) has its own test, so bare CRs are kept out of naive rows here.
      text = [header.join(','), ...rows.map((r) => r.join(',').replace(/\r(?!\n)/g, ' '))].join(eol) + (trailing ? eol : '');
    }
    return (bom ? '\uFEFF' : '') + text;
  });
const anyHeader: fc.Arbitrary<readonly string[]> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(OBS_HEADER) },
  { weight: 2, arbitrary: fc.constant([...PUBLIC_CSV_COLUMNS]) },
  { weight: 1, arbitrary: fc.shuffledSubarray(OBS_HEADER, { minLength: 1 }) },
  { weight: 1, arbitrary: fc.constant(DISTRICT_HEADER) },
  { weight: 1, arbitrary: fc.constant(INDICATOR_HEADER) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...OBS_HEADER, 'indicator', 'value', 'unit', 'group', 'name_zh'), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 10 }) },
);
const csvInput = anyHeader.chain((h) => csvFor(h)).map((t) => new TextEncoder().encode(t));
const fileName = fc.oneof({ weight: 8, arbitrary: fc.constant('data.csv') }, { weight: 1, arbitrary: fc.constantFrom('x.txt', 'X.CSV', 'noext', 'a.csv.exe', '.csv', '') });

/** The ways a result may be wrong; [] when it accounts for every row. */
function resultProblems(r: ImportResult): string[] {
  const p: string[] = [];
  if (r.fileError !== null) {
    if (typeof r.fileError !== 'string' || r.fileError === '') p.push(`fileError ${JSON.stringify(r.fileError)}`);
    return p;
  }
  const accepted = r.accepted.length + r.districts.length + r.indicators.length;
  // Every row is accepted or refused exactly once, for every kind of table.
  if (accepted + r.rejected.length !== r.rows) {
    p.push(`rows ${r.rows} ≠ accepted ${accepted} + rejected ${r.rejected.length} (kind ${r.kind}; rejections ${JSON.stringify(r.rejected.map((x) => `${x.line}:${x.field}`))})`);
  }
  for (const x of r.rejected) {
    if (!(Number.isInteger(x.line) && x.line >= 2)) p.push(`rejection line ${x.line} (${x.field}: ${x.reason})`);
    if (typeof x.field !== 'string' || x.field === '') p.push(`rejection without a field at line ${x.line}`);
    if (typeof x.reason !== 'string' || x.reason.trim() === '') p.push(`rejection without a reason at line ${x.line}`);
    // Every reason can be said in the reader's language: it has a code, and Chinese for it.
    for (const i of x.issues ?? []) if (!i.code || !ISSUE_ZH[i.code]) p.push(`rejection at line ${x.line} without a translatable code: ${i.field}: ${i.message}`);
    if (!x.issues || x.issues.length === 0) p.push(`rejection at line ${x.line} without issues`);
  }
  for (const o of r.accepted) {
    if (!Number.isFinite(o.value)) p.push(`accepted a non-finite value ${o.value}`);
    if (!ds.refs.districts.has(o.district)) p.push(`accepted unknown district ${o.district}`);
    if (!ds.refs.indicators.has(o.indicator)) p.push(`accepted unknown indicator ${o.indicator}`);
    if (!o.flags.includes('imported')) p.push('accepted a row not flagged imported');
  }
  return p;
}

function judge(bytes: Uint8Array, name = 'data.csv'): ImportResult {
  return importCsv(bytes, name, ds.refs, opts);
}

describe('CSV import: importCsv on any file', () => {
  it('random bytes: never throws; a file error or every row accounted for', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fileName, (bytes, name) => {
        expect(resultProblems(judge(bytes, name))).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  it('random bytes behind a real header', () => {
    fc.assert(
      fc.property(fc.constantFrom(OBS_HEADER, [...PUBLIC_CSV_COLUMNS]), fc.uint8Array({ maxLength: 2000 }), (h, tail) => {
        const head = new TextEncoder().encode(h.join(',') + '\n');
        const bytes = new Uint8Array(head.length + tail.length);
        bytes.set(head);
        bytes.set(tail, head.length);
        expect(resultProblems(judge(bytes))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('CSV-ish text with real headers and random cells: every row accepted or refused with line, field and reason', () => {
    fc.assert(
      fc.property(csvInput, (bytes) => {
        expect(resultProblems(judge(bytes))).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  it('valid rows are accepted whatever hostile text their notes, locator and quote carry, up to the cell limits', () => {
    const haidian = (note: string, i: number) => ({
      district: 'haidian', year: String(2000 + i), period: note, indicator: 'intake', value: '1200', basis: '', scope: '',
      source: '', locator: note, quote: `${note} 1200`, flags: '', note_zh: note, note_en: note,
    });
    // The note goes into period too, the field with the smallest limit among these.
    const fits = (note: string) => note.length <= FIELD_LIMITS.period!;
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...CORPUS), fc.string({ unit: 'binary', maxLength: 50 })), { minLength: 1, maxLength: 30 }), (notes) => {
        // Control characters U+0000–U+0008 in the first 4 KiB mark a binary file: keep them out of this property.
        const clean = notes.map((n) => n.replace(/[\u0000-\u0008]/g, '').replace(/\d/g, ''));
        const text = csvText(OBS_HEADER, clean.map(haidian));
        const r = judge(new TextEncoder().encode(text));
        expect(resultProblems(r)).toEqual([]);
        // Rows are told apart by their year (a note with line breaks moves the line numbers).
        const tooLong = clean.flatMap((n, i) => (fits(n) ? [] : [String(2000 + i)]));
        expect(r.rejected.map((x) => x.cells['year'])).toEqual(tooLong);
        for (const x of r.rejected) expect(x.issues.map((i) => i.code)).toContain('cell.tooLong');
        expect(r.accepted.map((o) => o.noteEn)).toEqual(clean.filter(fits).map((n) => n.trim()));
        expect(r.accepted.map((o) => o.quote)).toEqual(clean.filter(fits).map((n) => `${n} 1200`));
      }),
      { numRuns: 300 },
    );
  });

  it('long inputs: a 5 MB file of random rows finishes in seconds and accounts for every row', { timeout: 30_000 }, () => {
    const row = 'changping,2022,,intake,1061,,,changping-2023,表 1-1,招生人数 1061,,"a, ""quoted"" note",' + HOSTILE.img;
    const body = Array.from({ length: 40_000 }, (_, i) => (i % 7 === 0 ? `${row},extra` : i % 11 === 0 ? `"unclosed,${i}` : row.replace('2022', String(2015 + (i % 10))))).join('\n');
    const bytes = new TextEncoder().encode(`${OBS_HEADER.join(',')}\n${body}\n`);
    const t0 = performance.now();
    const r = judge(bytes);
    const ms = performance.now() - t0;
    expect(resultProblems(r)).toEqual([]);
    expect(ms).toBeLessThan(20_000);
  });

  it('a file with classic Mac line ends (CR only) reports refused rows at their own lines', () => {
    const ok = 'changping,2022,,intake,1061,,,,,,,,';
    const bad = 'changping,2022,,intake,abc,,,,,,,,';
    const r = judge(new TextEncoder().encode([OBS_HEADER.join(','), ok, bad, ok.replace('2022', '2021'), bad].join('\r') + '\r'));
    expect(r.rows).toBe(4);
    expect(r.rejected.map((x) => `${x.line} ${x.field}`), 'csv.ts counts lines by LF only, so every record of a CR-only file is on "line 1"').toEqual(['3 value', '5 value']);
  });

  it('a header with no rows is one file-level answer, not a refused row that does not exist', () => {
    const r = judge(new TextEncoder().encode(OBS_HEADER.join(',') + '\n'));
    expect(resultProblems(r)).toEqual([]);
  });

  it('a districts table row with two bad cells counts as one refused row', () => {
    const text = `${DISTRICT_HEADER.join(',')}\nBad Id,,x,core,,,,,\n`;
    const r = judge(new TextEncoder().encode(text));
    expect(r.kind).toBe('districts');
    expect(resultProblems(r)).toEqual([]);
  });

  it('a districts table with a bad header is one file-level answer, as for observations', () => {
    const r = judge(new TextEncoder().encode('name_zh,group\n海淀,core\n'));
    expect(r.kind).toBe('districts');
    expect(r.fileError, `got refused rows instead: ${JSON.stringify(r.rejected.map((x) => `${x.line} ${x.field}: ${x.reason}`))}`).toMatch(/^header:/);
  });

  it('a districts table row the CSV parser cannot split is counted among the rows', () => {
    const text = `${DISTRICT_HEADER.join(',')}\nhaidian2,海淀二,Haidian 2,core,,,,,\nnot,enough,cells\n`;
    const r = judge(new TextEncoder().encode(text));
    expect(r.kind).toBe('districts');
    expect(r.districts.map((d) => d.id)).toEqual(['haidian2']);
    expect(resultProblems(r)).toEqual([]);
  });
});

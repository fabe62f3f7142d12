// Hostile data: a corpus of strings that try to become markup, script,
// spreadsheet formulas or ECharts templates, and a generator that writes a
// *valid* project (a copy of data/) where they appear in every free-text
// field the app displays. The project builds with zero errors: ids stay ids,
// numbers stay numbers, cells stay within their length limits, and each quote
// still occurs verbatim in its report (the hostile lines are appended to a
// copy of the report and its sha256 is updated in sources.csv).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { injectBoot } from '../../scripts/lib/boot-html.ts';
import { ROOT } from './dataset.ts';

/** Every control character U+0000–U+001F except the newline, between letters so trimming cannot eat them. */
export const CONTROL_CHARS = Array.from({ length: 32 }, (_, i) => i)
  .filter((i) => i !== 0x0a)
  .map((i) => String.fromCharCode(i))
  .join('');

/**
 * A long string without spaces or digits (no Chinese numerals either, so quotes keep their numbers):
 * 1,500 characters, as long as a free-text cell may be (2,000, src/domain/limits.ts) with room for
 * the text it is added to. Longer cells are refused by the build and the import.
 */
export const LONG_LENGTH = 1500;
export const LONG = Array.from({ length: LONG_LENGTH }, (_, i) => 'LONG长串'[i % 6]).join('');

export const HOSTILE = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=2">',
  svg: '"><svg onload=window.__pwned=3>',
  js: 'javascript:window.__pwned=4',
  rich: '{a|b}',
  /** ECharts string formatters replace {a} {b} {c}: a name must not become a template. */
  template: '{a}{b}{c}',
  textarea: '</textarea><b>x</b>',
  sql: "'; alert(1); //",
  control: `ctl${CONTROL_CHARS}ctl`,
  rlo: 'rlo\u202eexe.txt\u202c',
  zwj: 'zw\u200dj\u200cn\u200bx👨\u200d👩\u200d👧',
  formula: '=HYPERLINK("http://evil")',
  plus: '+SUM(1+1)*cmd',
  minus: '-2+3+cmd',
  at: '@SUM(1+1)',
  emoji: '😀🇨🇳👍🏽',
} as const;

export type HostileKey = keyof typeof HOSTILE;
export const SHORT_KEYS = Object.keys(HOSTILE) as HostileKey[];
/** All short hostile strings in one, starting with a formula so that it tests CSV cells too. */
export const MIX = [HOSTILE.formula, ...SHORT_KEYS.filter((k) => k !== 'formula').map((k) => HOSTILE[k])].join(' ');

/** The corpus as a flat list (the long string included), for unit fuzzing. */
export const CORPUS: string[] = [...SHORT_KEYS.map((k) => HOSTILE[k]), LONG];

/**
 * The hostile strings each district's name starts with. The five districts with
 * data get the sharpest ones, since only they appear in charts (their names are
 * drawn by ECharts, as axis labels and line end labels, and exported as SVG).
 */
export const DISTRICT_ITEMS: Record<string, HostileKey[]> = {
  changping: ['script'],
  chaoyang: ['img', 'control'],
  fangshan: ['svg', 'template'],
  huairou: ['rich'],
  xicheng: ['formula'],
  dongcheng: ['js'],
  haidian: ['textarea'],
  fengtai: ['sql'],
  shijingshan: ['control'],
  mentougou: ['rlo'],
  tongzhou: ['zwj'],
  shunyi: ['plus'],
  daxing: ['minus'],
  pinggu: ['at'],
  yanqing: ['emoji'],
  miyun: ['template'],
};

type Row = Record<string, string>;

function readCsv(path: string): { fields: string[]; rows: Row[] } {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true, delimiter: ',' });
  if (parsed.errors.length) throw new Error(`${path}: ${parsed.errors.map((e) => e.message).join('; ')}`);
  return { fields: parsed.meta.fields!, rows: parsed.data };
}

/** Every cell quoted, quotes doubled, LF line ends (no bare CR outside quotes, so the parser cannot mistake it for a line end). */
export function csvText(fields: readonly string[], rows: Row[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return [fields.map(q).join(','), ...rows.map((r) => fields.map((f) => q(r[f] ?? '')).join(','))].join('\n') + '\n';
}

function writeCsv(path: string, fields: string[], rows: Row[]) {
  writeFileSync(path, csvText(fields, rows));
}

const join2 = (...parts: string[]) => parts.filter((p) => p !== '').join(' ');
const item = (i: number) => HOSTILE[SHORT_KEYS[i % SHORT_KEYS.length]!];

export interface HostileProject {
  root: string;
  /** What the build will show for a few fields, for "shown as text" checks. */
  expect: {
    districtName: (id: string, lang: 'zh' | 'en') => string;
    indicatorName: (id: string, lang: 'zh' | 'en') => string;
    sourceTitle: (id: string, lang: 'zh' | 'en') => string;
    /** The observation whose quote holds the long string. */
    longQuote: { district: string; indicator: string; year: string; source: string; quote: string };
  };
}

/**
 * Writes a hostile copy of data/ under `root`/data. Names start with a hostile
 * string (one per district / indicator / basis / source, rotating through the
 * corpus); definitions, notes and publishers carry all of it; every
 * observation's period, locator, notes and quote carry one entry (the first
 * row's quote the 10,000-character one).
 */
export function writeHostileProject(root: string): HostileProject {
  const src = join(ROOT, 'data');
  const data = join(root, 'data');
  mkdirSync(data, { recursive: true });
  cpSync(src, data, { recursive: true });

  // Groups: names.
  {
    const { fields, rows } = readCsv(join(src, 'groups.csv'));
    rows.forEach((r, i) => {
      r.name_zh = item(i + 3) + r.name_zh;
      r.name_en = item(i + 3) + r.name_en;
    });
    writeCsv(join(data, 'groups.csv'), fields, rows);
  }

  // Districts: names start with their hostile string, notes carry all of it (one the long string).
  const districtNames = new Map<string, { zh: string; en: string }>();
  {
    const { fields, rows } = readCsv(join(src, 'districts.csv'));
    for (const r of rows) {
      const h = (DISTRICT_ITEMS[r.id!] ?? ['emoji']).map((k) => HOSTILE[k]).join('');
      r.name_zh = h + r.name_zh;
      r.name_en = h + r.name_en;
      r.note_zh = join2(MIX, r.note_zh!, r.id === 'changping' ? LONG : '');
      r.note_en = join2(MIX, r.note_en!);
      districtNames.set(r.id!, { zh: r.name_zh, en: r.name_en });
    }
    writeCsv(join(data, 'districts.csv'), fields, rows);
  }

  const indicatorNames = new Map<string, { zh: string; en: string }>();
  {
    const { fields, rows } = readCsv(join(src, 'indicators.csv'));
    rows.forEach((r, i) => {
      r.name_zh = item(i) + r.name_zh;
      r.name_en = item(i) + r.name_en;
      r.definition_zh = join2(MIX, r.definition_zh!, r.id === 'schools' ? LONG : '');
      r.definition_en = join2(MIX, r.definition_en!);
      indicatorNames.set(r.id!, { zh: r.name_zh, en: r.name_en });
    });
    writeCsv(join(data, 'indicators.csv'), fields, rows);
  }

  {
    const { fields, rows } = readCsv(join(src, 'bases.csv'));
    rows.forEach((r, i) => {
      r.name_zh = item(i + 5) + r.name_zh;
      r.name_en = item(i + 5) + r.name_en;
      r.definition_zh = join2(MIX, r.definition_zh!);
      r.definition_en = join2(MIX, r.definition_en!);
    });
    writeCsv(join(data, 'bases.csv'), fields, rows);
  }

  // Observations: quotes get a hostile prefix, and the prefixed quote is appended to the report text.
  const appended = new Map<string, string[]>();
  let longQuote: HostileProject['expect']['longQuote'] | null = null;
  let n = 0;
  for (const file of readdirSync(join(src, 'observations')).sort()) {
    const { fields, rows } = readCsv(join(src, 'observations', file));
    for (const r of rows) {
      const h = item(n);
      r.period = join2(h, r.period!);
      r.locator = join2(item(n + 1), r.locator!);
      r.note_zh = join2(MIX, r.note_zh!);
      r.note_en = join2(MIX, r.note_en!);
      const prefix = n === 0 ? LONG : item(n + 2);
      r.quote = `${prefix} ${r.quote}`;
      if (n === 0) longQuote = { district: r.district!, indicator: r.indicator!, year: r.year!, source: r.source!, quote: r.quote };
      let lines = appended.get(r.source!);
      if (!lines) appended.set(r.source!, (lines = []));
      lines.push(r.quote);
      n++;
    }
    writeCsv(join(data, 'observations', file), fields, rows);
  }

  {
    const { fields, rows } = readCsv(join(src, 'derivations.csv'));
    for (const r of rows) {
      r.note_zh = join2(MIX, r.note_zh!);
      r.note_en = join2(MIX, r.note_en!);
    }
    writeCsv(join(data, 'derivations.csv'), fields, rows);
  }

  // Reports: the hostile quotes appended, sha256 updated; titles, publishers and notes poisoned.
  const sourceTitles = new Map<string, { zh: string; en: string }>();
  {
    const { fields, rows } = readCsv(join(src, 'sources.csv'));
    rows.forEach((r, i) => {
      const path = join(data, 'sources', r.file!);
      const text = readFileSync(path, 'utf8');
      const extra = [...new Set(appended.get(r.id!) ?? [])];
      const bytes = Buffer.from(`${text}\n\n${MIX}\n${extra.join('\n')}\n`, 'utf8');
      writeFileSync(path, bytes);
      r.sha256 = createHash('sha256').update(bytes).digest('hex');
      r.title = item(i + 7) + r.title;
      r.title_en = item(i + 7) + r.title_en;
      r.publisher = join2(item(i + 9), r.publisher!);
      r.note_zh = join2(MIX, r.note_zh!, r.id === 'changping-2023' ? LONG : '');
      r.note_en = join2(MIX, r.note_en!);
      sourceTitles.set(r.id!, { zh: r.title, en: r.title_en || r.title });
    });
    writeCsv(join(data, 'sources.csv'), fields, rows);
  }

  return {
    root,
    expect: {
      districtName: (id, lang) => districtNames.get(id)![lang],
      indicatorName: (id, lang) => indicatorNames.get(id)![lang],
      sourceTitle: (id, lang) => sourceTitles.get(id)![lang],
      longQuote: longQuote!,
    },
  };
}

/**
 * Builds the data of a project with the repository's build script (which
 * prints every problem and exits 1 on any) into `root`/dist/data, and places
 * the already-built app (dist/) next to it. Returns the dist folder.
 */
export function buildHostileSite(root: string): string {
  const dist = join(root, 'dist');
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/build-data.ts'), '--root', root, '--out', join(dist, 'data')], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`the hostile project does not build (exit ${r.status}):\n${r.stderr}${r.stdout}`);
  if (r.stderr.trim() !== '') throw new Error(`the hostile build printed problems:\n${r.stderr}`);
  for (const f of ['favicon.svg', 'assets']) cpSync(join(ROOT, 'dist', f), join(dist, f), { recursive: true });
  // The page carries its own dataset's first view, as a build of the site with this data would.
  writeFileSync(join(dist, 'index.html'), injectBoot(readFileSync(join(ROOT, 'dist/index.html'), 'utf8'), join(dist, 'data')));
  return dist;
}

/** Parses CSV text (RFC 4180) into rows of cells, for checking exported files. */
export function parseCsvCells(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ',', skipEmptyLines: true }).data;
}

/** Cells a spreadsheet would run as a formula: starting with = + - @ (or a tab / CR before one). */
export function formulaCells(rows: string[][]): { row: number; col: number; cell: string }[] {
  const out: { row: number; col: number; cell: string }[] = [];
  rows.forEach((r, i) =>
    r.forEach((c, j) => {
      if (/^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c)) out.push({ row: i + 1, col: j + 1, cell: c.slice(0, 60) });
    }),
  );
  return out;
}

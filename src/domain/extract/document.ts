// A report's plain text as the extractor sees it: headings, table captions,
// prose paragraphs (lines the PDF conversion broke are joined again), tables
// (tab-separated lines), case-study boxes, and what the title and date line
// say about the district and the years.
import { chineseNumeral } from '../numbers.ts';

export interface Heading {
  /** 1-based line. */
  line: number;
  /** As the report writes it, without markdown and trailing text ("2.2 就业质量"). */
  title: string;
  /** A year the heading names ("1.1.1 2019年招生…"), if any. */
  year: number | null;
}

/** A run of prose. `text` joins the source lines without the line breaks between them. */
export interface Paragraph {
  text: string;
  /** Offset in the source text of each character of `text`. */
  offsets: number[];
  heading: Heading | null;
  caseStudy: boolean;
}

export interface TableCell {
  text: string;
  /** Offsets of the cell in the source text. */
  start: number;
  end: number;
}

export interface TableRow {
  line: number;
  start: number;
  end: number;
  cells: TableCell[];
}

export interface Table {
  rows: TableRow[];
  caption: Heading | null;
  heading: Heading | null;
  caseStudy: boolean;
}

export interface ReportDocument {
  text: string;
  paragraphs: Paragraph[];
  tables: Table[];
  /** The report's title line, if found. */
  title: string;
  titleYear: number | null;
  district: string;
  /** The year the report's data describe: its date line, else the year it names most. */
  dataYear: number | null;
  /** Where dataYear came from, for notes. */
  dataYearFrom: 'date line' | 'most frequent year' | 'title' | '';
  lineStarts: number[];
}

const MARKDOWN = /^[#\s]*(?:\*\*)?\s*|\s*(?:\*\*)?\s*$/g;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})(?:[.、．]\s*|\s+)(?=\S)/;
const CN_NUMBERED = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])\s*/;
const BAD_TITLE_START = /^[年月日人名个所项次%％号届级岁元万亿倍:：]/;
const CAPTION_NUMBERED = /^表\s*[0-9０-９一二三四五六七八九十]+(?:\s*[-－—.．]\s*[0-9０-９]+)?(?![0-9０-９])/;
const CAPTION_ENDING = /^[^\t，。；;：:]{2,40}表(?:\s*[（(][^)）]{1,10}[)）])?$/;
const CASE_STUDY = /^【\s*案例/;
const FIGURE = /^图\s*[0-9０-９]/;
const TERMINAL = /[。！？!?；;：:”"）)]$/;
const CN_YEAR = /([零〇一二三四五六七八九]{4})\s*年/;
const YEAR = /((?:19|20)[0-9]{2})\s*(?:年|学年|届)/g;
// "2022年12月", "二零二一年十一月": a line holding only the date the report was written.
const DATE_LINE =
  /^\s*(?:((?:19|20)[0-9]{2})|([零〇一二三四五六七八九]{4}))\s*年\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\s*[0-9]{1,2}\s*日)?\s*$/;

function stripMarkdown(s: string): string {
  return s.replace(MARKDOWN, '');
}

function yearIn(s: string): number | null {
  YEAR.lastIndex = 0;
  const m = YEAR.exec(s);
  return m ? Number(m[1]) : null;
}

/** A section heading such as "2.2 就业质量" or "六、政府履责", with where its own text ends. */
export function readHeading(line: string): { title: string; body: string; rest: string } | null {
  const s = stripMarkdown(line.trim());
  if (s === '' || s.includes('\t')) return null;
  let m = NUMBERED.exec(s);
  let body: string;
  if (m) {
    body = s.slice(m[0].length);
    // "79.9%。" on a line of its own is the end of a sentence, not section 79.
    if (/^[0-9０-９%％.．]/.test(body)) return null;
    // "6 月 10 日，…", "3 名学生…": a bare number and a space start a sentence, not a section.
    const bare = !/[.、．]/.test(m[0]);
    if (bare && BAD_TITLE_START.test(body)) return null;
  } else {
    m = CN_NUMBERED.exec(s);
    if (!m) return null;
    body = s.slice(m[0].length);
  }
  const cut = /[。：:，,；;]/.exec(body);
  const titleBody = (cut ? body.slice(0, cut.index) : body).trim();
  if (titleBody.length === 0 || titleBody.length > 40) return null;
  const rest = cut ? body.slice(cut.index + 1).trim() : '';
  return { title: (s.slice(0, m[0].length) + titleBody).trim(), body, rest };
}

export function readCaption(line: string): string | null {
  const s = stripMarkdown(line.trim());
  if (s.length > 60 || s.includes('\t')) return null;
  if (CAPTION_NUMBERED.test(s) || CAPTION_ENDING.test(s)) return s;
  return null;
}

function isBlank(s: string): boolean {
  return s.trim() === '';
}

/** Splits the text into lines with their offsets (LF or CRLF). */
function splitLines(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      let end = i;
      if (end > start && text[end - 1] === '\r') end--;
      out.push({ start, end, text: text.slice(start, end) });
      start = i + 1;
    }
  }
  return out;
}

function splitCells(text: string, lineStart: number): TableCell[] {
  const cells: TableCell[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\t') {
      cells.push({ text: text.slice(s, i).trim(), start: lineStart + s, end: lineStart + i });
      s = i + 1;
    }
  }
  return cells;
}

/** Reads a report into headings, paragraphs and tables. `fileName` helps guess the district. */
export function readDocument(text: string, fileName = '', districtNames: Record<string, string> = {}): ReportDocument {
  const lines = splitLines(text);
  const paragraphs: Paragraph[] = [];
  const tables: Table[] = [];
  let heading: Heading | null = null;
  let caseStudy = false;
  let title = '';
  let titleLine = -1;
  let open: Paragraph | null = null;
  let openTable: Table | null = null;
  let pendingCaption: { heading: Heading; line: number } | null = null;
  let blanks = 0;
  const captionsAfter: { caption: Heading; line: number }[] = [];

  for (let i = 0; i < lines.length && titleLine < 0 && i < 20; i++) {
    const s = stripMarkdown(lines[i]!.text.trim());
    if (/报告\s*(?:[（(][^)）]{0,24}[)）])?$/.test(s) && s.length <= 60) {
      title = s;
      titleLine = i;
    }
  }

  const closeProse = () => {
    open = null;
  };

  const spaced = spaceTableRows(lines);
  for (let i = 0; i < lines.length; i++) {
    const ln = lines[i]!;
    const lineNo = i + 1;
    if (isBlank(ln.text)) {
      blanks++;
      continue;
    }
    const hadBlanks = blanks;
    blanks = 0;
    if (i === titleLine) {
      closeProse();
      openTable = null;
      continue;
    }
    const spacedCells = spaced.get(i);
    if (ln.text.includes('\t') || spacedCells) {
      closeProse();
      const row: TableRow = { line: lineNo, start: ln.start, end: ln.end, cells: spacedCells ?? splitCells(ln.text, ln.start) };
      if (/^[-\s\t]+$/.test(ln.text)) continue; // a markdown rule row
      if (openTable && (hadBlanks <= 2) && !startsNewTable(row, hadBlanks)) {
        openTable.rows.push(row);
      } else {
        const caption = pendingCaption && lineNo - pendingCaption.line <= 4 ? pendingCaption.heading : null;
        openTable = { rows: [row], caption, heading, caseStudy };
        tables.push(openTable);
        pendingCaption = null;
      }
      continue;
    }
    const wasTable: Table | null = openTable;
    openTable = null;
    const trimmed = ln.text.trim();
    const caption = readCaption(trimmed);
    if (caption) {
      closeProse();
      const h: Heading = { line: lineNo, title: caption, year: yearIn(caption) };
      pendingCaption = { heading: h, line: lineNo };
      if (wasTable) captionsAfter.push({ caption: h, line: lineNo });
      continue;
    }
    if (CASE_STUDY.test(trimmed)) {
      closeProse();
      caseStudy = true;
      continue;
    }
    if (FIGURE.test(trimmed) || DATE_LINE.test(stripMarkdown(trimmed))) {
      closeProse();
      continue;
    }
    const h = readHeading(ln.text);
    if (h) {
      closeProse();
      heading = { line: lineNo, title: h.title, year: yearIn(h.title) };
      // "7.1 案例：订单班育人成效": a case-study section, like a 【案例】 box.
      caseStudy = /案例/.test(h.title);
      // A heading that carries a value ("6.1.2 生均拨款： 900 元/生·年") is read as prose too.
      if (h.rest && /[0-9０-９]/.test(h.rest)) {
        const startInLine = ln.text.indexOf(h.body);
        const bodyText = ln.text.slice(startInLine);
        paragraphs.push({
          text: bodyText,
          offsets: [...bodyText].map((_, k) => ln.start + startInLine + k),
          heading,
          caseStudy,
        });
      }
      continue;
    }
    // Prose: continue the open paragraph when the previous line stopped mid-sentence.
    const p = open as Paragraph | null;
    // An unnumbered heading: a short line on its own between blank lines, with no sentence punctuation.
    const midSentence = p !== null && !TERMINAL.test(p.text.trimEnd());
    const nextBlank = i + 1 >= lines.length || isBlank(lines[i + 1]!.text);
    const bare = stripMarkdown(trimmed);
    if (!midSentence && (hadBlanks > 0 || i === 0) && nextBlank && bare.length >= 2 && bare.length <= 24 && !/[，。；;：:！？!?,、]/.test(bare) && !/^[0-9０-９.\s%％]+$/.test(bare)) {
      closeProse();
      heading = { line: lineNo, title: bare, year: yearIn(bare) };
      caseStudy = /案例/.test(bare);
      continue;
    }
    if (p && !TERMINAL.test(p.text.trimEnd()) && p.caseStudy === caseStudy) {
      const startIn = ln.text.length - ln.text.trimStart().length;
      const add = ln.text.slice(startIn).trimEnd();
      for (let k = 0; k < add.length; k++) p.offsets.push(ln.start + startIn + k);
      p.text += add;
      continue;
    }
    const startIn = ln.text.length - ln.text.trimStart().length;
    const body = ln.text.slice(startIn).trimEnd();
    const para: Paragraph = { text: body, offsets: [...Array(body.length).keys()].map((k) => ln.start + startIn + k), heading, caseStudy };
    paragraphs.push(para);
    open = para;
  }

  // A caption right after a table with none of its own, and not heading a table of its own, is that table's.
  for (const { caption, line } of captionsAfter) {
    const before = [...tables].reverse().find((t) => t.rows[t.rows.length - 1]!.line < line);
    const after = tables.find((t) => t.rows[0]!.line > line);
    if (!before || before.caption) continue;
    if (after && after.caption === caption) continue;
    if (line - before.rows[before.rows.length - 1]!.line <= 3) before.caption = caption;
  }

  const titleYear = yearInTitle(title) ?? yearInFileName(fileName);
  const { year: dataYear, from } = reportDataYear(lines.map((l) => l.text), titleYear);
  const lineStarts = lines.map((l) => l.start);
  return {
    text,
    paragraphs,
    tables,
    title,
    titleYear,
    district: districtOf(title, fileName, districtNames),
    dataYear,
    dataYearFrom: from,
    lineStarts,
  };
}

const NUMERIC_CELL = /^(?:[↑↓+＋-]?[0-9０-９][0-9０-９,，.．]*(?:[%％]|\s*[:：]\s*[0-9.]+)?|(?:19|20)[0-9]{2}(?:年度|年|学年|届)?|(?:19|20)[0-9]{2}\s*[-－—–]\s*(?:19|20)[0-9]{2}(?:学年)?|—+|-+|无)$/;
const SPACED_LINE_PUNCT = /[，。；;！？!?、]/;

/** Cells of a line whose columns are separated by spaces: "2016 年" and "(人)" stay with their neighbours. */
function spacedCells(text: string, lineStart: number): TableCell[] {
  const raw: TableCell[] = [];
  for (const m of text.matchAll(/\S+/g)) raw.push({ text: m[0], start: lineStart + m.index!, end: lineStart + m.index! + m[0].length });
  const out: TableCell[] = [];
  for (const c of raw) {
    const prev = out[out.length - 1];
    const numericPrev = prev !== undefined && /[0-9０-９]$/.test(prev.text);
    const joins =
      prev &&
      (/^(?:年度|年|学年|届|[（(][^）)]*[）)])$/.test(c.text) ||
        (/^[%％]$/.test(c.text) && numericPrev) ||
        (/^[-－—–]$/.test(c.text) && /^(?:19|20)[0-9]{2}$/.test(prev.text)) ||
        /^[-－—–]$/.test(prev.text.slice(-1)));
    if (prev && joins) out[out.length - 1] = { text: `${prev.text}${c.text}`.replace(/\s+/g, ''), start: prev.start, end: c.end };
    else {
      // "年份：2017": a label glued to the first value.
      const glued = /^([^0-9０-９]+[：:])([0-9０-９].*)$/.exec(c.text);
      if (glued) {
        const cut = c.start + glued[1]!.length;
        out.push({ text: glued[1]!, start: c.start, end: cut }, { text: glued[2]!, start: cut, end: c.end });
      } else out.push(c);
    }
  }
  return out;
}

/**
 * Lines of tables whose columns the PDF conversion separated with spaces: a run of
 * lines without sentence punctuation, one of them with two or more numeric cells,
 * where single-cell lines are row labels ("招生数" above "25310 24987 23655").
 */
function spaceTableRows(lines: { start: number; end: number; text: string }[]): Map<number, TableCell[]> {
  const out = new Map<number, TableCell[]>();
  let run: { i: number; cells: TableCell[] }[] = [];
  const flush = () => {
    const numericRows = run.filter((r) => r.cells.filter((c) => NUMERIC_CELL.test(c.text)).length >= 2).length;
    const multi = run.filter((r) => r.cells.length >= 2).length;
    if (run.length >= 2 && numericRows >= 1 && multi >= 2) for (const r of run) out.set(r.i, r.cells);
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t.includes('\t') || isBlank(t)) {
      flush();
      continue;
    }
    const bare = t.trim();
    const cells = spacedCells(t, lines[i]!.start);
    const ok = !SPACED_LINE_PUNCT.test(bare) && bare.length <= 120 && (cells.length >= 2 || (run.length > 0 && bare.length <= 20 && !/^#/.test(bare)));
    if (!ok) {
      flush();
      continue;
    }
    run.push({ i, cells });
  }
  flush();
  return out;
}

/** A table line after blank lines starts a new table when it is a header row of its own. */
function startsNewTable(row: TableRow, blanks: number): boolean {
  if (blanks === 0) return false;
  const first = row.cells[0]?.text ?? '';
  if (/^(?:序号|编号)$/.test(first)) return true;
  return false;
}

/** The latest year a title names: "（2023）", "(2022年)", "(2017年9月—2018年8月)" → 2018. */
function yearInTitle(title: string): number | null {
  const years = [...title.matchAll(/(?:^|[^0-9])((?:19|20)[0-9]{2})(?![0-9])/g)].map((m) => Number(m[1]));
  return years.length > 0 ? Math.max(...years) : null;
}

function yearInFileName(fileName: string): number | null {
  const m = /(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)/.exec(fileName.replace(/^.*[\\/]/, ''));
  return m ? Number(m[1]) : null;
}

/** The district named in the title, else the pinyin id a file name starts with ("changping-2023.txt"). */
export function districtOf(title: string, fileName: string, districtNames: Record<string, string>): string {
  for (const [id, name] of Object.entries(districtNames)) {
    if (title.includes(name + '区') || title.includes(name)) return id;
  }
  const base = fileName.replace(/^.*[\\/]/, '').toLowerCase();
  for (const id of Object.keys(districtNames)) {
    if (base.startsWith(id)) return id;
  }
  return '';
}

/**
 * The year a report's figures describe. A date line ("2022年12月",
 * "二零二一年十一月") says when it was written, which is the year its "现有"
 * counts and this year's figures describe; failing that, the year the text
 * names most often, never after the title year.
 */
function reportDataYear(lines: string[], titleYear: number | null): { year: number | null; from: ReportDocument['dataYearFrom'] } {
  for (const l of lines) {
    const m = DATE_LINE.exec(stripMarkdown(l.trim()));
    if (!m) continue;
    const y = m[1] ? Number(m[1]) : chineseNumeral(m[2]!);
    if (y !== null && (titleYear === null || y <= titleYear)) return { year: y, from: 'date line' };
  }
  const counts = new Map<number, number>();
  for (const l of lines) {
    const clean = l.replace(/《[^》]*》|【[^】]*】/g, '');
    YEAR.lastIndex = 0;
    for (let m = YEAR.exec(clean); m; m = YEAR.exec(clean)) {
      // "比2021年增加", "较2021年": a comparison year is not the one the report is about.
      if (/(?:比|较|与|相比|相较|同比)\s*$/.test(clean.slice(Math.max(0, m.index - 3), m.index))) continue;
      const y = Number(m[1]);
      if (titleYear !== null && (y > titleYear || y < titleYear - 4)) continue;
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
    const cn = CN_YEAR.exec(clean);
    if (cn) {
      const y = chineseNumeral(cn[1]!);
      if (y !== null && (titleYear === null || (y <= titleYear && y >= titleYear - 4))) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [y, n] of counts) {
    if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  }
  if (best !== null) return { year: best, from: 'most frequent year' };
  return { year: titleYear, from: titleYear === null ? '' : 'title' };
}

/** 1-based line of an offset. */
export function lineOf(doc: Pick<ReportDocument, 'lineStarts'>, offset: number): number {
  const s = doc.lineStarts;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

// Values in flattened tables (tab-separated rows): years as columns or as rows,
// grouped column headers (bases, sub-totals), a label column, a unit column, a
// numbered list of items, and a header with a single row of values.
import type { FlagId } from '../vocab.ts';
import { finish, type Candidate, type Draft } from './candidate.ts';
import { readHeading, type ReportDocument, type Table, type TableRow } from './document.ts';
import type { Lexicon } from './lexicon.ts';
import { CHANGE_LABEL, CHANGE_ROW, PERCENT_HEADER, TOTAL_COLUMN, TOTAL_ROW } from './patterns.ts';
import { basisFor, cleanLabel, findBases, findTerms, labelTerm, percentIndicator, scopeIn, type BasisMatch, type TermMatch } from './terms.ts';
import { readCell, unitInLabel, type Cell, type ValueKind } from './values.ts';
import { fallbackYear, resolveYear, type YearGuess } from './years.ts';

interface ParsedRow {
  row: TableRow;
  cells: Cell[];
}

const INDEX_HEADER = /^(?:序号|编号|No\.?)$/i;
/** A column header naming the data year or the one before it ("上年", "本年度", "去年数值"). */
const RELATIVE_YEAR_HEADER = /^(?:(上一?年度?|去年|前一年)|本年度?|今年|当年)(?:数|值|数值|数据)?(?:[（(][^（）()]{0,8}[)）])?$/;
const UNIT_HEADER = /^(?:单位|计量单位)$/;
/** The label column of a table listing schools, one a row. */
const SCHOOL_LIST_HEADER = /^(?:学校|学校名称|校名|各校|学校\s*\/\s*指标)$/;

/** Candidates from one table, appended to `out`. */
export function extractTable(lex: Lexicon, doc: ReportDocument, table: Table, district: string, source: string, out: Candidate[]): void {
  const y = doc.titleYear ?? doc.dataYear;
  const span: [number, number] = y === null ? [1990, 2040] : [y - 8, y + 1];
  const parsed: ParsedRow[] = mergeWrappedRows(table.rows.map((row) => ({ row, cells: row.cells.map((c) => readCell(c.text, span)) })));
  // A table of contents ("6.1 经费投入	15") lists headings and page numbers.
  const tocRows = parsed.filter((r) => {
    const first = r.row.cells[0]?.text ?? '';
    const oneValue = r.cells.filter((c) => c.type === 'value').length === 1;
    return oneValue && (readHeading(first) !== null || /\.{3,}|…{2,}/.test(first));
  });
  if (tocRows.length >= Math.max(2, 0.6 * parsed.length)) return;
  // Split into sub-tables at header rows that follow data rows (a repeated or new header).
  const groups: { header: ParsedRow[]; data: ParsedRow[] }[] = [];
  let cur: { header: ParsedRow[]; data: ParsedRow[] } = { header: [], data: [] };
  const indexCol = INDEX_HEADER.test(table.rows[0]?.cells[0]?.text ?? '') ? 0 : -1;
  for (const pr of parsed) {
    // A numbered row ("1	毕业生人数	人	无") is data even when its value is missing.
    const numbered = indexCol === 0 && /^[0-9]{1,3}$/.test(pr.row.cells[0]?.text ?? '');
    const hasValue = numbered || pr.cells.some((c, i) => i !== indexCol && c.type === 'value');
    const hasYear = pr.cells.some((c) => c.type === 'year');
    if (!hasValue) {
      if (cur.data.length > 0 && (hasYear || INDEX_HEADER.test(pr.row.cells[0]?.text ?? ''))) {
        groups.push(cur);
        cur = { header: [pr], data: [] };
      } else if (cur.data.length === 0) cur.header.push(pr);
      continue;
    }
    cur.data.push(pr);
  }
  groups.push(cur);
  for (const g of groups) if (g.data.length > 0) extractSubTable(lex, doc, table, g.header, g.data, indexCol, district, source, out);
}

function extractSubTable(
  lex: Lexicon,
  doc: ReportDocument,
  table: Table,
  header: ParsedRow[],
  data: ParsedRow[],
  indexCol: number,
  district: string,
  source: string,
  out: Candidate[],
): void {
  const width = Math.max(...[...header, ...data].map((r) => r.row.cells.length));
  const unitCol = Math.max(-1, ...header.map((h) => h.row.cells.findIndex((c) => UNIT_HEADER.test(c.text))));
  const idx = header.some((h) => INDEX_HEADER.test(h.row.cells[0]?.text ?? '')) ? 0 : indexCol;

  // Column headers: each header row's text at the column, a group cell spanning the empty cells after it.
  const colText: string[] = Array(width).fill('');
  const colSub: string[] = Array(width).fill('');
  const colYear: ({ year: number; endYear?: number } | null)[] = Array(width).fill(null);
  const grouped: boolean[] = Array(width).fill(false);
  header.forEach((h, hi) => {
    let carry = '';
    for (let c = 0; c < width; c++) {
      const cell = h.cells[c];
      const raw = h.row.cells[c]?.text ?? '';
      if (cell?.type === 'year') {
        colYear[c] = { year: cell.year, ...(cell.endYear !== undefined ? { endYear: cell.endYear } : {}) };
        carry = '';
        continue;
      }
      // "指标 上年 本年 增减": years named relative to the report's data year.
      const rel = doc.dataYear !== null ? RELATIVE_YEAR_HEADER.exec(cleanLabel(raw)) : null;
      if (rel) {
        colYear[c] = { year: doc.dataYear! - (rel[1] ? 1 : 0) };
        carry = '';
        continue;
      }
      let t = raw;
      const lower = header.slice(hi + 1).some((l) => (l.row.cells[c]?.text ?? '') !== '');
      if (t === '' && carry && lower && c > 0) {
        t = carry;
        grouped[c] = true;
        grouped[c - 1] = true;
      } else carry = t;
      if (t) colText[c] = colText[c] ? `${colText[c]} ${t}` : t;
      if (hi === header.length - 1 && header.length > 1) colSub[c] = raw;
    }
  });
  const hasYearCols = colYear.some((y) => y !== null);
  const multiGroup = grouped.filter(Boolean).length >= 2;
  const tableText = [table.caption?.title ?? '', table.heading?.title ?? '', doc.text.slice(table.rows[0]!.start, table.rows[table.rows.length - 1]!.end)].join('\n');
  // What the whole table counts: a one-cell line above the header ("招生"), else the caption's term.
  const groupLine = header.filter((h) => h.row.cells.filter((c) => c.text !== '').length === 1 && h.cells.every((c) => c.type !== 'year')).map((h) => h.row.cells.find((c) => c.text !== '')!.text);
  const captionTerms = table.caption ? findTerms(lex, table.caption.title, 'prose').filter((t) => t.rule.indicator !== null) : [];
  const tableTerm = (groupLine.length > 0 ? labelTerm(lex, groupLine.join('')) : null) ?? captionTerms[captionTerms.length - 1] ?? null;

  // "学校	招生	在校生" / "学校名称 专任教师数 …": each row but the total is one school.
  const labelHead = header[0]?.row.cells[idx === 0 ? 1 : 0]?.text.trim() ?? '';
  const schoolList = SCHOOL_LIST_HEADER.test(labelHead);

  let group = '';
  let prevIndicatorByCol = new Map<number, string>();
  for (const pr of data) {
    const { row, cells } = pr;
    const firstLabelCol = idx === 0 ? 1 : 0;
    let firstValue = cells.findIndex((c, i) => i !== idx && i !== unitCol && c.type === 'value');
    if (firstValue < 0 && hasYearCols) firstValue = colYear.findIndex((y) => y !== null);
    const labelEnd = firstValue < 0 ? cells.length : firstValue;
    const labelParts: string[] = [];
    let rowYear: { year: number; endYear?: number } | null = null;
    for (let i = 0; i < labelEnd; i++) {
      if (i === idx || i === unitCol) continue;
      const c = cells[i]!;
      if (c.type === 'year') rowYear = { year: c.year, ...(c.endYear !== undefined ? { endYear: c.endYear } : {}) };
      else if (c.type === 'text') labelParts.push(row.cells[i]!.text);
    }
    const firstCellEmpty = (row.cells[firstLabelCol]?.text ?? '') === '';
    if (!firstCellEmpty && labelParts.length > 1) group = labelParts[0]!;
    else if (!firstCellEmpty && labelParts.length <= 1) group = '';
    const ownLabel = labelParts.join(' ');
    const groupLabel = firstCellEmpty ? group : '';
    if (CHANGE_ROW.test(cleanLabel(ownLabel)) || CHANGE_LABEL.test(cleanLabel(ownLabel))) continue;
    const rowUnit = unitCol >= 0 ? unitInLabel(row.cells[unitCol]?.text ?? '') : unitInLabel(ownLabel);
    const labelYearM = /^((?:19|20)[0-9]{2})\s*(?:年度?|学年)?(?![0-9])/.exec(ownLabel.trim()) ?? /((?:19|20)[0-9]{2})\s*年/.exec(ownLabel);
    const labelYear = labelYearM ? { year: Number(labelYearM[1]) } : null;
    const rowTerm = labelTerm(lex, ownLabel) ?? (groupLabel && !labelTermBlocked(lex, ownLabel) ? labelTerm(lex, groupLabel) : null);
    const isTotal = TOTAL_ROW.test(cleanLabel(ownLabel).replace(/[（(][^（）()]{0,12}[)）]/g, '').trim());
    const sole = data.length === 1;
    const colDriven = rowYear !== null || isTotal || sole || ownLabel.trim() === '' || (labelYear !== null && !rowTerm);
    const schoolRow = schoolList && !isTotal && ownLabel.trim() !== '' && !rowTerm && !rowYear;
    const valueCols = cells.map((c, i) => (i !== idx && i !== unitCol && c.type === 'value' ? i : -1)).filter((i) => i >= 0);
    // A row with one more label cell than the header has ("招生规模	总人数	1100	1205" under
    // "项目	2022年	2023年") is shifted right: read its values against the header shifted too.
    const firstYearCol = colYear.findIndex((y) => y !== null);
    const spills = hasYearCols && firstYearCol >= 0 && cells[firstYearCol]?.type === 'text';
    const shift = spills && valueCols.length > 0 && valueCols[0]! > firstYearCol ? valueCols[0]! - firstYearCol : 0;
    const yearAt = (c: number) => colYear[c - shift] ?? null;
    const headAt = (c: number) => colText[c - shift] ?? '';
    // A numbered list, or rows of label–value pairs: each value is named by the words just before it.
    const interleaved = cells.some((c, i) => i > (valueCols[0] ?? Infinity) && i !== unitCol && c.type === 'text');
    const pairRow = !colDriven && !hasYearCols && (idx === 0 || interleaved);
    const newPrev = new Map<number, string>();

    for (const c of valueCols) {
      const cell = cells[c] as Extract<Cell, { type: 'value' }>;
      if (cell.change || cell.tok.num.startsWith('-')) continue;
      if (hasYearCols && yearAt(c) === null) continue;
      const head = headAt(c);
      const sub = colSub[c - shift] ?? '';
      if (sub && header.length > 1 && grouped[c - shift] && !TOTAL_COLUMN.test(sub) && !findBases(lex, sub).length && !labelTerm(lex, sub) && !/(?:19|20)[0-9]{2}/.test(sub)) continue;
      const colTerm = labelTerm(lex, head);
      let term: TermMatch | null = null;
      let termFrom: 'row' | 'col' | 'pair' = 'row';
      const percentHead = PERCENT_HEADER.test(head) || rowUnit === '%' || unitInLabel(head) === '%';
      const kind: ValueKind = cell.tok.kind;
      const fits = (t: TermMatch | null): string | null => {
        if (!t) return null;
        if (kind === 'ratio') {
          const ind = t.rule.indicator;
          const ratioUnit = ['ratio', 'students_per_teacher'].includes(lex.info[ind ?? '']?.unit ?? '');
          return ind && (ratioUnit || ind === 'vocational_share') ? ind : null;
        }
        if (kind === 'percent' || percentHead) return percentIndicator(lex, t.rule);
        return t.rule.indicator;
      };
      if (pairRow) {
        const li = cellBefore(cells, c, idx, unitCol);
        if (li >= 0 && cells[li]!.type === 'text') [term, termFrom] = [labelTerm(lex, row.cells[li]!.text), 'pair'];
      } else if (rowTerm && colTerm) {
        // Both name something ("2018招生人数" × "普通高中"): the column wins when only it fits the
        // value, or when it is more specific (and in a year-row or total row, when it is as specific).
        const r = fits(rowTerm);
        const k = fits(colTerm);
        const colWins = k !== null && (r === null || colTerm.rule.rank > rowTerm.rule.rank || (colDriven && colTerm.rule.rank === rowTerm.rule.rank));
        [term, termFrom] = colWins ? [colTerm, 'col'] : [rowTerm, 'row'];
      } else if (rowTerm) [term, termFrom] = [rowTerm, 'row'];
      else if (colDriven) [term, termFrom] = [colTerm, 'col'];
      else if (colTerm && (schoolRow || rowNamesWho(lex, ownLabel, fits(colTerm), tableText))) [term, termFrom] = [colTerm, 'col'];
      // Row and column read together: "毕业生" × "满意度" is graduate satisfaction, "在校生" ×
      // "满意度" or × "调查人数" names nothing we count.
      if (!pairRow && ownLabel && head) {
        const joint = cleanLabel(ownLabel).replace(/[（(][^（）()]{0,12}[)）]/g, '') + cleanLabel(head);
        const jt = labelTerm(lex, joint);
        if (jt && fits(jt) && jt.rule.rank > Math.max(rowTerm?.rule.rank ?? 0, colTerm?.rule.rank ?? 0)) [term, termFrom] = [jt, 'col'];
        else if (endsOnStopper(lex, joint) && !endsOnStopper(lex, ownLabel) && (!term || term === rowTerm)) continue;
      }
      // "职业素养满意度" under a table of 用人单位满意度: the table says whose.
      if (!term && tableTerm && fits(tableTerm) && sharedTail(lex, tableTerm, table, head)) [term, termFrom] = [tableTerm, 'col'];
      // Neither names it, but the table does ("招生" above the header, or the caption), and the
      // row names who or which part ("全日制(人)", "合计(人)").
      if (!term && !rowTerm && !colTerm && tableTerm && (isTotal || rowNamesWho(lex, ownLabel, fits(tableTerm), tableText))) [term, termFrom] = [tableTerm, 'col'];
      if (!term) continue;
      let indicator = fits(term);
      if (!indicator) continue;
      // "其中：人员经费 / 公用经费 / 项目经费" under "经费投入总额": the parts of the row above,
      // even where a part's words also name an indicator of their own (项目经费).
      const above = prevIndicatorByCol.get(c);
      const partWords = above && above !== indicator && termFrom === 'row' ? basisFor(lex, above, ownLabel) : null;
      // Only where the row's term is no more than those part words ("项目经费" is both).
      if (partWords && !basisFor(lex, indicator, ownLabel) && partWords.end - partWords.start >= term.end - term.start) indicator = above!;
      const pairLabel = termFrom === 'pair' ? row.cells[cellBefore(cells, c, idx, unitCol)]?.text ?? '' : '';

      // Basis: the row's words, then the column's, then the row group's.
      const searchTexts = termFrom === 'pair' ? [pairLabel] : multiGroup && valueCols.length === 1 ? [ownLabel, groupLabel] : [ownLabel, head, groupLabel];
      let basisM: BasisMatch | null = null;
      let basisText = '';
      for (const t of searchTexts) {
        if (!t) continue;
        basisM = basisFor(lex, indicator, t);
        if (basisM) {
          basisText = t;
          break;
        }
      }
      if (termFrom === 'pair' && !basisM) continue;
      const flags: FlagId[] = [...(term.rule.flags ?? []), ...(basisM?.rule.flags ?? [])];
      if (/专技岗/.test(ownLabel) && !flags.includes('definition_variant')) flags.push('definition_variant');
      const ownBasis = indicator === term.rule.indicator ? term.rule.basis : indicator === term.rule.share ? term.rule.shareBasis : undefined;
      const basis = basisM?.rule.basis ?? ownBasis ?? '';
      // "其中：应届毕业生满意度" under "毕业生满意度": a part, not a second total.
      if (!basis && /^\s*[—–-]*\s*其中/.test(ownLabel) && prevIndicatorByCol.get(c) === indicator) continue;
      newPrev.set(c, indicator);

      const scopeText = [ownLabel, groupLabel, table.caption?.title ?? ''].join(' ');
      // A column for the district itself beside one for the city ("指标	全市	本区") is the district's.
      const ownColumn = /^(?:本区|全区|我区|该区)$/.test(cleanLabel(head).trim());
      const scope =
        (indicator === 'general_intake' && basis === 'public_general_schools') || ownColumn
          ? ''
          : scopeIn(lex, scopeText, basisText === ownLabel ? basisM : null, tableText) || (schoolRow ? 'one_school' : '');

      let yearGuess: YearGuess | null = null;
      const cy = yearAt(c);
      if (cy) yearGuess = resolveYear(indicator, cy, '表头', 'the table header', 1, 'table-header');
      else if (rowYear) yearGuess = resolveYear(indicator, rowYear, '表格行', 'the table row', 1, 'table-row');
      else if (labelYear) yearGuess = resolveYear(indicator, labelYear, '行标题', 'the row label', 1, 'row-label');
      else if (table.caption?.year) yearGuess = resolveYear(indicator, { year: table.caption.year }, '表题', 'the table caption', 1, 'caption');
      yearGuess ??= fallbackYear(doc, table.heading, indicator);
      if (!yearGuess) continue;

      const quote = tableQuote(doc, header, row);
      const locator = `${table.caption?.title ?? table.heading?.title ?? ''} (line ${row.line})`.trim();
      const unit = cell.tok.unit || rowUnit || unitInLabel(head) || unitInLabel(pairLabel) || unitInLabel(table.caption?.title ?? '');
      const draft: Draft = {
        indicator,
        tok: { ...cell.tok, unit },
        requireUnit: false,
        percentHint: percentHead || lex.info[indicator]?.unit === 'percent',
        basis,
        scope,
        flags,
        year: yearGuess,
        quote,
        locator,
        line: row.line,
        offset: row.cells[c]!.start,
        confidence: termFrom === 'pair' ? 0.6 : hasYearCols || rowYear ? 0.9 : 0.8,
        notesZh: [],
        notesEn: [],
        ...(term.rule.alternatives ? { alternatives: term.rule.alternatives } : {}),
        evidence: [
          term.rule.key,
          `via:table-${hasYearCols ? 'year-columns' : rowYear ? 'year-rows' : termFrom === 'pair' ? 'label-value-pairs' : isTotal ? 'total-row' : sole ? 'single-row' : 'row-labels'}`,
          ...(termFrom === 'col' && !rowYear ? ['via:table-column-term'] : []),
          ...(rowTerm && !labelTerm(lex, ownLabel) ? ['via:table-row-group'] : []),
          ...(basisM ? [basisM.rule.key, basisText === head && head !== ownLabel ? 'via:basis-from-column' : 'via:basis-from-row'] : []),
          ...(unit && /万|亿/.test(unit) ? ['via:unit-conversion'] : []),
        ],
      };
      const cand = finish(lex, draft, doc, district, source);
      if (cand) out.push(cand);
    }
    prevIndicatorByCol = newPrev.size > 0 ? newPrev : prevIndicatorByCol;
  }
}

function cellBefore(cells: Cell[], c: number, idx: number, unitCol: number): number {
  let li = c - 1;
  while (li >= 0 && (cells[li]!.type === 'missing' || li === idx || li === unitCol)) li--;
  return li;
}

/**
 * A row label on a line of its own, its values on the next line(s) ("全日制(人)" then
 * "1320 1206" and "1187 1243" under a four-year header): one row again.
 */
function mergeWrappedRows(rows: ParsedRow[]): ParsedRow[] {
  const out: ParsedRow[] = [];
  let width = 0; // year (or value) columns of the latest header
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const years = r.cells.filter((c) => c.type === 'year').length;
    if (years >= 2 && r.cells.every((c) => c.type !== 'value')) width = years;
    const labelOnly = r.cells.length === 1 && r.cells[0]!.type === 'text';
    const valuesOnly = (x: ParsedRow | undefined) => x !== undefined && x.cells.length > 0 && x.cells.every((c) => c.type === 'value' || c.type === 'missing');
    if (width > 0 && labelOnly && valuesOnly(rows[i + 1])) {
      const cells = [...r.row.cells];
      const parsedCells = [...r.cells];
      let j = i + 1;
      while (j < rows.length && valuesOnly(rows[j]) && parsedCells.length - 1 < width) {
        cells.push(...rows[j]!.row.cells);
        parsedCells.push(...rows[j]!.cells);
        j++;
      }
      out.push({ row: { line: r.row.line, start: r.row.start, end: rows[j - 1]!.row.end, cells }, cells: parsedCells });
      i = j - 1;
      continue;
    }
    out.push(r);
  }
  return out;
}

/** The column's words end like the table's term ("职业素养满意度" and "用人单位满意度"). */
function sharedTail(lex: Lexicon, tableTerm: TermMatch, table: Table, head: string): boolean {
  const words = (table.caption?.title ?? '').slice(tableTerm.start, tableTerm.end);
  const h = cleanLabel(head).replace(/[（(][^（）()]{0,12}[)）]/g, '');
  return words.length >= 3 && h.length >= 3 && words.slice(-3) === h.slice(-3) && !labelTerm(lex, h);
}

/** A row label that names who or which part (a basis of the indicator, or a scope), not what. */
function rowNamesWho(lex: Lexicon, label: string, indicator: string | null, context: string): boolean {
  if (!indicator || label.trim() === '') return false;
  return basisFor(lex, indicator, label) !== null || scopeIn(lex, label, null, context) !== '';
}

/** The last words of a label are a stopper ("调查人数", "在校生满意度"). */
function endsOnStopper(lex: Lexicon, label: string): boolean {
  const terms = findTerms(lex, label, 'label');
  const last = terms[terms.length - 1];
  return last !== undefined && last.rule.indicator === null && !last.rule.share;
}

/** A label whose own words are a stopper does not inherit its group's term. */
function labelTermBlocked(lex: Lexicon, label: string): boolean {
  const terms = findTerms(lex, label, 'label');
  return terms.some((t) => t.rule.indicator === null && !t.rule.share);
}

/** The header rows and the row when they are close together, else the row alone. */
function tableQuote(doc: ReportDocument, header: ParsedRow[], row: TableRow): string {
  const first = header[0]?.row;
  const rowText = doc.text.slice(row.start, row.end).trim();
  if (!first || row.line - first.line > 6) return rowText;
  return doc.text
    .slice(first.start, row.end)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
}

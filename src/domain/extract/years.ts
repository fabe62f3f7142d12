// Which year a value describes: year mentions in prose (with from-, comparison-
// and list-years told apart), school years, and the fallbacks (heading, the
// report's data year).
import type { Heading, ReportDocument } from './document.ts';
import { START_OF_SCHOOL_YEAR } from './patterns.ts';

export interface YearMention {
  at: number;
  end: number;
  year: number;
  endYear?: number;
  /** "由 2020 年的 217 人…": a starting point, not the clause's year. */
  from: boolean;
  /** "与 2020 年相比", "较 2020 年": a comparison. */
  comparison: boolean;
  /** "2020年、2021年": part of a list of years (a sum over them). */
  listed: boolean;
}

// "2022年", "2020-2021学年", "2022届" (the cohort graduating that year).
const YEAR_MENTION = /((?:19|20)[0-9]{2})\s*(?:年?\s*[-－—–~至]\s*((?:19|20)[0-9]{2})\s*)?(学年|年|届)(?!龄|级|前|代)/g;

export function yearMentions(text: string): YearMention[] {
  const out: YearMention[] = [];
  const hidden = hiddenRanges(text);
  YEAR_MENTION.lastIndex = 0;
  for (let m = YEAR_MENTION.exec(text); m; m = YEAR_MENTION.exec(text)) {
    if (hidden.some(([a, b]) => m!.index >= a && m!.index < b)) continue;
    const before = text.slice(Math.max(0, m.index - 10), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
    const year = Number(m[1]);
    const endYear = m[2] ? Number(m[2]) : undefined;
    if (endYear !== undefined && endYear !== year + 1) continue;
    out.push({
      at: m.index,
      end: m.index + m[0].length,
      year,
      ...(endYear !== undefined ? { endYear } : {}),
      from: /[由从]\s*$/.test(before),
      comparison: /(?:与|较|比|相比|相较|同比)\s*$/.test(before) || /^\s*(?:相比|比较)/.test(after),
      listed: /^\s*(?:度)?\s*[、和与及至]\s*(?:19|20)[0-9]{2}/.test(after) || /(?:19|20)[0-9]{2}\s*年?\s*[、和与及]\s*$/.test(before),
    });
  }
  return out;
}

/** Ranges inside 《…》 and 【…】 (document titles, file numbers), where years are not the data's. */
export function hiddenRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /《[^》]*》|【[^】]*】/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

export interface YearGuess {
  /** Null when nothing in the report names a year: the curator fills it in. */
  year: number | null;
  period: string;
  zh: string;
  en: string;
  /** How directly the text states it: 1 in the clause or table axis, 0.5 the report's year. */
  strength: number;
  /** Evidence tag: where the year came from. */
  tag: string;
}

export function resolveYear(indicator: string, y: { year: number; endYear?: number }, whereZh: string, whereEn: string, strength: number, tag: string): YearGuess {
  if (y.endYear === undefined) return { year: y.year, period: '', zh: `年份取自${whereZh}`, en: `year from ${whereEn}`, strength, tag: `year:${tag}` };
  const start = START_OF_SCHOOL_YEAR.has(indicator);
  const year = start ? y.year : y.endYear;
  const period = `${y.year}-${y.endYear}学年`;
  return {
    year,
    period,
    zh: `${period}（${whereZh}）：${start ? '招生、在校生记为秋季开学年' : '毕业、培训等记为学年结束年'} ${year}`,
    en: `school year ${y.year}-${y.endYear} (${whereEn}): ${start ? 'intake and enrolment take the autumn year' : 'outcomes and activities take the year it ends'}, ${year}`,
    strength,
    tag: `year:${tag}+school-year`,
  };
}

export function fallbackYear(doc: ReportDocument, heading: Heading | null, indicator: string): YearGuess | null {
  if (heading?.year) {
    // "1.1 2019-2020学年办学规模": a school year in the heading gives intake its autumn year.
    const m = yearMentions(heading.title).find((y) => y.endYear !== undefined && (y.year === heading.year || y.endYear === heading.year));
    const y = m ? { year: m.year, endYear: m.endYear! } : { year: heading.year };
    return resolveYear(indicator, y, `标题“${heading.title}”`, `the heading “${heading.title}”`, 0.8, 'heading');
  }
  if (doc.dataYear === null) {
    return { year: null, period: '', zh: '未能判断年份，请填写', en: 'no year found: fill it in', strength: 0, tag: 'year:none' };
  }
  const fromZh = doc.dataYearFrom === 'date line' ? '报告落款' : doc.dataYearFrom === 'title' ? '报告标题' : '正文最常提及的年份';
  const fromEn = doc.dataYearFrom === 'date line' ? "the report's date line" : doc.dataYearFrom === 'title' ? 'the title' : 'the year the text names most';
  return {
    year: doc.dataYear,
    period: '',
    zh: `句中未写年份，按报告数据年份 ${doc.dataYear}（${fromZh}）`,
    en: `no year in the passage; the report's data year ${doc.dataYear} (${fromEn})`,
    strength: 0.5,
    tag: `year:report-${doc.dataYearFrom.replace(/ /g, '-')}`,
  };
}

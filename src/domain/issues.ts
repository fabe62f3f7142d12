// Problems found in input files. Each carries a stable code and its
// parameters, so the app can say it in the reader's language (src/i18n), and
// the English message the build prints as `file:line: field: message`.
import { ISSUE_EN, type IssueCode } from './issue-text.ts';

export type { IssueCode } from './issue-text.ts';
export type IssueParams = Record<string, string | number>;

/** One problem found in an input file, reported as `file:line: field: message`. */
export interface Issue {
  file: string;
  line: number;
  field: string;
  /** English, for the build's output and logs. */
  message: string;
  /** What the message says, for translation; absent only for build-only checks of the reference tables. */
  code?: IssueCode;
  params?: IssueParams;
}

/** Fills a template's {name} placeholders. */
export function fillTemplate(template: string, params: IssueParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(params, k) ? String(params[k]) : m));
}

/** An issue with its English message made from its code. */
export function issueOf(at: { file: string; line: number }, field: string, code: IssueCode, params: IssueParams = {}): Issue {
  return { file: at.file, line: at.line, field, message: fillTemplate(ISSUE_EN[code], params), code, params };
}

/** A cell's text for a message: quoted, and cut so a huge cell never makes a huge message. */
export function shown(s: string, max = 40): string {
  const chars = [...s.slice(0, max * 2)];
  return `'${chars.length > max ? chars.slice(0, max).join('') + '…' : chars.join('')}'`;
}

export function formatIssue(i: Issue): string {
  return `${i.file}:${i.line}: ${i.field}: ${i.message}`;
}

/** Issues in file order, then line order, so reports read top to bottom. */
export function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line),
  );
}

import { describe, expect, it } from 'vitest';
import { ISSUE_EN } from '../domain/issue-text.ts';
import { issueOf } from '../domain/issues.ts';
import { ISSUE_ZH, issueText, rejectionReason, rejectionText } from './issue-messages.ts';

const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('issue messages', () => {
  it('every code has Chinese with exactly the placeholders of the English', () => {
    expect(Object.keys(ISSUE_ZH).sort()).toEqual(Object.keys(ISSUE_EN).sort());
    for (const [code, en] of Object.entries(ISSUE_EN)) {
      expect(placeholders(ISSUE_ZH[code as keyof typeof ISSUE_EN]), code).toEqual(placeholders(en));
    }
  });

  it('Chinese text is Chinese: every template has Han characters', () => {
    for (const [code, zh] of Object.entries(ISSUE_ZH)) if (code !== 'csv.other') expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
  });

  it('renders an issue in either language from its code and parameters', () => {
    const i = issueOf({ file: 'f.csv', line: 3 }, 'value', 'value.powerOfTen', { value: 4410, number: '441', factor: '10' });
    expect(issueText(i, 'en')).toBe(i.message);
    expect(issueText(i, 'zh')).toBe('4410 不在引文中：引文给出的是 441，而 4410 是它的 10 倍——请检查小数点和单位');
  });

  it('a refused row reads as the import shows it, and as the rejected-rows file carries it', () => {
    const a = issueOf({ file: 'f.csv', line: 3 }, '(row)', 'import.duplicateOfLine', { line: 2 });
    const b = issueOf({ file: 'f.csv', line: 3 }, 'flags', 'import.disagreesWithLine', { value: 2, other: 1, line: 2 });
    const one = { line: 3, field: '(row)', reason: a.message, issues: [a], cells: {} };
    const two = { line: 3, field: '(row)', reason: '', issues: [a, b], cells: {} };
    expect(rejectionText(one, 'zh')).toBe(issueText(a, 'zh'));
    expect(rejectionText(two, 'zh')).toBe(`（整行）：${issueText(a, 'zh')}；flags：${issueText(b, 'zh')}`);
    expect(rejectionReason(one, 'zh')).toMatch(/^（整行）：与第 2 行重复/);
    expect(rejectionReason(two, 'en')).toBe(`(row): ${a.message}; flags: ${b.message}`);
  });
});

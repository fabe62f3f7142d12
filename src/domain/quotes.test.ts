import { expect, it } from 'vitest';
import { findQuote, indexSource, longestMatchingPrefix } from './quotes.ts';

const text = '调整了工业机\n\n器人技术应用、电气设备运行\t与控制。\n表 1\n招生规模\t430\t655';

it('finds a quote across broken lines and tabs, returning offsets in the original text', () => {
  const idx = indexSource(text);
  const span = findQuote(idx, '工业机器人技术应用');
  expect(span).not.toBeNull();
  expect(text.slice(...span!)).toBe('工业机\n\n器人技术应用');
  expect(text.slice(...findQuote(idx, '招生规模 430 655')!)).toBe('招生规模\t430\t655');
});

it('does not match when a character differs, and says how far it got', () => {
  const idx = indexSource(text);
  expect(findQuote(idx, '工业机器人技术运用')).toBeNull();
  expect(longestMatchingPrefix(idx, '工业机器人技术运用')).toBe('工业机器人技术');
});

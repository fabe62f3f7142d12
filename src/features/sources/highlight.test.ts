import { expect, it } from 'vitest';
import { highlightSegments } from './highlight.ts';

it('marks spans, merging overlaps and ignoring out-of-range parts', () => {
  expect(highlightSegments('abcdefgh', [[5, 7], [1, 3], [2, 4], [7, 99]])).toEqual([
    { text: 'a', marked: false },
    { text: 'bcd', marked: true },
    { text: 'e', marked: false },
    { text: 'fgh', marked: true },
  ]);
  expect(highlightSegments('abc', [])).toEqual([{ text: 'abc', marked: false }]);
  expect(highlightSegments('abc', [[2, 1]])).toEqual([{ text: 'abc', marked: false }]);
});

// Kept apart from numbers.ts, which carries the validation's messages: the
// display code needs only this, and it ships with the first download.

/** Number of decimals written in a plain number string or needed for a number. */
export function decimalsOf(value: number): number {
  const s = String(value);
  const i = s.indexOf('.');
  return i < 0 || s.includes('e') ? 0 : s.length - i - 1;
}

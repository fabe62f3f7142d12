// Quotes are checked against the source text ignoring whitespace only, since
// PDF conversion breaks lines inside sentences and flattens tables to tabs.

export interface SourceIndex {
  text: string;
  /** The text with all whitespace removed. */
  compact: string;
  /** For each character of `compact`, its offset in `text`. */
  offsets: Int32Array;
}

const WS = /\s/;

export function indexSource(text: string): SourceIndex {
  const offsets = new Int32Array(text.length);
  let compact = '';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (WS.test(ch)) continue;
    compact += ch;
    offsets[n++] = i;
  }
  return { text, compact, offsets: offsets.slice(0, n) };
}

export function compactText(s: string): string {
  return s.replace(/\s+/g, '');
}

/** [start, end) of the quote's first occurrence in the source text, or null. */
export function findQuote(index: SourceIndex, quote: string): [number, number] | null {
  const q = compactText(quote);
  if (q === '') return null;
  const at = index.compact.indexOf(q);
  if (at < 0) return null;
  return [index.offsets[at]!, index.offsets[at + q.length - 1]! + 1];
}

/** Longest prefix of the quote found in the source, to point at where a quote goes wrong. */
export function longestMatchingPrefix(index: SourceIndex, quote: string): string {
  const q = compactText(quote);
  let lo = 0;
  let hi = q.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.compact.includes(q.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return q.slice(0, lo);
}

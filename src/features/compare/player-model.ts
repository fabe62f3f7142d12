// The year slider's play button: which year comes next. Pure, so the ticking
// component stays a few lines.

/** Where playing starts: the year shown, or the first year when at the end or on "latest". */
export function startYear(years: number[], current: number | 'latest'): number | null {
  if (years.length === 0) return null;
  const i = typeof current === 'number' ? years.indexOf(current) : -1;
  return i < 0 || i === years.length - 1 ? years[0]! : current as number;
}

/** The year after `current`; null at the last (playing stops), or, with `wrap`, the first again. */
export function nextYear(years: number[], current: number | 'latest', wrap = false): number | null {
  if (years.length === 0) return null;
  const i = typeof current === 'number' ? years.indexOf(current) : -1;
  if (i < 0) return years[0]!;
  if (i === years.length - 1) return wrap ? years[0]! : null;
  return years[i + 1]!;
}

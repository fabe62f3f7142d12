/** One problem found in an input file, reported as `file:line: field: message`. */
export interface Issue {
  file: string;
  line: number;
  field: string;
  message: string;
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

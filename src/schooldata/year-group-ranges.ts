// curriculum.csv's year_groups: `7-13`, `10;11`, `7-9;12`.

export const FIRST_YEAR_GROUP = 7;
export const LAST_YEAR_GROUP = 13;

const PART = /^(\d{1,2})(?:\s*-\s*(\d{1,2}))?$/;

/** The year groups listed, sorted and without repeats, or undefined when the text is not such a list. */
export function parseYearGroupRanges(text: string): number[] | undefined {
  const parts = text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return undefined;
  const years = new Set<number>();
  for (const part of parts) {
    const match = PART.exec(part);
    if (match === null) return undefined;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from < FIRST_YEAR_GROUP || to > LAST_YEAR_GROUP || from > to) return undefined;
    for (let year = from; year <= to; year += 1) years.add(year);
  }
  return [...years].sort((a, b) => a - b);
}

/** Runs of three or more become ranges (`7-13`); shorter runs are listed (`10;11`). */
export function formatYearGroupRanges(yearGroups: readonly number[]): string {
  const sorted = [...new Set(yearGroups)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = 0;
  while (start < sorted.length) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === (sorted[end] ?? 0) + 1) end += 1;
    const run = sorted.slice(start, end + 1);
    if (run.length >= 3) parts.push(`${run[0]}-${run[run.length - 1]}`);
    else parts.push(...run.map(String));
    start = end + 1;
  }
  return parts.join(';');
}

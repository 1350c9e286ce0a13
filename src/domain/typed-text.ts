// Free text pupils and advisers type. Line breaks and tabs are fine in multi-line answers;
// other control characters break CSV exports and never come from a keyboard.
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Folds runs of spaces and line breaks into one space, for one-line answers. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "9, 10,,11" as ["9", "10", "11"]: a list a card sends (a multi-select's values) or a person types, split and tidied. */
export function splitList(text: string, separator: RegExp = /,/): string[] {
  return text
    .split(separator)
    .map(oneLine)
    .filter((item) => item !== '');
}

/** Trims each line and drops blank ones at the ends, for multi-line answers. */
export function tidyLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** "a, b and c" (or "a, b or c"). */
export function listInEnglish(items: readonly string[], joiner: 'and' | 'or' = 'and'): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${joiner} ${items.at(-1)}`;
}

// Free text pupils and advisers type. Line breaks and tabs are fine in multi-line answers;
// other control characters break CSV exports and never come from a keyboard.
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Folds runs of spaces and line breaks into one space, for one-line answers. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
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

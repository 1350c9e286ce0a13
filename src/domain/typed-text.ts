// Free text pupils and staff type, tidied once where it comes in (a card's schema, a typed message,
// an imported cell), so what is stored and shown is only what a reader can see.

// Line breaks of every kind; a one-line answer gets a space instead.
const LINE_BREAKS = /\r\n?|[\n\u0085\u2028\u2029]/g;
// C0 and C1 controls never come from a keyboard (and break CSV exports).
const CONTROLS = /(?!\n)\p{Cc}/gu;
// Unicode format characters are invisible but change what text looks like: bidi overrides,
// embeddings, isolates and marks can show "exe.pdf" for "fdp.exe"; zero-width spaces, the BOM, soft
// hyphens and invisible operators hide text inside text. Kept: the zero-width joiner and non-joiner
// (emoji and several scripts need them) and the tag characters of a flag emoji (England, Scotland,
// Wales); other tag characters go.
const FORMAT = /(?<!\u{1F3F4}[\u{E0020}-\u{E007E}]*)[\u{E0000}-\u{E007F}]|(?!\u200C|\u200D|[\u{E0000}-\u{E007F}])\p{Cf}/gu;

/**
 * What someone typed, without the characters nobody can see: controls and invisible format
 * characters are removed, tabs become spaces, and line breaks become "\n" where the answer may
 * have several lines (`multiline`), a space otherwise.
 */
export function visibleText(text: string, options: { multiline?: boolean } = {}): string {
  return withoutFormatCharacters(
    text
      .replace(LINE_BREAKS, options.multiline ? '\n' : ' ')
      .replace(/\t/g, ' ')
      .replace(CONTROLS, ''),
  );
}

/** Only the invisible format characters removed: for imported cells, whose control characters are refused instead. */
export function withoutFormatCharacters(text: string): string {
  return text.replace(FORMAT, '');
}

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

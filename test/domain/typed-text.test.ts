import { describe, expect, it } from 'vitest';
import { visibleText } from '../../src/domain/typed-text';

// What someone typed keeps every character a reader can see and loses the ones nobody can.

describe('visibleText', () => {
  it.each([
    ['BEL, NUL, ESC and DEL', 'ratio\u0007\u0000 and \u001b[31mproportion\u007f', 'ratio and [31mproportion'],
    ['C1 controls', 'Nurse\u0080\u009b', 'Nurse'],
    ['a right-to-left override that shows “exe.pdf” for “fdp.exe”', 'cv\u202Efdp.exe', 'cvfdp.exe'],
    ['bidi embeddings, isolates and marks', '\u202Aa\u202Bb\u202Cc\u202Dd\u2066e\u2067f\u2068g\u2069h\u200Ei\u200Fj\u061Ck', 'abcdefghijk'],
    ['zero-width spaces, word joiners, the BOM and soft hyphens', '\uFEFFpass\u200Bword\u2060s app\u00ADly', 'passwords apply'],
    ['invisible tag characters outside a flag', 'hello\u{E0041}\u{E0042}\u{E007F}', 'hello'],
  ])('removes %s', (_case, typed, visible) => {
    expect(visibleText(typed)).toBe(visible);
  });

  it.each([
    ['accents and other scripts', 'Zoë Brontë, مرحبا, नमस्ते, 你好'],
    ['emoji joined by zero-width joiners', 'Family 👨‍👩‍👧 and 🧑🏽‍🔬'],
    ['the flags of England, Scotland and Wales', '🏴󠁧󠁢󠁥󠁮󠁧󠁿 🏴󠁧󠁢󠁳󠁣󠁴󠁿 🏴󠁧󠁢󠁷󠁬󠁳󠁿'],
    ['a zero-width non-joiner, which Persian needs', 'می‌خواهم'],
    ['markdown, as text', '[Reset your school password](https://evil.example/login) **now**'],
  ])('keeps %s', (_case, typed) => {
    expect(visibleText(typed)).toBe(typed);
  });

  it('keeps line breaks only where the answer may have several lines', () => {
    const typed = 'Line one\r\nLine two\rLine three\u2028Line four\tend';
    expect(visibleText(typed, { multiline: true })).toBe('Line one\nLine two\nLine three\nLine four end');
    expect(visibleText(typed)).toBe('Line one Line two Line three Line four end');
  });
});

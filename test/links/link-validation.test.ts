import { describe, expect, it } from 'vitest';
import type { CurriculumSubject } from '../../src/domain/school';
import { parseLinkShortcut } from '../../src/journeys/links/link-shortcut';
import { linkDraftFromForm, validateLinkDraft, type LinkDraftValid, type LinkFormValues } from '../../src/journeys/links/link-submission';

// The card and the one-line shortcut are two ways of typing the same link: one draft, one
// validator (validateLinkDraft), so the same link gets the same verdict and the same words.

const curriculum: CurriculumSubject[] = [
  { subject: 'Mathematics', yearGroups: [7, 8, 9, 10, 11, 12, 13] },
  { subject: 'Music', yearGroups: [7, 8, 9] },
];
const TODAY = '2026-11-23';

type Verdict = { ok: true; draft: LinkDraftValid } | { ok: false; messages: string[] };

/** What a teacher typing the one-liner is told, or what is saved. */
function viaShortcut(text: string): Verdict {
  const parsed = parseLinkShortcut(text, curriculum);
  if (parsed.kind === 'not-a-link') throw new Error(`not read as a link: ${text}`);
  if (parsed.kind === 'partial') return { ok: false, messages: parsed.problems };
  const validation = validateLinkDraft(parsed.draft, curriculum, TODAY);
  return validation.ok ? validation : { ok: false, messages: Object.values(validation.errors) };
}

/** What a teacher filling in the card is told, or what is saved. */
function viaCard(values: Partial<LinkFormValues>): Verdict {
  const form = {
    subject: 'Mathematics',
    yearGroups: '9',
    topic: 'ratio',
    careerChoices: '',
    otherCareers: 'nurse',
    date: '',
    note: '',
    ...values,
  };
  const validation = validateLinkDraft(linkDraftFromForm(form), curriculum, TODAY);
  return validation.ok ? validation : { ok: false, messages: Object.values(validation.errors) };
}

const emoji = (count: number) => '📐'.repeat(count);
const careers = (count: number) => Array.from({ length: count }, (_, index) => `career ${index + 1}`).join(', ');

describe('the card and the shortcut check a link the same way', () => {
  it.each([
    [
      'a complete link',
      'Y9 maths: ratio and proportion -> nursing, pharmacy',
      { topic: 'ratio and proportion', otherCareers: 'nursing, pharmacy' },
    ],
    ['the same career twice, in different cases', 'Y9 maths: ratio -> nurse, Nurse', { otherCareers: 'nurse, Nurse' }],
    ['a topic of 200 emoji (400 UTF-16 units, 200 characters)', `Y9 maths: ${emoji(200)} -> nurse`, { topic: emoji(200) }],
    ['a career of 80 emoji', `Y9 maths: ratio -> ${emoji(80)}`, { otherCareers: emoji(80) }],
    ['the subject by its everyday name', 'Y9 maths: ratio -> nurse', { subject: 'maths' }],
  ])('saves %s identically', (_case, shortcut, card) => {
    const typed = viaShortcut(shortcut);
    expect(typed.ok).toBe(true);
    expect(typed).toEqual(viaCard(card));
  });

  it.each([
    [
      'a topic over 200 characters',
      `Y9 maths: ${'x'.repeat(201)} -> nurse`,
      { topic: 'x'.repeat(201) },
      'Keep the topic to 200 characters (it has 201).',
    ],
    [
      'a topic of 201 emoji, counted as 201 characters',
      `Y9 maths: ${emoji(201)} -> nurse`,
      { topic: emoji(201) },
      'Keep the topic to 200 characters (it has 201).',
    ],
    ['eleven careers', `Y9 maths: ratio -> ${careers(11)}`, { otherCareers: careers(11) }, 'That’s 11 careers: choose at most 10 careers.'],
    [
      'a career over 80 characters',
      `Y9 maths: ratio -> nurse, ${'y'.repeat(81)}`,
      { otherCareers: `nurse, ${'y'.repeat(81)}` },
      `Keep each career to 80 characters: “${'y'.repeat(30)}…” is longer.`,
    ],
    [
      'a year group the subject is not taught to',
      'Y10 music: rhythm -> producer',
      { subject: 'Music', yearGroups: '10', topic: 'rhythm', otherCareers: 'producer' },
      'Music isn’t taught to Year 10 here.',
    ],
    [
      'two year groups it is not taught to',
      'Years 10 and 11 music: rhythm -> producer',
      { subject: 'Music', yearGroups: '10,11', topic: 'rhythm', otherCareers: 'producer' },
      'Music isn’t taught to Years 10 and 11 here.',
    ],
    [
      'a subject with a slip in it',
      'Y9 mathmatics: ratio -> nurse',
      { subject: 'mathmatics' },
      'I don’t know a subject called “mathmatics” here. Did you mean Mathematics?',
    ],
  ])('refuses %s with the same words', (_case, shortcut, card, message) => {
    expect(viaShortcut(shortcut)).toEqual({ ok: false, messages: [message] });
    expect(viaCard(card)).toEqual({ ok: false, messages: [message] });
  });
});

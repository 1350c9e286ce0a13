import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CurriculumLink } from '../../src/domain/school';
import { cardOf, cardText, person, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

// Teacher details of the link journey: step numbers that match the README, one row per link
// logged for several year groups, a Delete that asks first and names the link, a "not your
// subject?" check, and careers kept as typed.

const maths = person({
  id: 'T1',
  role: 'teacher',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam@school.example',
  subjects: ['Mathematics'],
});
const curriculum = [
  { subject: 'Mathematics', yearGroups: [7, 8, 9, 10, 11, 12, 13] },
  { subject: 'Science', yearGroups: [7, 8, 9, 10, 11] },
];
const TODAY = new Date('2026-11-23T10:00:00Z');

describe('teacher details of the link journey', () => {
  let bot: TestBot;
  const user = () => bot.userFor(maths);
  const links = async (): Promise<CurriculumLink[]> => bot.waypoint.services.school.collections.links.list(SCHOOL_ID);
  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([maths], { curriculum }), now: () => TODAY });
  });
  afterAll(async () => bot.stop());
  beforeEach(async () => {
    for (const link of await links())
      await bot.waypoint.services.school.collections.links.delete(SCHOOL_ID, encodeURIComponent(link.id).replace(/%/g, '~'));
  });

  it('numbers the steps as the README does, and the edit card is not a step', async () => {
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    expect(readme).toContain('`log link` for the two-step card');
    const step1 = cardOf((await bot.say(user(), 'log link'))[0]);
    expect(cardText(step1)).toContain('Step 1 of 2');
    const step2 = cardOf(await press(bot, user(), step1, 'Next', { subject: 'Mathematics' }));
    expect(cardText(step2)).toContain('Step 2 of 2: Mathematics');
    const saved = cardOf(
      await press(bot, user(), step2, 'Save link', { yearGroups: '9', topic: 'Ratio', otherCareers: 'Nurse', date: '2026-11-20' }),
    );
    const edit = cardText(cardOf(await press(bot, user(), saved, 'Edit')));
    expect(edit).toContain('Edit careers link');
    expect(edit).toContain('Editing your link: Mathematics');
    expect(edit).not.toContain('Step');
  });

  it('shows one link for Years 12 and 13 as one row in “my links”', async () => {
    await bot.say(user(), 'Y12 Y13 maths: mechanics -> engineer', { id: 'sixth-form' });
    expect(await links()).toHaveLength(2);
    const mine = cardText(cardOf((await bot.say(user(), 'my links'))[0]));
    expect(mine).toContain('1 link in 2026/27');
    expect(mine).toContain('Mathematics, Years 12 and 13: mechanics');
    expect(mine).not.toContain('Mathematics, Year 12');
  });

  it('asks before deleting, naming the link, and deletes all its year groups only when confirmed', async () => {
    await bot.say(user(), 'Y12 Y13 maths: mechanics -> engineer', { id: 'to-delete' });
    const mine = cardOf((await bot.say(user(), 'my links'))[0]);
    const ask = cardOf(await press(bot, user(), mine, 'Delete'));
    expect(cardText(ask)).toContain('Delete this link?');
    expect(cardText(ask)).toContain('Mathematics, Years 12 and 13: mechanics');
    expect(await links()).toHaveLength(2);
    const kept = cardText(cardOf(await press(bot, user(), ask, 'Keep it')));
    expect(kept).toContain('Mathematics, Years 12 and 13: mechanics');
    expect(await links()).toHaveLength(2);
    const after = cardText(cardOf(await press(bot, user(), ask, 'Delete')));
    expect(after).toContain('Deleted “Mathematics, Years 12 and 13: mechanics”.');
    expect(after).not.toContain('Link deleted.');
    expect(await links()).toEqual([]);
  });

  it('checks “not your subject?” before a teacher logs a link for a subject the roster does not give them', async () => {
    const step1 = cardOf((await bot.say(user(), 'log link'))[0]);
    const check = cardOf(await press(bot, user(), step1, 'Next', { subject: 'Science' }));
    expect(cardText(check)).toContain('Not your subject?');
    expect(cardText(check)).toContain('The roster lists you for Mathematics, not Science.');
    const step2 = cardOf(await press(bot, user(), check, 'Yes, it was Science'));
    expect(cardText(step2)).toContain('Step 2 of 2: Science');
    const back = cardText(cardOf(await press(bot, user(), check, 'Choose another subject')));
    expect(back).toContain('Step 1 of 2');
    // Their own subject goes straight on.
    expect(cardText(cardOf(await press(bot, user(), step1, 'Next', { subject: 'Mathematics' })))).toContain('Step 2 of 2: Mathematics');
  });

  it('keeps careers as the teacher typed them', async () => {
    const [reply] = await bot.say(user(), 'Y9 maths: ratio -> Pharmacist, nurse', { id: 'as-typed' });
    expect(cardText(cardOf(reply))).toContain('Pharmacist, nurse');
    expect((await links())[0]!.careers).toEqual(['Pharmacist', 'nurse']);
  });
});

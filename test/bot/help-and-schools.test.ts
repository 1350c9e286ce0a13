import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptySchoolData } from '../../src/domain/school';
import { cardOf, cardText, person, schoolWith, TestBot } from '../harness/test-bot';

const pupil = person({ id: 'P1', role: 'pupil', givenName: 'Ava', familyName: 'Patel', email: 'ava@one.example', yearGroup: 8 });
const teacher = person({
  id: 'T1',
  role: 'teacher',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam@one.example',
  subjects: ['Mathematics'],
});
const otherSchoolTeacher = person({
  id: 'T1',
  role: 'teacher',
  givenName: 'Ola',
  familyName: 'Bright',
  email: 'ola@two.example',
  subjects: ['Mathematics'],
});

describe('help card per role, and several schools on one deployment', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({
      school: schoolWith([pupil, teacher], { curriculum: [{ subject: 'Mathematics', yearGroups: [7, 8, 9] }] }),
    });
    // A second academy of the same trust, sharing the tenant and the storage account; same MIS ids.
    await bot.waypoint.services.school.import(
      'academy-two',
      schoolWith([otherSchoolTeacher], { curriculum: [{ subject: 'Mathematics', yearGroups: [10, 11] }] }),
      emptySchoolData(),
    );
  });
  afterAll(async () => bot.stop());

  it('shows a pupil only what a pupil can do', async () => {
    const text = cardText(cardOf((await bot.say(bot.userFor(pupil), 'help'))[0]));
    expect(text).toContain('My details');
    expect(text).not.toContain('Log a careers link');
    expect(text).not.toContain('Department coverage');
  });

  it('shows a teacher the link journey, with a button into it', async () => {
    const card = cardOf((await bot.say(bot.userFor(teacher), 'help'))[0]);
    expect(cardText(card)).toContain('Log a careers link');
    expect(card.actions.map((action: { data: { command: string } }) => action.data.command)).toContain('log link');
  });

  it('keeps each school’s data to itself even when ids collide', async () => {
    const one = bot.userFor(teacher);
    const two = bot.userFor(otherSchoolTeacher);
    await bot.say(one, 'Y8 maths: ratio -> nurse', { id: 'school-one-link' });
    const twoCoverage = cardText(cardOf((await bot.say(two, 'my coverage'))[0]));
    expect(twoCoverage).toContain('Mathematics: 0 of 2 year groups covered');
    expect(cardText(cardOf((await bot.say(two, 'my links'))[0]))).toContain('You haven’t logged any links');
    expect(cardText(cardOf((await bot.say(one, 'my links'))[0]))).toContain('Mathematics, Year 8: ratio');
    expect(await bot.waypoint.services.school.collections.links.list('academy-two')).toHaveLength(0);
  });
});

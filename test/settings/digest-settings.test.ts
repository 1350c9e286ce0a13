import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, cardText, inputOn, person, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

const leader = person({ id: 'S1', role: 'careers_leader', givenName: 'Helen', familyName: 'Marsh', email: 'helen@school.example' });

describe('the careers leader sets when the digest posts and agrees to nudges', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([leader]), now: () => new Date('2026-03-03T10:00:00Z') });
  });
  afterAll(async () => bot.stop());

  it('starts with Monday 08:00 and no nudges, and saves the leader’s choice', async () => {
    const user = bot.userFor(leader);
    const card = cardOf((await bot.say(user, 'school settings'))[0]);
    expect(inputOn(card, 'digestDay')!.value).toBe('1');
    expect(inputOn(card, 'digestHour')!.value).toBe(8);
    expect(inputOn(card, 'nudgeTeachers')!.value).toBe('false');
    const saved = cardOf(await press(bot, user, card, 'Save settings', { digestDay: '3', digestHour: 9, nudgeTeachers: 'true' }));
    expect(cardText(saved)).toContain('School settings saved');
    const { settings } = await bot.waypoint.services.settings.get(SCHOOL_ID);
    expect(settings).toMatchObject({ digestDay: 3, digestHour: 9, nudgeTeachers: true, nudgePupils: false });
  });

  it.each([
    [{ digestHour: 23 }, 'Enter an hour from 6 to 18'],
    [{ digestDay: '7' }, 'Choose a school day for the digest'],
  ])('refuses %o and saves nothing', async (change, message) => {
    const user = bot.userFor(leader);
    const before = await bot.waypoint.services.settings.get(SCHOOL_ID);
    const card = cardOf((await bot.say(user, 'school settings'))[0]);
    expect(cardText(cardOf(await press(bot, user, card, 'Save settings', change)))).toContain(message);
    expect((await bot.waypoint.services.settings.get(SCHOOL_ID)).settings).toEqual(before.settings);
  });
});

// Planning activities ahead in chat, over real HTTP on real Azurite: plan, list, edit, move and
// cancel; bad input on the card with nothing saved; a redelivered tap plans once; who may plan.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Activity } from '../../src/domain/school';
import { encodeKey } from '../../src/storage/keys';
import { buttonOn, cardOf, cardText, inputOn, messageOf, person, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';
import type { TeamsUser } from '../harness/fake-teams-connector';
import { admin, ava as pupil, leader, otherTeacher, senco, teacher, TODAY } from './planning-people';

const pupil9 = person({
  id: 'P2',
  role: 'pupil',
  givenName: 'Ben',
  familyName: 'Cole',
  email: 'ben@school.example',
  yearGroup: 9,
  form: '9B',
});

const employerDay = {
  kind: 'employer_encounter',
  date: '2026-05-14',
  title: 'Year 10 employer day',
  organisation: 'Leeds employers',
  yearGroups: '10',
};

describe('planning activities in chat', () => {
  let bot: TestBot;
  const activities = async (): Promise<Activity[]> => bot.waypoint.services.school.collections.activities.list(SCHOOL_ID);
  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([leader, teacher, otherTeacher, senco, admin, pupil, pupil9]), now: () => TODAY });
  });
  afterAll(async () => bot.stop());
  beforeEach(async () => {
    for (const activity of await activities())
      await bot.waypoint.services.school.collections.activities.delete(SCHOOL_ID, encodeKey(activity.id));
  });

  async function planForm(user: TeamsUser, typed = 'plan an activity') {
    const [reply] = await bot.say(user, typed);
    const form = cardOf(reply);
    expect(cardText(form)).toContain('Plan an activity');
    return form;
  }

  async function plan(user: TeamsUser, inputs: Record<string, unknown> = employerDay) {
    return cardOf(await press(bot, user, await planForm(user), 'Save the plan', inputs));
  }

  it('plans an activity for a year group, and lists it in the school’s planned activities', async () => {
    const user = bot.userFor(leader);
    const saved = await plan(user);
    const text = cardText(saved);
    expect(text).toContain('Activity planned');
    expect(text).toContain('Thu 14 May 2026');
    expect(text).toContain('Year 10 employer day');
    expect(text).toContain('Year 10');
    const [stored] = await activities();
    expect(stored).toMatchObject({
      date: '2026-05-14',
      kind: 'employer_encounter',
      title: 'Year 10 employer day',
      organisation: 'Leeds employers',
      invitedYearGroups: [10],
      recordedBy: 'S1',
      meaningful: true,
      providerAccess: false,
    });
    expect(stored!.invitedForms).toBeUndefined();

    const [reply] = await bot.say(user, 'planned activities');
    const list = cardText(cardOf(reply));
    expect(list).toContain('1 planned, soonest first');
    expect(list).toContain('Thu 14 May 2026: Year 10 employer day');
    expect(list).toContain('for Year 10');
  });

  it('plans a provider encounter for named forms, with the Provider Access Legislation', async () => {
    const user = bot.userFor(teacher);
    const saved = await plan(user, {
      kind: 'provider_encounter',
      date: '2026-04-21',
      title: 'College taster',
      providerType: 'further_education_college',
      providerAccess: 'true',
      forms: '9b, 10A',
    });
    expect(cardText(saved)).toContain('forms 9B, 10A');
    expect(await activities()).toEqual([
      expect.objectContaining({
        kind: 'provider_encounter',
        providerType: 'further_education_college',
        providerAccess: true,
        invitedForms: ['9B', '10A'],
        recordedBy: 'T1',
      }),
    ]);
  });

  it('opens the card on the kind typed', async () => {
    const form = await planForm(bot.userFor(leader), 'plan a provider encounter');
    expect(inputOn(form, 'kind')!.value).toBe('provider_encounter');
  });

  it.each([
    ['no kind', { kind: '' }, 'Choose the kind of activity'],
    ['today’s date', { date: '2026-03-03' }, 'Choose a day after today'],
    ['a past date', { date: '2026-02-10' }, 'Choose a day after today'],
    ['no date', { date: '' }, 'Choose the day it will happen'],
    ['a date that does not exist', { date: '2026-02-30' }, 'Choose a date from the calendar'],
    ['no title', { title: '   ' }, 'Give the activity a title'],
    ['nobody invited', { yearGroups: '' }, 'Say who it is for'],
    ['a year group out of range', { yearGroups: '10,14' }, 'Choose year groups from 7 to 13'],
    ['a form not on the roster', { forms: '10Z' }, 'There is no form 10Z on the roster'],
    ['a provider encounter with no provider type', { kind: 'provider_encounter', providerType: '' }, 'Choose the kind of provider'],
    [
      'the PAL for a university',
      { kind: 'provider_encounter', providerType: 'university', providerAccess: 'true' },
      'Only further education colleges and independent training providers',
    ],
  ])('shows %s on the card and saves nothing', async (_case, change, message) => {
    const user = bot.userFor(leader);
    const answer = cardOf(await press(bot, user, await planForm(user), 'Save the plan', { ...employerDay, ...change }));
    expect(cardText(answer)).toContain(message);
    expect(cardText(answer)).toContain('Nothing has been saved yet');
    // What was typed is still there to correct.
    expect(inputOn(answer, 'organisation')!.value).toBe('Leeds employers');
    expect(await activities()).toHaveLength(0);
  });

  it('plans once when the same tap is delivered twice', async () => {
    const user = bot.userFor(leader);
    const form = await planForm(user);
    const first = cardOf(await press(bot, user, form, 'Save the plan', employerDay, { id: 'retry-plan' }));
    const second = cardOf(await press(bot, user, form, 'Save the plan', employerDay, { id: 'retry-plan' }));
    expect(cardText(second)).toEqual(cardText(first));
    expect(await activities()).toHaveLength(1);
  });

  it('edits a plan: who it is for and its title change, nothing else', async () => {
    const user = bot.userFor(leader);
    const saved = await plan(user);
    const edit = cardOf(await press(bot, user, saved, 'Edit'));
    expect(cardText(edit)).toContain('Edit a planned activity');
    expect(inputOn(edit, 'yearGroups')!.value).toBe('10');
    const updated = cardOf(await press(bot, user, edit, 'Save changes', { title: 'Years 10 and 11 employer day', yearGroups: '10,11' }));
    expect(cardText(updated)).toContain('Planned activity updated');
    expect(cardText(updated)).toContain('Year 10, Year 11');
    const stored = await activities();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      title: 'Years 10 and 11 employer day',
      invitedYearGroups: [10, 11],
      date: '2026-05-14',
      recordedBy: 'S1',
    });
  });

  it('refuses an edit over a version someone else changed since, and keeps theirs', async () => {
    const user = bot.userFor(leader);
    const saved = await plan(user);
    const edit = cardOf(await press(bot, user, saved, 'Edit'));
    // Someone else moves it meanwhile.
    const move = cardOf(await press(bot, user, saved, 'Move'));
    await press(bot, user, move, 'Move it', { date: '2026-05-21' });
    const answer = await press(bot, user, edit, 'Save changes', { title: 'Stale title' });
    expect(messageOf(answer)).toMatch(/Someone changed that planned activity since you opened it/);
    expect(await activities()).toEqual([expect.objectContaining({ title: 'Year 10 employer day', date: '2026-05-21' })]);
  });

  it('moves a plan to another day, and refuses a day that is not after today', async () => {
    const user = bot.userFor(leader);
    const saved = await plan(user);
    const move = cardOf(await press(bot, user, saved, 'Move'));
    expect(cardText(move)).toContain('Move a planned activity\nYear 10 employer day');
    const refused = cardOf(await press(bot, user, move, 'Move it', { date: '2026-03-02' }));
    expect(cardText(refused)).toContain('Choose a day after today');
    expect(cardText(refused)).toContain('Nothing has been changed yet');
    expect((await activities())[0]!.date).toBe('2026-05-14');
    const moved = cardOf(await press(bot, user, refused, 'Move it', { date: '2026-06-04' }));
    expect(cardText(moved)).toContain('Planned activity moved');
    expect(cardText(moved)).toContain('Thu 4 Jun 2026');
    expect(await activities()).toEqual([expect.objectContaining({ date: '2026-06-04', title: 'Year 10 employer day' })]);
  });

  it('cancels a plan only after naming it, and a second tap of the confirmation changes nothing more', async () => {
    const user = bot.userFor(leader);
    const saved = await plan(user);
    const confirm = cardOf(await press(bot, user, saved, 'Cancel it'));
    expect(cardText(confirm)).toContain('Cancel this planned activity?');
    expect(cardText(confirm)).toContain('Thu 14 May 2026: Year 10 employer day, for Year 10.');
    // Asking is not cancelling.
    expect(await activities()).toHaveLength(1);
    const kept = cardOf(await press(bot, user, confirm, 'No, keep it'));
    expect(cardText(kept)).toContain('Year 10 employer day');
    expect(await activities()).toHaveLength(1);

    const cancelled = cardOf(await press(bot, user, confirm, 'Yes, cancel “Year 10 employer day”', {}, { id: 'cancel-1' }));
    expect(cardText(cancelled)).toContain('Thu 14 May 2026: Year 10 employer day is no longer in the plan.');
    expect(await activities()).toHaveLength(0);
    const again = cardOf(await press(bot, user, confirm, 'Yes, cancel “Year 10 employer day”', {}, { id: 'cancel-1' }));
    expect(cardText(again)).toContain('Planned activity cancelled');
    const [reply] = await bot.say(user, 'planned activities');
    expect(cardText(cardOf(reply))).toContain('Nothing is planned yet');
  });

  it('does not treat a held activity as a plan: it cannot be moved or cancelled here', async () => {
    const held: Activity = {
      id: 'HELD-1',
      date: '2026-03-02',
      kind: 'employer_encounter',
      title: 'Held talk',
      providerAccess: false,
      meaningful: true,
      invitedYearGroups: [10],
    };
    await bot.waypoint.services.school.collections.activities.createOnce(SCHOOL_ID, held);
    const user = bot.userFor(leader);
    expect(messageOf(await bot.execute(user, 'plan.cancel', { activityId: 'HELD-1' }))).toMatch(/day has come, so it is no longer a plan/);
    expect(messageOf(await bot.execute(user, 'plan.move', { activityId: 'HELD-1' }))).toMatch(/day has come, so it is no longer a plan/);
    const [reply] = await bot.say(user, 'planned activities');
    expect(cardText(cardOf(reply))).not.toContain('Held talk');
    expect(await activities()).toHaveLength(1);
  });

  describe('who may plan', () => {
    it.each([
      ['a pupil', pupil],
      ['the SENCO', senco],
      ['an administrator', admin],
    ])('refuses %s, by command and by button, and writes nothing', async (_who, someone) => {
      const user = bot.userFor(someone);
      const [listReply] = await bot.say(user, 'planned activities');
      expect(listReply!.text).toMatch(/only the careers leader, careers advisers or teachers can do that/);
      const [planReply] = await bot.say(user, 'plan an activity');
      expect(planReply!.text).toMatch(/only the careers leader, careers advisers or teachers can do that/);
      const answer = await bot.execute(user, 'plan.save', { draftId: 'sneaky-1', ...employerDay });
      expect(messageOf(answer)).toMatch(/only the careers leader/);
      expect(await activities()).toHaveLength(0);
    });

    it('lets a teacher change only what they planned; the careers leader may change anyone’s', async () => {
      const saved = await plan(bot.userFor(teacher));
      const id = buttonOn(saved, 'Edit').data.activityId as string;
      const other = bot.userFor(otherTeacher);
      expect(messageOf(await bot.execute(other, 'plan.edit', { activityId: id }))).toMatch(/only change activities you planned/);
      expect(messageOf(await bot.execute(other, 'plan.cancel', { activityId: id }))).toMatch(/only change activities you planned/);
      const [reply] = await bot.say(other, 'planned activities');
      const list = cardOf(reply);
      // Listed, without buttons that would only be refused.
      expect(cardText(list)).toContain('Year 10 employer day');
      expect(() => buttonOn(list, 'Edit')).toThrow();
      expect(cardText(cardOf(await bot.execute(bot.userFor(leader), 'plan.edit', { activityId: id })))).toContain(
        'Edit a planned activity',
      );
    });
  });
});

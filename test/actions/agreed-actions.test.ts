// Agreed actions followed through: recorded at a meeting they get a status; the pupil is reminded a
// few days before one falls due (once, not after "stop", not once they have left) and marks it
// done; the adviser's diary lists open and overdue ones; only the people concerned may change one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FollowedAction } from '../../src/domain/agreed-actions';
import { applyErasure, describeErasure, planErasure } from '../../src/erasure/erase-person';
import { actionReminderJob } from '../../src/journeys/meetings/action-reminders';
import { runForEachSchool } from '../../src/scheduling/school-jobs';
import { buttonOn, cardOf, cardText, messageOf, person, press, SCHOOL_ID, type TestBot } from '../harness/test-bot';
import {
  adviser,
  ava,
  ben,
  clearMeetings,
  Clock,
  leader,
  otherAdviser,
  outboxFor,
  seedSlot,
  startMeetingBot,
  teacher,
} from '../meetings/meeting-fixtures';

const dee = person({
  id: 'P0004',
  role: 'pupil',
  givenName: 'Dee',
  familyName: 'Moss',
  email: 'dee@school.example',
  yearGroup: 11,
  form: '11B',
  leftOn: '2026-03-10',
});
// Dee leaves on Tue 10 Mar, a week before her action's reminder would go.

const outcome = (what1: string, by1: string, extra: Record<string, string> = {}) => ({
  outcome: 'attended',
  advice: 'Talked through college courses.',
  who1: 'Pupil',
  what1,
  by1,
  who2: 'Adviser',
  what2: 'Send apprenticeship links',
  by2: '2026-03-06',
  who3: 'Pupil',
  what3: '',
  by3: '',
  ...extra,
});

describe('agreed actions followed through', () => {
  const clock = new Clock();
  let bot: TestBot;
  const actions = () => bot.waypoint.services.meetingTables.actions.list(SCHOOL_ID);
  const actionOf = async (id: string): Promise<FollowedAction | undefined> => (await actions()).find((action) => action.id === id);
  const remind = async (iso: string) =>
    (await runForEachSchool(bot.waypoint.services, actionReminderJob, new Date(iso))).done.reduce((total, run) => total + run.result, 0);

  beforeAll(async () => {
    bot = await startMeetingBot({ clock, people: [dee] });
  });
  afterAll(async () => bot.stop());
  const clearAll = async () => {
    clock.set('2026-03-02T09:00:00Z');
    await clearMeetings(bot);
    const table = bot.waypoint.services.storage.table('agreedActions', SCHOOL_ID);
    for await (const entity of table.listEntities()) await table.deleteEntity(entity.partitionKey!, entity.rowKey!);
  };
  beforeEach(clearAll);

  /** The pupil books Tuesday 3 March 10:20 with Dan, and Dan records it at 11:00 with these actions. */
  async function meetingRecorded(
    pupil = ava,
    values = outcome('Visit two college open days', '2026-03-20'),
    time = '2026-03-03T10:20',
  ): Promise<string> {
    const slot = await seedSlot(bot, time);
    expect(cardText(cardOf(await bot.execute(bot.userFor(pupil), 'meeting.book', { slotKey: slot, topic: '' })))).toContain(
      'Meeting booked',
    );
    const meeting = (await bot.waypoint.services.school.collections.meetings.list(SCHOOL_ID)).find((entry) => entry.pupilId === pupil.id)!;
    clock.set('2026-03-03T11:00:00Z');
    expect(cardText(cardOf(await bot.execute(bot.userFor(adviser), 'meeting.record', { meetingId: meeting.id, ...values })))).toContain(
      'Meeting recorded',
    );
    return meeting.id;
  }

  it('gives each recorded action a status the pupil sees in “my actions” and their record', async () => {
    const meetingId = await meetingRecorded();
    expect(await actions()).toEqual([
      expect.objectContaining({
        id: `${meetingId}.1`,
        pupilId: ava.id,
        adviserId: adviser.id,
        who: 'Pupil',
        what: 'Visit two college open days',
        by: '2026-03-20',
        status: 'open',
      }),
      expect.objectContaining({
        id: `${meetingId}.2`,
        who: 'Adviser',
        what: 'Send apprenticeship links',
        by: '2026-03-06',
        status: 'open',
      }),
    ]);
    const mine = cardOf((await bot.say(bot.userFor(ava), 'my actions'))[0]);
    // Her own action reads without "Pupil:"; the adviser's keeps its owner.
    expect(cardText(mine)).toContain('\nVisit two college open days');
    expect(cardText(mine)).not.toContain('Pupil:');
    expect(cardText(mine)).toContain('Adviser: Send apprenticeship links');
    expect(cardText(mine)).toContain('Due by Fri 20 Mar 2026');
    expect(cardText(mine)).toContain('2 still to do.');
    // Her own side's action has a button; the adviser's does not.
    expect(buttonOn(mine, 'Mark done')).toMatchObject({ verb: 'actions.done', data: { actionId: `${meetingId}.1` } });
    expect(() => buttonOn(mine, 'Mark done (2)')).toThrow();

    const record = cardText(cardOf((await bot.say(bot.userFor(ava), 'my record'))[0]));
    expect(record).toContain('Actions we agreed');
    expect(record).toContain('Adviser: Send apprenticeship links');
    // Staff see the same list in the pupil's record.
    expect(cardText(cardOf((await bot.say(bot.userFor(adviser), 'record P0001'))[0]))).toContain('Agreed actions (Benchmark 3)');
  });

  it('keeps an action’s status when the record is saved again, reopens a changed one and drops a removed one', async () => {
    const meetingId = await meetingRecorded();
    await bot.execute(bot.userFor(ava), 'actions.done', { actionId: `${meetingId}.1` });
    // Saved again unchanged (a redelivery): still done.
    await bot.execute(bot.userFor(adviser), 'meeting.record', { meetingId, ...outcome('Visit two college open days', '2026-03-20') });
    expect((await actionOf(`${meetingId}.1`))!.status).toBe('done');
    // The adviser corrects the date and drops the second action.
    await bot.execute(bot.userFor(adviser), 'meeting.record', {
      meetingId,
      ...outcome('Visit two college open days', '2026-03-27', { what2: '', by2: '' }),
    });
    expect(await actions()).toEqual([expect.objectContaining({ id: `${meetingId}.1`, by: '2026-03-27', status: 'open' })]);
  });

  it('reminds the pupil a few days before an action of theirs falls due, once, and lets them mark it done from the reminder', async () => {
    const meetingId = await meetingRecorded();
    // The adviser's own action (due Fri 6 Mar) never reminds the pupil.
    expect(await remind('2026-03-04T15:00:00Z')).toBe(0);
    expect(await remind('2026-03-16T15:00:00Z')).toBe(0); // four days before
    expect(await remind('2026-03-17T15:00:00Z')).toBe(1); // three days before
    expect(await remind('2026-03-18T15:00:00Z')).toBe(0); // once only
    const reminders = (await outboxFor(bot, ava.id)).filter((entry) => entry.message.key.startsWith('action-reminder:'));
    expect(reminders.map((entry) => entry.message.key)).toEqual([`action-reminder:${meetingId}.1`]);
    const card = reminders[0]!.message.card!;
    expect(cardText({ body: card.body })).toContain('Coming up: an action from your careers meeting');
    expect(cardText({ body: card.body })).toContain('Due by Fri 20 Mar 2026');

    clock.set('2026-03-18T12:00:00Z');
    const answer = cardText(cardOf(await press(bot, bot.userFor(ava), card, 'Mark done', {}, { id: 'done-1' })));
    expect(answer).toContain('Marked done: Visit two college open days');
    expect(answer).toContain('Done on Wed 18 Mar 2026');
    expect(await actionOf(`${meetingId}.1`)).toMatchObject({ status: 'done', doneBy: ava.id });
    // Pressed again: nothing changes.
    expect(cardText(cardOf(await press(bot, bot.userFor(ava), card, 'Mark done')))).toContain('Already done');
  });

  it('holds a night-time reminder until 08:00, and sends none after “stop” or to a leaver', async () => {
    await meetingRecorded();
    await remind('2026-03-17T05:00:00Z');
    expect((await outboxFor(bot, ava.id)).find((entry) => entry.message.key.startsWith('action-reminder:'))!.message.notBefore).toBe(
      '2026-03-17T08:00:00.000Z',
    );

    await clearAll();
    await meetingRecorded(ben, outcome('Write a CV', '2026-03-20'), '2026-03-03T11:00');
    const [reply] = await bot.say(bot.userFor(ben), 'stop');
    expect(reply!.text).toContain('or reminders of the actions you agreed at one');
    expect(await remind('2026-03-17T15:00:00Z')).toBe(0);
    expect((await outboxFor(bot, ben.id)).filter((entry) => entry.message.key.startsWith('action-reminder:'))).toEqual([]);

    clock.set('2026-03-02T09:00:00Z');
    await meetingRecorded(dee, outcome('Ask about sixth form', '2026-03-20'), '2026-03-03T10:40');
    expect(await remind('2026-03-17T16:00:00Z')).toBe(0);
    // Nor does the adviser's diary chase a leaver's actions; Ben's are still there.
    clock.set('2026-03-17T09:00:00Z');
    const diary = cardText(cardOf((await bot.say(bot.userFor(adviser), 'my diary'))[0]));
    expect(diary).toContain('Ben Patel (Year 11, 11A)');
    expect(diary).not.toContain('Dee Moss');
  });

  it('lets only the pupil concerned, the meeting’s adviser and the careers leader change an action', async () => {
    const meetingId = await meetingRecorded();
    const pupils = `${meetingId}.1`;
    const advisers = `${meetingId}.2`;
    // Another pupil, another adviser: as if it did not exist.
    expect(messageOf(await bot.execute(bot.userFor(ben), 'actions.done', { actionId: pupils }))).toBe('Sorry, I can’t find that action.');
    expect(messageOf(await bot.execute(bot.userFor(otherAdviser), 'actions.done', { actionId: pupils }))).toBe(
      'Sorry, I can’t find that action.',
    );
    await bot.execute(bot.userFor(teacher), 'actions.done', { actionId: pupils });
    expect(cardText(cardOf((await bot.say(bot.userFor(ben), 'my actions'))[0]))).not.toContain('Visit two college open days');
    expect((await actionOf(pupils))!.status).toBe('open');
    // The pupil can't tick off the adviser's action; the leader can.
    expect(messageOf(await bot.execute(bot.userFor(ava), 'actions.done', { actionId: advisers }))).toContain(
      'for your adviser or the school',
    );
    expect((await actionOf(advisers))!.status).toBe('open');
    expect(cardText(cardOf(await bot.execute(bot.userFor(leader), 'actions.done', { actionId: advisers })))).toContain(
      'Marked done: Send apprenticeship links',
    );
    expect(await actionOf(advisers)).toMatchObject({ status: 'done', doneBy: leader.id });
    // Bad data is refused before any handler runs.
    expect((await bot.execute(bot.userFor(ava), 'actions.done', { actionId: '' })).status).toBeLessThan(500);
    expect((await actionOf(pupils))!.status).toBe('open');
  });

  it('shows the adviser open and overdue actions in their diary, and marks one done there', async () => {
    const meetingId = await meetingRecorded();
    clock.set('2026-03-09T09:00:00Z');
    const diary = cardOf((await bot.say(bot.userFor(adviser), 'my diary'))[0]);
    expect(cardText(diary)).toContain('Agreed actions: 2 open, 1 overdue');
    expect(cardText(diary)).toContain('Overdue: due by Fri 6 Mar 2026');
    expect(cardText(diary)).toContain('Ava Patel (Year 11, 11B)');
    expect(cardText(cardOf((await bot.say(bot.userFor(otherAdviser), 'my diary'))[0]))).not.toContain('Agreed actions');
    // Two buttons on the diary, numbered in its order: the overdue one first.
    const after = cardText(cardOf(await press(bot, bot.userFor(adviser), diary, 'Mark done (1)')));
    expect(after).toContain('Marked done: Send apprenticeship links');
    expect(after).toContain('Agreed actions: 1 open');
    expect((await actionOf(`${meetingId}.2`))!.status).toBe('done');
  });

  it('erases a pupil’s actions with them', async () => {
    await meetingRecorded();
    const plan = await planErasure(bot.waypoint.services, SCHOOL_ID, ava.id);
    expect(describeErasure(plan!)).toContain('agreedActions: 2 removed');
    await applyErasure(bot.waypoint.services, plan!, 'test');
    expect(await actions()).toEqual([]);
  });
});

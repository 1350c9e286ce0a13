import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slotKeyOf } from '../../src/journeys/meetings/meeting-codecs';
import { cardOf, cardText, messageOf, press, SCHOOL_ID, type InvokeResult, type TestBot } from '../harness/test-bot';
import { adviser, ava, ben, cara, Clock, leader, meetingsStored, senco, seedSlot, startMeetingBot, teacher } from './meeting-fixtures';

/** What an invoke answered, whether a card or a message. */
function answerText(result: InvokeResult): string {
  return result.body?.type === 'application/vnd.microsoft.activity.message' ? messageOf(result) : cardText(cardOf(result));
}

describe('who may see and change meetings and records', () => {
  const clock = new Clock();
  let bot: TestBot;
  let bensMeetingId = '';
  let carasRequestId = '';
  const bensSlot = slotKeyOf(adviser.id, '2026-03-03T10:20');
  const freeSlot = slotKeyOf(adviser.id, '2026-03-04T10:20');

  beforeAll(async () => {
    bot = await startMeetingBot({ clock });
    await seedSlot(bot, '2026-03-03T10:20');
    await seedSlot(bot, '2026-03-04T10:20');
    expect(
      answerText(await bot.execute(bot.userFor(ben), 'meeting.book', { slotKey: bensSlot, topic: 'Private worries about exams' })),
    ).toContain('Meeting booked');
    bensMeetingId = (await meetingsStored(bot))[0]!.id;
    const cara1 = bot.userFor(cara);
    const form = cardOf(await bot.execute(cara1, 'meeting.requestForm', {}));
    await press(bot, cara1, form, 'Send request', { reason: 'Help with college applications', preferredTimes: '' });
    carasRequestId = (await bot.waypoint.services.meetingTables.requests.list(SCHOOL_ID))[0]!.id;
    await bot.waypoint.services.school.collections.destinations.createOnce(SCHOOL_ID, {
      pupilId: ben.id,
      kind: 'aspiration',
      date: '2026-02-01',
      destination: 'Vet',
    });
  });
  afterAll(async () => bot.stop());

  async function snapshot() {
    return {
      meetings: await meetingsStored(bot),
      slots: await bot.waypoint.services.meetingTables.slots.list(SCHOOL_ID),
      requests: await bot.waypoint.services.meetingTables.requests.list(SCHOOL_ID),
      destinations: await bot.waypoint.services.school.collections.destinations.list(SCHOOL_ID),
    };
  }

  it('never lets pupil A see or change pupil B’s meeting, request, plans or record', async () => {
    const before = await snapshot();
    const a = bot.userFor(ava);
    const attempts: Array<[string, Record<string, unknown>, RegExp]> = [
      ['meeting.askCancel', { meetingId: bensMeetingId }, /can’t find that meeting among yours/],
      ['meeting.cancel', { meetingId: bensMeetingId }, /can’t find that meeting among yours/],
      ['meeting.slots', { meetingId: bensMeetingId }, /can’t find that meeting among yours/],
      ['meeting.pick', { slotKey: freeSlot, meetingId: bensMeetingId }, /can’t find that meeting among yours/],
      ['meeting.moveTo', { meetingId: bensMeetingId, slotKey: freeSlot }, /can’t find that meeting among yours/],
      ['meeting.book', { slotKey: bensSlot, topic: '' }, /that time has just gone/],
      ['meeting.pick', { slotKey: bensSlot }, /that time has just gone/],
      ['meeting.acceptOffer', { requestId: carasRequestId }, /can’t find that offer among yours/],
      ['record.open', { pupilId: ben.id }, /only see your own careers record/],
      // Staff-only verbs, with B's ids.
      ['diary.show', {}, /only careers advisers or the careers leader/],
      ['meeting.recordForm', { meetingId: bensMeetingId }, /only careers advisers or the careers leader/],
      ['meeting.record', { meetingId: bensMeetingId, outcome: 'missed' }, /only careers advisers or the careers leader/],
      ['slots.remove', { slotKey: bensSlot }, /only careers advisers or the careers leader/],
      ['slots.day', { date: '2026-03-03' }, /only careers advisers or the careers leader/],
      ['requests.list', {}, /only careers advisers or the careers leader/],
      ['requests.offer', { requestId: carasRequestId, slotKey: freeSlot }, /only careers advisers or the careers leader/],
    ];
    for (const [verb, data, expected] of attempts) {
      const text = answerText(await bot.execute(a, verb, data));
      expect(text, verb).toMatch(expected);
      expect(text, verb).not.toContain('Private worries');
      expect(text, verb).not.toContain('Ben Patel');
    }
    // A pupil's plans card only ever writes their own row, whatever the card sends.
    await bot.execute(a, 'record.savePlans', { kind: 'aspiration', destination: 'Pilot', pupilId: ben.id });
    const [reply] = await bot.say(a, 'record P0002');
    expect(reply!.text).toMatch(/only careers advisers, the careers leader or the SENCO can do that/);
    const after = await snapshot();
    expect(after.meetings).toEqual(before.meetings);
    expect(after.slots).toEqual(before.slots);
    expect(after.requests).toEqual(before.requests);
    expect(after.destinations.filter((row) => row.pupilId === ben.id)).toEqual(before.destinations.filter((row) => row.pupilId === ben.id));
    expect(cardText(cardOf((await bot.say(a, 'my record'))[0]))).not.toContain('Vet');
  });

  it('keeps a teacher out of pupils’ records', async () => {
    const t = bot.userFor(teacher);
    expect((await bot.say(t, 'record Ava Patel'))[0]!.text).toMatch(/only careers advisers, the careers leader or the SENCO/);
    expect((await bot.say(t, 'my record'))[0]!.text).toMatch(/only pupils/);
    expect(messageOf(await bot.execute(t, 'record.open', { pupilId: ava.id }))).toMatch(
      /only pupils, careers advisers, the careers leader or the SENCO/,
    );
    expect(messageOf(await bot.execute(t, 'meeting.cancel', { meetingId: bensMeetingId }))).toMatch(/only pupils can do that/);
  });

  it('lets advisers, the careers leader and the SENCO open any pupil’s record by name or id', async () => {
    for (const staff of [adviser, leader, senco]) {
      const user = bot.userFor(staff);
      expect(cardText(cardOf((await bot.say(user, 'record Ava Patel'))[0]))).toContain('Careers record: Ava Patel');
      expect(cardText(cardOf((await bot.say(user, 'record p0002'))[0]))).toContain('Careers record: Ben Patel');
    }
    const user = bot.userFor(adviser);
    const pick = cardOf((await bot.say(user, 'record Patel'))[0]);
    expect(cardText(pick)).toContain('2 pupils match “Patel”');
    const bens = cardOf(await press(bot, user, pick, 'Ben Patel, Year 11, 11A, P0002'));
    const text = cardText(bens);
    expect(text).toContain('Careers record: Ben Patel');
    expect(text).toContain('Booked: Tue 3 Mar 2026, 10:20 with Dan Brooks, Careers office');
    expect(text).toContain('What I’d like to do one day: Vet');
    expect(text).not.toContain('Update my plans');
    expect((await bot.say(user, 'record Nobody Here'))[0]!.text).toContain('I couldn’t find a pupil called “Nobody Here”');
    expect((await bot.say(user, 'record'))[0]!.text).toContain('Whose record?');
    const audit = await bot.waypoint.services.audit.recent(SCHOOL_ID, 100);
    expect(audit.some((entry) => entry.action === 'record.view' && entry.subject === ben.id && entry.actorId === adviser.id)).toBe(true);
  });

  it('lists on each help card only what that role can do', async () => {
    // Everything on the help card, with what its "More" button shows when it has one.
    const helpFor = async (who: typeof ava) => {
      const user = bot.userFor(who);
      const help = cardOf((await bot.say(user, 'help'))[0]);
      const hasMore = JSON.stringify(help).includes('"title":"More"');
      return hasMore ? `${cardText(help)}\n${cardText(cardOf(await press(bot, user, help, 'More')))}` : cardText(help);
    };
    const pupilHelp = await helpFor(ava);
    expect(pupilHelp).toContain('Book a careers meeting');
    expect(pupilHelp).toContain('My careers record');
    expect(pupilHelp).not.toContain('My diary');
    expect(pupilHelp).not.toContain('Pupil record');
    const adviserHelp = await helpFor(adviser);
    for (const title of ['My diary', 'Add meeting slots', 'Meeting requests', 'Pupil record']) expect(adviserHelp).toContain(title);
    expect(adviserHelp).not.toContain('Book a careers meeting');
    const sencoHelp = await helpFor(senco);
    expect(sencoHelp).toContain('Pupil record');
    expect(sencoHelp).not.toContain('My diary');
    expect(await helpFor(teacher)).not.toContain('Pupil record');
  });

  it('logs ids only: never names, emails, topics or advice', async () => {
    clock.set('2026-03-03T11:00:00Z');
    const user = bot.userFor(adviser);
    await bot.execute(user, 'meeting.record', {
      meetingId: bensMeetingId,
      outcome: 'attended',
      advice: 'Confidential advice text',
      who1: 'Pupil',
      what1: 'Secret action text',
      by1: '2026-03-20',
    });
    expect((await meetingsStored(bot)).find((meeting) => meeting.id === bensMeetingId)!.status).toBe('completed');
    const logs = bot.logLines.join('\n');
    expect(logs).toContain(bensMeetingId);
    for (const secret of [
      'Ben',
      'Patel',
      'ben@school.example',
      'Private worries',
      'Confidential advice',
      'Secret action',
      'college applications',
      'Vet',
    ])
      expect(logs).not.toContain(secret);
  });
});

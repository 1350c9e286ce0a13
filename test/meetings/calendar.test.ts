import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphCalendar, GraphCalendarError } from '../../src/calendar/graph-calendar';
import { meetingEventChanges } from '../../src/domain/meeting-event';
import { applyErasure, describeErasure, planErasure } from '../../src/erasure/erase-person';
import { ONLINE_PLACE } from '../../src/journeys/meetings/slot-submission';
import { createEventBody, FakeGraph, undocumented, updateEventBody, type GraphRequest } from '../harness/fake-graph';
import type { TeamsUser } from '../harness/fake-teams-connector';
import { cardOf, cardText, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';
import { adviser, ava, ben, cara, clearMeetings, Clock, otherAdviser, seedSlot, slotButton, STAFF } from './meeting-fixtures';

// Guidance meetings in Outlook through Microsoft Graph (WAYPOINT_CALENDAR=graph): the real bot on
// Azurite, the real Graph client, and a local server answering as Graph does.

const DAN = `/v1.0/users/${adviser.email}/events`;
const PRIYA = `/v1.0/users/${otherAdviser.email}/events`;
const TOPIC = 'Worried about my predicted grades in chemistry';

const eventAt = (startsAt: string, endsAt: string, place: string, online = false) => ({
  start: { dateTime: `${startsAt}:00`, timeZone: 'Europe/London' },
  end: { dateTime: `${endsAt}:00`, timeZone: 'Europe/London' },
  location: { displayName: place },
  isOnlineMeeting: online,
  ...(online ? { onlineMeetingProvider: 'teamsForBusiness' } : {}),
});

describe('guidance meetings in the adviser’s and pupil’s calendars', () => {
  const clock = new Clock();
  const graph = new FakeGraph();
  let bot: TestBot;
  beforeAll(async () => {
    await graph.start();
    graph.clock = clock.now;
    bot = await TestBot.start({ school: schoolWith([...STAFF, ava, ben, cara]), now: clock.now, graph });
  });
  afterAll(async () => {
    await bot.stop();
    await graph.stop();
  });
  beforeEach(async () => {
    clock.set('2026-03-02T09:00:00Z');
    await clearMeetings(bot);
    const rows = bot.waypoint.services.storage.table('calendarEvents');
    for await (const entity of rows.listEntities()) await rows.deleteEntity(entity.partitionKey!, entity.rowKey!);
    graph.reset();
  });
  // Every request of every test, by method, path and body, is one Graph documents.
  afterEach(() => expect(graph.requests.flatMap((request) => undocumented(request) ?? [])).toEqual([]));

  const sync = () => bot.waypoint.calendarSync!.flush();

  /** The last booking's tap, to deliver again. */
  let redeliver: () => Promise<unknown> = async () => undefined;

  async function book(user: TeamsUser, day = 'Tue 3 Mar 2026', time = '10:20') {
    const [list] = await bot.say(user, 'book a meeting');
    const button = slotButton(cardOf(list), day, time);
    const confirm = cardOf(await bot.execute(user, button.verb, button.data));
    const tap = () => press(bot, user, confirm, 'Confirm booking', { topic: TOPIC }, { id: `book-${day}-${time}` });
    redeliver = tap;
    return cardOf(await tap());
  }

  async function moveTo(user: TeamsUser, day: string, time: string) {
    const [mine] = await bot.say(user, 'my meeting');
    const list = cardOf(await press(bot, user, cardOf(mine), 'Move'));
    const button = slotButton(list, day, time);
    const confirm = cardOf(await bot.execute(user, button.verb, button.data));
    return cardOf(await press(bot, user, confirm, 'Move to this time'));
  }

  async function cancel(user: TeamsUser) {
    const [mine] = await bot.say(user, 'my meeting');
    const ask = cardOf(await press(bot, user, cardOf(mine), 'Cancel meeting'));
    return cardOf(await press(bot, user, ask, 'Yes, cancel it'));
  }

  async function diaryText(person = adviser) {
    return cardText((await bot.say(bot.userFor(person), 'my diary'))[0]!);
  }

  const calls = (requests: readonly GraphRequest[] = graph.requests) => requests.map((request) => `${request.method} ${request.path}`);

  it('books an in-person meeting as an event in the adviser’s calendar, the pupil invited, without what the pupil wrote', async () => {
    await seedSlot(bot, '2026-03-03T10:20');
    const booked = await book(bot.userFor(ava));
    expect(cardText(booked)).toContain('Meeting booked');
    // The booking never waits for Graph: nothing has been sent yet.
    expect(graph.requests).toEqual([]);

    expect(await sync()).toEqual({ done: 1, retrying: 0, failed: 0 });
    expect(calls()).toEqual([`POST ${DAN}`]);
    const [create] = graph.requests;
    expect(createEventBody.parse(create!.body)).toEqual({
      subject: 'Careers guidance meeting',
      body: { contentType: 'text', content: 'Booked in Waypoint. To move or cancel it, type “my meeting” to Waypoint in Teams.' },
      ...eventAt('2026-03-03T10:20', '2026-03-03T10:50', 'Careers office'),
      attendees: [{ emailAddress: { address: ava.email, name: 'Ava Patel' }, type: 'required' }],
      allowNewTimeProposals: false,
      sensitivity: 'private',
      transactionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(JSON.stringify(create!.body)).not.toContain('chemistry');
    expect(graph.liveEvents(adviser.email)).toHaveLength(1);

    // The same tap delivered again, and another sync: still one event, and nothing more sent.
    expect(cardText(cardOf((await redeliver()) as any))).toContain('Meeting booked');
    await sync();
    expect(calls()).toEqual([`POST ${DAN}`]);
    expect(await diaryText()).not.toContain('calendar yet');
  });

  it('books an online slot as a Teams meeting and shows its join link on the pupil’s meeting card', async () => {
    await seedSlot(bot, '2026-03-04T14:00', { place: ONLINE_PLACE, minutes: 45 });
    const user = bot.userFor(ava);
    await book(user, 'Wed 4 Mar 2026', '14:00');
    const [before] = await bot.say(user, 'my meeting');
    expect(cardText(cardOf(before))).not.toContain('Join the online meeting');

    await sync();
    const [create] = graph.requests;
    expect(create!.body).toMatchObject({
      ...eventAt('2026-03-04T14:00', '2026-03-04T14:45', ONLINE_PLACE, true),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
    const joinUrl = graph.liveEvents(adviser.email)[0]!.onlineMeeting!.joinUrl;
    const [after] = await bot.say(user, 'my meeting');
    const join = (cardOf(after).actions as any[]).find((action) => action.title === 'Join the online meeting');
    expect(join).toEqual({ type: 'Action.OpenUrl', title: 'Join the online meeting', url: joinUrl });
  });

  it('moves the event when the meeting moves, and cancels it (Outlook tells the pupil) when it is cancelled', async () => {
    await seedSlot(bot, '2026-03-03T10:20');
    await seedSlot(bot, '2026-03-05T11:00', { place: 'Room 4' });
    await seedSlot(bot, '2026-03-06T09:00', { adviserId: otherAdviser.id, place: ONLINE_PLACE });
    const user = bot.userFor(ava);
    await book(user);
    await sync();
    const [event] = graph.liveEvents(adviser.email);

    expect(cardText(await moveTo(user, 'Thu 5 Mar 2026', '11:00'))).toContain('Meeting moved');
    await sync();
    expect(calls(graph.requests.slice(1))).toEqual([`PATCH ${DAN}/${event!.id}`]);
    expect(updateEventBody.parse(graph.requests[1]!.body)).toEqual(eventAt('2026-03-05T11:00', '2026-03-05T11:30', 'Room 4'));
    expect(graph.liveEvents()).toEqual([
      expect.objectContaining({ id: event!.id, ...eventAt('2026-03-05T11:00', '2026-03-05T11:30', 'Room 4') }),
    ]);

    // To another adviser's (online) slot: the event cannot change mailbox, so Dan's is cancelled and Priya's made.
    await moveTo(user, 'Fri 6 Mar 2026', '09:00');
    await sync();
    expect(calls(graph.requests.slice(2))).toEqual([`POST ${DAN}/${event!.id}/cancel`, `POST ${PRIYA}`]);
    expect(graph.requests[3]!.body).toMatchObject({ ...eventAt('2026-03-06T09:00', '2026-03-06T09:30', ONLINE_PLACE, true) });
    const [priyas] = graph.liveEvents();
    expect(priyas!.mailbox).toBe(otherAdviser.email);

    expect(cardText(await cancel(user))).toContain('Meeting cancelled');
    await sync();
    expect(calls(graph.requests.slice(4))).toEqual([`POST ${PRIYA}/${priyas!.id}/cancel`]);
    expect(graph.requests[4]!.body).toEqual({ comment: 'This careers guidance meeting has been cancelled in Waypoint.' });
    expect(graph.liveEvents()).toEqual([]);
    await sync();
    expect(graph.requests).toHaveLength(5);
  });

  it('leaves the event alone when the meeting is recorded as missed', async () => {
    await seedSlot(bot, '2026-03-03T10:20');
    await book(bot.userFor(ava));
    await sync();
    clock.set('2026-03-03T11:00:00Z');
    const user = bot.userFor(adviser);
    const form = cardOf(await bot.execute(user, 'meeting.recordForm', { meetingId: await onlyMeetingId() }));
    const saved = cardOf(await press(bot, user, form, 'Save record', { outcome: 'missed' }));
    expect(cardText(saved)).toContain('Meeting recorded');
    await sync();
    expect(calls()).toEqual([`POST ${DAN}`]);
    expect(graph.liveEvents()).toHaveLength(1);
  });

  it('waits as Graph asks after a 429, says so on the adviser’s diary, then writes the event once', async () => {
    await seedSlot(bot, '2026-03-03T10:20');
    graph.failNext(1, { status: 429, retryAfterSeconds: 120 });
    await book(bot.userFor(ava));
    expect(await sync()).toEqual({ done: 0, retrying: 1, failed: 0 });
    expect(await diaryText()).toContain('Not in your calendar yet.');

    clock.set('2026-03-02T09:01:30Z');
    await sync();
    expect(graph.requests).toHaveLength(1);
    clock.set('2026-03-02T09:02:01Z');
    expect(await sync()).toEqual({ done: 1, retrying: 0, failed: 0 });
    expect(calls()).toEqual([`POST ${DAN}`, `POST ${DAN}`]);
    expect((graph.requests[1]!.body as any).transactionId).toBe((graph.requests[0]!.body as any).transactionId);
    expect(graph.liveEvents()).toHaveLength(1);
    expect(await diaryText()).not.toContain('calendar yet');
  });

  it('keeps trying through an hour of 500s without ever holding up the booking, then writes one event', async () => {
    await seedSlot(bot, '2026-03-03T10:20');
    const outageEnds = new Date('2026-03-02T10:00:00Z');
    graph.fault = (request) => (request.at! < outageEnds ? { status: 500 } : undefined);
    expect(cardText(await book(bot.userFor(ava)))).toContain('Meeting booked');
    for (let tries = 0; tries < 40 && graph.liveEvents().length === 0; tries++) {
      await sync();
      const row = await bot.waypoint.services.calendar!.get(SCHOOL_ID, (await onlyMeetingId())!);
      if (row!.status === 'pending' && row!.dueAt > clock.at.toISOString()) clock.set(row!.dueAt);
    }
    expect(graph.liveEvents()).toHaveLength(1);
    const tries = graph.requests.length;
    // Back-off doubles to 15 minutes: a handful of tries in the hour, and in within 15 minutes of the end.
    expect(tries).toBeGreaterThan(4);
    expect(tries).toBeLessThan(12);
    expect(graph.requests.at(-1)!.at!.getTime() - outageEnds.getTime()).toBeLessThanOrEqual(15 * 60_000);
    expect(new Set(graph.requests.map((request) => (request.body as any).transactionId)).size).toBe(1);
    expect(await diaryText()).not.toContain('calendar yet');
  });

  it('makes one event when Graph carried out a create but its answer was lost', async () => {
    await seedSlot(bot, '2026-03-03T10:20');
    graph.loseNextAnswers(1);
    await book(bot.userFor(ava));
    expect(await sync()).toEqual({ done: 0, retrying: 1, failed: 0 });
    clock.set('2026-03-02T09:05:00Z');
    await sync();
    expect(calls()).toEqual([`POST ${DAN}`, `POST ${DAN}`]);
    expect(graph.events.size).toBe(1);
  });

  it('puts a meeting back as a new event when the adviser deleted it in Outlook, and cancels one already gone quietly', async () => {
    await seedSlot(bot, '2026-03-03T10:20');
    await seedSlot(bot, '2026-03-05T11:00');
    const user = bot.userFor(ava);
    await book(user);
    await sync();
    const [first] = graph.liveEvents();
    graph.deleteInOutlook(first!.id);

    await moveTo(user, 'Thu 5 Mar 2026', '11:00');
    expect(await sync()).toEqual({ done: 1, retrying: 0, failed: 0 });
    expect(calls(graph.requests.slice(1))).toEqual([`PATCH ${DAN}/${first!.id}`, `POST ${DAN}`]);
    const [second] = graph.liveEvents();
    expect(second).toMatchObject(eventAt('2026-03-05T11:00', '2026-03-05T11:30', 'Careers office'));
    expect(second!.transactionId).not.toBe(first!.transactionId);

    graph.deleteInOutlook(second!.id);
    await cancel(user);
    expect(await sync()).toEqual({ done: 1, retrying: 0, failed: 0 });
    expect(calls(graph.requests.slice(3))).toEqual([`POST ${DAN}/${second!.id}/cancel`]);
    expect(await diaryText()).not.toContain('calendar yet');
  });

  it('erases what Waypoint kept of a pupil’s events with the pupil, sending Graph nothing', async () => {
    await seedSlot(bot, '2026-03-04T14:00', { place: ONLINE_PLACE });
    await book(bot.userFor(cara), 'Wed 4 Mar 2026', '14:00');
    await sync();
    const meetingId = (await onlyMeetingId())!;
    expect((await bot.waypoint.services.calendar!.get(SCHOOL_ID, meetingId))!.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);

    const plan = await planErasure(bot.waypoint.services, SCHOOL_ID, cara.id);
    expect(describeErasure(plan!)).toContain('calendarEvents: 1 removed');
    await applyErasure(bot.waypoint.services, plan!, 'erase');
    expect(await bot.waypoint.services.calendar!.get(SCHOOL_ID, meetingId)).toBeUndefined();
    await sync();
    expect(graph.requests).toHaveLength(1);
  });

  async function onlyMeetingId(): Promise<string | undefined> {
    const meetings = await bot.waypoint.services.school.collections.meetings.list(SCHOOL_ID);
    return meetings[0]?.id;
  }
});

describe('a Graph that never answers', () => {
  it('fails the write after the timeout, to be tried again, rather than holding every later sync', async () => {
    const graph = new FakeGraph();
    await graph.start();
    try {
      graph.hangNext(1);
      const calendar = new GraphCalendar(graph.url, { getToken: async () => null }, 300);
      const changes = meetingEventChanges({ startsAt: '2026-03-03T10:20', minutes: 30, place: 'Careers office', online: false });
      const failed = await calendar.update(adviser.email, 'AAMk1', changes).catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(GraphCalendarError);
      expect((failed as GraphCalendarError).status).toBeUndefined();
      // The next request is answered as usual (the event does not exist).
      await expect(calendar.update(adviser.email, 'AAMk1', changes)).rejects.toMatchObject({ status: 404, code: 'ErrorItemNotFound' });
    } finally {
      await graph.stop();
    }
  });
});

describe('with the school’s calendars off (the default)', () => {
  it('never sends Graph a request, whatever happens to a meeting', async () => {
    const clock = new Clock();
    const graph = new FakeGraph();
    await graph.start();
    const bot = await TestBot.start({ school: schoolWith([...STAFF, ava]), now: clock.now, graph, env: { WAYPOINT_CALENDAR: 'off' } });
    try {
      expect(bot.waypoint.calendarSync).toBeUndefined();
      await seedSlot(bot, '2026-03-03T10:20', { place: ONLINE_PLACE });
      await seedSlot(bot, '2026-03-05T11:00');
      const user = bot.userFor(ava);
      const [list] = await bot.say(user, 'book a meeting');
      const pick = slotButton(cardOf(list), 'Tue 3 Mar 2026', '10:20');
      await press(bot, user, cardOf(await bot.execute(user, pick.verb, pick.data)), 'Confirm booking');
      const [mine] = await bot.say(user, 'my meeting');
      const moves = cardOf(await press(bot, user, cardOf(mine), 'Move'));
      const to = slotButton(moves, 'Thu 5 Mar 2026', '11:00');
      await press(bot, user, cardOf(await bot.execute(user, to.verb, to.data)), 'Move to this time');
      const [again] = await bot.say(user, 'my meeting');
      await press(bot, user, cardOf(await press(bot, user, cardOf(again), 'Cancel meeting')), 'Yes, cancel it');
      await bot.waypoint.jobs.runHourly(clock.now());
      expect(graph.requests).toEqual([]);
      const rows = bot.waypoint.services.storage.table('calendarEvents').listEntities();
      for await (const row of rows) throw new Error(`a calendar row was written: ${row.rowKey}`);
    } finally {
      await bot.stop();
      await graph.stop();
    }
  });
});

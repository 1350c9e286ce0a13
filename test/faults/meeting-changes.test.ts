import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sweepOrphanedSlots } from '../../src/journeys/meetings/booking-store';
import { markerPartition, slotKeyOf } from '../../src/journeys/meetings/meeting-codecs';
import { encodeKey } from '../../src/storage/keys';
import { cardOf, cardText, press, SCHOOL_ID, type TestBot } from '../harness/test-bot';
import { WriteFaults, type FaultMode } from '../harness/write-faults';
import {
  adviser,
  ava,
  clearMeetings,
  Clock,
  meetingsStored,
  meetingStored,
  otherAdviser,
  outboxFor,
  seedSlot,
  slotsStored,
  startMeetingBot,
} from '../meetings/meeting-fixtures';

// Storage fails after each write of each multi-step meeting change, on real Azurite: the Nth write
// is refused, or applied and then reported as failed. Whatever the user is told must be true, and
// the same tap delivered again must leave everything consistent.

const MODES: FaultMode[] = ['refused', 'applied-then-failed'];
const NOTHING_CHANGED = /nothing was changed/;

interface Heard {
  text: string;
  kind: 'done' | 'partial' | 'nothing-changed' | 'unsure';
}

describe('meeting changes survive storage failing part-way', () => {
  const clock = new Clock();
  let bot: TestBot;
  let faults: WriteFaults;
  beforeAll(async () => {
    bot = await startMeetingBot({ clock });
    faults = new WriteFaults(bot.waypoint.services.storage);
    // A person's first message remembers who they are: done here, so each flow counts only its own writes.
    for (const person of [ava, adviser, otherAdviser]) await bot.say(bot.userFor(person), 'help');
  });
  afterAll(async () => bot.stop());
  beforeEach(async () => {
    clock.set('2026-03-02T09:00:00Z');
    faults.count();
    await clearMeetings(bot);
  });

  /** Presses a button as a Teams activity with a fixed id and time, so it can be delivered again. */
  async function tap(
    user: ReturnType<TestBot['userFor']>,
    verb: string,
    data: Record<string, unknown>,
    activity: { id: string; timestamp: string },
    done: RegExp,
  ): Promise<Heard> {
    const before = bot.connector.sent.length;
    const result = await bot.execute(user, verb, data, activity);
    const messages = bot.connector.sent
      .slice(before)
      .map((entry) => entry.activity.text ?? '')
      .join('\n');
    const text =
      result.body?.type === 'application/vnd.microsoft.card.adaptive'
        ? cardText(cardOf(result))
        : `${String(result.body?.value ?? '')}\n${messages}`;
    if (/couldn’t make sure of everything/.test(text)) return { text, kind: 'partial' };
    if (/can’t tell yet whether/.test(text)) return { text, kind: 'unsure' };
    if (NOTHING_CHANGED.test(text)) return { text, kind: 'nothing-changed' };
    expect(text).toMatch(done);
    return { text, kind: 'done' };
  }

  async function bookAva(startsAt = '2026-03-03T10:20'): Promise<{ meetingId: string; slotKey: string }> {
    const slotKey = await seedSlot(bot, startsAt);
    const booked = cardOf(await bot.execute(bot.userFor(ava), 'meeting.book', { slotKey, topic: '' }));
    expect(cardText(booked)).toContain('Meeting booked');
    const slot = (await slotsStored(bot)).find((entry) => slotKeyOf(entry.adviserId, entry.startsAt) === slotKey);
    return { meetingId: slot!.meetingId!, slotKey };
  }

  async function markerOf(pupilId: string) {
    return (await bot.waypoint.services.meetingTables.markers.get(markerPartition(SCHOOL_ID), encodeKey(pupilId)))?.item;
  }

  async function slotHolder(slotKey: string): Promise<string | undefined> {
    return (await slotsStored(bot)).find((entry) => slotKeyOf(entry.adviserId, entry.startsAt) === slotKey)?.meetingId;
  }

  async function auditRows(action: string, subject: string): Promise<number> {
    return (await bot.waypoint.services.audit.recent(SCHOOL_ID, 1000)).filter(
      (entry) => entry.action === action && entry.subject === subject,
    ).length;
  }

  /** How many writes a flow makes when nothing fails (so every one of them can be failed in turn). */
  async function writesOf(flow: () => Promise<unknown>): Promise<number> {
    await flow();
    const writes = faults.writes;
    await clearMeetings(bot);
    faults.count();
    return writes;
  }

  describe('booking', () => {
    async function bookFlow(mode?: FaultMode, nth?: number) {
      const slotKey = await seedSlot(bot, '2026-03-03T10:20');
      const activity = { id: randomUUID(), timestamp: new Date().toISOString() };
      if (mode && nth) faults.arm(nth, mode);
      else faults.count();
      const first = await tap(bot.userFor(ava), 'meeting.book', { slotKey, topic: '' }, activity, /Meeting booked/);
      faults.disarm();
      return { slotKey, activity, first };
    }
    const bookedFor = async (pupilId: string) =>
      (await meetingsStored(bot)).filter((meeting) => meeting.pupilId === pupilId && meeting.status === 'booked');

    it('counts the writes of a booking: marker, slot, meeting, notice and its pending index, audit', async () => {
      expect(await writesOf(() => bookFlow())).toBe(6);
    });

    it('says a failed tap on the card itself (Teams shows only the tap’s answer there), with no separate message', async () => {
      const slotKey = await seedSlot(bot, '2026-03-03T10:20');
      const from = bot.connector.sent.length;
      faults.arm(1, 'refused');
      const result = await bot.execute(bot.userFor(ava), 'meeting.book', { slotKey, topic: '' });
      faults.disarm();
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
      expect(cardText(cardOf(result))).toMatch(/can’t reach Waypoint’s records just now.*try again in a minute/);
      expect(bot.connector.sent.slice(from)).toEqual([]);
      expect(await bookedFor(ava.id)).toEqual([]);
    });

    for (const mode of MODES) {
      it(`tells the truth and finishes on redelivery when write N is ${mode}, for every N`, async () => {
        const writes = await writesOf(() => bookFlow());
        for (let nth = 1; nth <= writes; nth++) {
          await clearMeetings(bot);
          const { slotKey, activity, first } = await bookFlow(mode, nth);
          const context = `write ${nth} ${mode}: ${first.text}`;
          if (first.kind === 'nothing-changed') expect(await bookedFor(ava.id), context).toEqual([]);
          else {
            const [meeting] = await bookedFor(ava.id);
            expect(meeting?.slotKey, context).toBe(slotKey);
            if (!first.text.includes('that your adviser gets a message'))
              expect(
                (await outboxFor(bot, adviser.id)).map((entry) => entry.message.key),
                context,
              ).toContain(`meeting-booked:${meeting!.id}:${slotKey}`);
            if (first.kind === 'partial') expect(first.text, context).toContain('Finish booking');
          }
          expect(first.kind, context).not.toBe('unsure');

          const again = await tap(bot.userFor(ava), 'meeting.book', { slotKey, topic: '' }, activity, /Meeting booked/);
          expect(again.kind, context).toBe('done');
          const booked = await bookedFor(ava.id);
          expect(booked, context).toHaveLength(1);
          expect(await slotHolder(slotKey), context).toBe(booked[0]!.id);
          expect(await markerOf(ava.id), context).toMatchObject({ meetingId: booked[0]!.id, slotKey });
          expect(
            (await outboxFor(bot, adviser.id)).filter((entry) => entry.message.key.startsWith('meeting-booked:')),
            context,
          ).toHaveLength(1);
          expect(await auditRows('meeting.book', booked[0]!.id), context).toBe(1);
        }
      });
    }
  });

  describe('accepting an offered time', () => {
    async function acceptFlow(mode?: FaultMode, nth?: number) {
      const slotKey = await seedSlot(bot, '2026-03-03T10:20');
      const pupil = bot.userFor(ava);
      const form = cardOf(await bot.execute(pupil, 'meeting.requestForm', {}));
      expect(
        cardText(cardOf(await press(bot, pupil, form, 'Send request', { reason: 'Help choosing A-levels', preferredTimes: '' }))),
      ).toContain('Request sent');
      const [request] = await bot.waypoint.services.meetingTables.requests.list(SCHOOL_ID);
      expect(cardText(cardOf(await bot.execute(bot.userFor(adviser), 'requests.offer', { requestId: request!.id, slotKey })))).toContain(
        'Offer sent',
      );
      const activity = { id: randomUUID(), timestamp: new Date().toISOString() };
      if (mode && nth) faults.arm(nth, mode);
      else faults.count();
      const first = await tap(pupil, 'meeting.acceptOffer', { requestId: request!.id }, activity, /Meeting booked/);
      faults.disarm();
      return { slotKey, requestId: request!.id, activity, first };
    }

    it('counts the writes of accepting: marker, slot, meeting, request, notice and its pending index, audit', async () => {
      expect(await writesOf(() => acceptFlow())).toBe(7);
    });

    for (const mode of MODES) {
      it(`tells the truth and finishes on redelivery when write N is ${mode}, for every N`, async () => {
        const writes = await writesOf(() => acceptFlow());
        for (let nth = 1; nth <= writes; nth++) {
          await clearMeetings(bot);
          const { slotKey, requestId, activity, first } = await acceptFlow(mode, nth);
          const context = `write ${nth} ${mode}: ${first.text}`;
          const meeting = await meetingStored(bot, requestId);
          if (first.kind === 'nothing-changed') expect(meeting!.status, context).toBe('requested');
          else {
            expect(meeting!.status, context).toBe('booked');
            if (!first.text.includes('that your adviser gets a message'))
              expect(
                (await outboxFor(bot, adviser.id)).map((entry) => entry.message.key),
                context,
              ).toContain(`meeting-booked:${requestId}:${slotKey}`);
          }
          expect(first.kind, context).not.toBe('unsure');

          const again = await tap(bot.userFor(ava), 'meeting.acceptOffer', { requestId }, activity, /Meeting booked/);
          expect(again.kind, context).toBe('done');
          expect(await meetingStored(bot, requestId), context).toMatchObject({ status: 'booked', slotKey });
          expect(await slotHolder(slotKey), context).toBe(requestId);
          expect(
            (await bot.waypoint.services.meetingTables.requests.list(SCHOOL_ID)).map((request) => request.status),
            context,
          ).toEqual(['booked']);
          expect(
            (await outboxFor(bot, adviser.id)).filter((entry) => entry.message.key.startsWith('meeting-booked:')),
            context,
          ).toHaveLength(1);
          expect(await auditRows('meeting.book', requestId), context).toBe(1);
        }
      });
    }
  });

  describe('asking for a meeting', () => {
    async function requestFlow(mode?: FaultMode, nth?: number) {
      const activity = { id: randomUUID(), timestamp: new Date().toISOString() };
      if (mode && nth) faults.arm(nth, mode);
      else faults.count();
      const first = await tap(
        bot.userFor(ava),
        'meeting.request',
        { reason: 'Help choosing A-levels', preferredTimes: '' },
        activity,
        /Request sent/,
      );
      faults.disarm();
      return { activity, first };
    }
    const requestsStored = () => bot.waypoint.services.meetingTables.requests.list(SCHOOL_ID);

    it('counts the writes of a request: its meetings row, the request, notice and its pending index, audit', async () => {
      expect(await writesOf(() => requestFlow())).toBe(5);
    });

    for (const mode of MODES) {
      it(`tells the truth and finishes on redelivery when write N is ${mode}, for every N`, async () => {
        const writes = await writesOf(() => requestFlow());
        for (let nth = 1; nth <= writes; nth++) {
          await clearMeetings(bot);
          const { activity, first } = await requestFlow(mode, nth);
          const context = `write ${nth} ${mode}: ${first.text}`;
          // "Request sent" promises that advisers see it in their requests: it must be stored.
          if (first.kind === 'nothing-changed') expect(await requestsStored(), context).toEqual([]);
          else
            expect(
              (await requestsStored()).map((request) => request.status),
              context,
            ).toEqual(['open']);
          expect(first.kind, context).not.toBe('unsure');

          const again = await tap(
            bot.userFor(ava),
            'meeting.request',
            { reason: 'Help choosing A-levels', preferredTimes: '' },
            activity,
            /Request sent/,
          );
          expect(again.kind, context).toBe('done');
          const [request, ...others] = await requestsStored();
          expect(others, context).toEqual([]);
          expect(await meetingStored(bot, request!.id), context).toMatchObject({
            status: 'requested',
            pupilId: ava.id,
            adviserId: adviser.id,
          });
          expect(
            (await outboxFor(bot, adviser.id)).map((entry) => entry.message.key),
            context,
          ).toEqual([`meeting-request:${request!.id}:${adviser.id}`]);
          expect(await auditRows('meeting.request', request!.id), context).toBe(1);
        }
      });
    }
  });

  describe('offering a time for a request', () => {
    async function offerFlow(mode?: FaultMode, nth?: number) {
      const pupil = bot.userFor(ava);
      expect(
        cardText(cardOf(await bot.execute(pupil, 'meeting.request', { reason: 'Help choosing A-levels', preferredTimes: '' }))),
      ).toContain('Request sent');
      const [request] = await bot.waypoint.services.meetingTables.requests.list(SCHOOL_ID);
      // Waiting with the first adviser; the other one offers a time of their own, so the request's row changes hands.
      expect(await meetingStored(bot, request!.id)).toMatchObject({ adviserId: adviser.id });
      const slotKey = await seedSlot(bot, '2026-03-04T14:00', { adviserId: otherAdviser.id, createdBy: otherAdviser.id });
      const activity = { id: randomUUID(), timestamp: new Date().toISOString() };
      if (mode && nth) faults.arm(nth, mode);
      else faults.count();
      const first = await tap(
        bot.userFor(otherAdviser),
        'requests.offer',
        { requestId: request!.id, slotKey },
        activity,
        /Offer sent to Ava Patel/,
      );
      faults.disarm();
      return { slotKey, requestId: request!.id, activity, first };
    }
    const requestOf = async (requestId: string) =>
      (await bot.waypoint.services.meetingTables.requests.get(SCHOOL_ID, encodeKey(requestId)))?.item;
    const heldFor = async (slotKey: string) =>
      (await slotsStored(bot)).find((entry) => slotKeyOf(entry.adviserId, entry.startsAt) === slotKey)?.offeredTo;
    const offersTo = async (pupilId: string) =>
      (await outboxFor(bot, pupilId)).filter((entry) => entry.message.key.startsWith('meeting-offer:')).map((entry) => entry.message.key);

    it('counts the writes of an offer: the slot held, the request, its meetings row, the offer and its pending index, audit', async () => {
      expect(await writesOf(() => offerFlow())).toBe(6);
    });

    for (const mode of MODES) {
      it(`tells the adviser the truth and finishes on redelivery when write N is ${mode}, for every N`, async () => {
        const writes = await writesOf(() => offerFlow());
        for (let nth = 1; nth <= writes; nth++) {
          await clearMeetings(bot);
          const { slotKey, requestId, activity, first } = await offerFlow(mode, nth);
          const context = `write ${nth} ${mode}: ${first.text}`;
          if (first.kind === 'nothing-changed') {
            expect(await requestOf(requestId), context).toMatchObject({ status: 'open' });
            expect(await heldFor(slotKey), context).toBeUndefined();
          } else {
            expect(await requestOf(requestId), context).toMatchObject({ status: 'offered', offeredSlotKey: slotKey });
            expect(await heldFor(slotKey), context).toBe(ava.id);
            if (!first.text.includes('that Ava Patel gets the offer'))
              expect(await offersTo(ava.id), context).toEqual([`meeting-offer:${requestId}:${slotKey}`]);
            if (first.kind === 'partial') expect(first.text, context).toContain('Finish the offer');
          }
          expect(first.kind, context).not.toBe('unsure');

          const again = await tap(bot.userFor(otherAdviser), 'requests.offer', { requestId, slotKey }, activity, /Offer sent to Ava Patel/);
          expect(again.kind, context).toBe('done');
          expect(await requestOf(requestId), context).toMatchObject({
            status: 'offered',
            offeredSlotKey: slotKey,
            offeredBy: otherAdviser.id,
          });
          expect(await heldFor(slotKey), context).toBe(ava.id);
          expect(await meetingStored(bot, requestId), context).toMatchObject({ status: 'requested', adviserId: otherAdviser.id });
          expect(await offersTo(ava.id), context).toEqual([`meeting-offer:${requestId}:${slotKey}`]);
          expect(await auditRows('meeting.offer', requestId), context).toBe(1);
        }
      });
    }

    it('the Finish the offer button sends the offer storage stopped', async () => {
      // The offer to the pupil is the fourth write: refuse it.
      const { slotKey, requestId, first } = await offerFlow('refused', 4);
      expect(first.kind).toBe('partial');
      expect(first.text).toContain(
        'Your offer to Ava Patel is saved, but I couldn’t make sure of everything just now: that Ava Patel gets the offer. ' +
          'Press “Finish the offer” in a minute and I’ll finish it.',
      );
      expect(await offersTo(ava.id)).toEqual([]);
      const finished = cardText(cardOf(await bot.execute(bot.userFor(otherAdviser), 'requests.offer', { requestId, slotKey })));
      expect(finished).toContain('Offer sent to Ava Patel.');
      expect(await offersTo(ava.id)).toEqual([`meeting-offer:${requestId}:${slotKey}`]);
    });
  });

  describe('cancelling', () => {
    async function cancelFlow(mode?: FaultMode, nth?: number) {
      const { meetingId, slotKey } = await bookAva();
      const activity = { id: randomUUID(), timestamp: new Date().toISOString() };
      if (mode && nth) faults.arm(nth, mode);
      else faults.count();
      const first = await tap(
        bot.userFor(ava),
        'meeting.cancel',
        { meetingId },
        activity,
        /is cancelled, and the time is free for other pupils/,
      );
      faults.disarm();
      return { meetingId, slotKey, activity, first };
    }

    it('counts the writes of a cancellation: meeting, slot, marker, notice and its pending index, audit', async () => {
      expect(await writesOf(() => cancelFlow())).toBe(6);
    });

    for (const mode of MODES) {
      it(`tells the truth and finishes on redelivery when write N is ${mode}, for every N`, async () => {
        const writes = await writesOf(() => cancelFlow());
        for (let nth = 1; nth <= writes; nth++) {
          await clearMeetings(bot);
          const { meetingId, slotKey, activity, first } = await cancelFlow(mode, nth);
          const context = `write ${nth} ${mode}: ${first.text}`;
          const meeting = await meetingStored(bot, meetingId);
          if (first.kind === 'nothing-changed') {
            expect(meeting!.status, context).toBe('booked');
          } else {
            expect(meeting!.status, context).toBe('cancelled');
            // What the reply does not list as unconfirmed must have happened.
            if (!first.text.includes('that the time is free')) expect(await slotHolder(slotKey), context).toBeUndefined();
            if (!first.text.includes('that your adviser gets a message'))
              expect(
                (await outboxFor(bot, adviser.id)).map((entry) => entry.message.key),
                context,
              ).toContain(`meeting-cancelled:${meetingId}`);
            if (first.kind === 'partial') expect(first.text, context).toContain('Finish cancelling');
          }
          expect(first.kind, context).not.toBe('unsure');

          // Teams delivers the same tap again.
          const again = await tap(
            bot.userFor(ava),
            'meeting.cancel',
            { meetingId },
            activity,
            /is cancelled, and the time is free for other pupils/,
          );
          expect(again.kind, context).toBe('done');
          expect((await meetingStored(bot, meetingId))!.status, context).toBe('cancelled');
          expect(await slotHolder(slotKey), context).toBeUndefined();
          expect(await markerOf(ava.id), context).toBeUndefined();
          expect(
            (await outboxFor(bot, adviser.id)).filter((entry) => entry.message.key === `meeting-cancelled:${meetingId}`),
            context,
          ).toHaveLength(1);
          expect(await auditRows('meeting.cancel', meetingId), context).toBe(1);
        }
      });
    }

    it('the Finish cancelling button finishes what storage stopped', async () => {
      const writes = await writesOf(() => cancelFlow());
      expect(writes).toBeGreaterThan(2);
      // The slot's release is the second write: refuse it.
      const { meetingId, slotKey, first } = await cancelFlow('refused', 2);
      expect(first.kind).toBe('partial');
      expect(first.text).toContain(
        'Your meeting on Tue 3 Mar 2026, 10:20 with Dan Brooks is cancelled, but I couldn’t make sure of everything just ' +
          'now: that the time is free for other pupils and that your adviser gets a message about it.',
      );
      expect(await slotHolder(slotKey)).toBe(meetingId);
      const finished = cardText(cardOf(await bot.execute(bot.userFor(ava), 'meeting.cancel', { meetingId })));
      expect(finished).toContain('the time is free for other pupils');
      expect(await slotHolder(slotKey)).toBeUndefined();
    });
  });

  describe('recording a meeting', () => {
    const attended = {
      outcome: 'attended',
      advice: 'Look at engineering apprenticeships.',
      who1: 'Pupil',
      what1: 'Visit two open days',
      by1: '2026-03-20',
    };

    it('the Finish recording button finishes the follow-up storage stopped and keeps the meeting as recorded', async () => {
      const { meetingId } = await bookAva();
      clock.set('2026-03-03T11:00:00Z');
      faults.count();
      await bot.execute(bot.userFor(adviser), 'meeting.record', { meetingId, ...attended });
      const actionsWrite = faults.log.findIndex((write) => write.endsWith('agreedActions')) + 1;
      expect(actionsWrite, faults.log.join(', ')).toBeGreaterThan(0);

      const { meetingId: secondId } = await bookAva('2026-03-05T10:20');
      clock.set('2026-03-05T11:00:00Z');
      faults.arm(actionsWrite, 'refused');
      const first = cardOf(await bot.execute(bot.userFor(adviser), 'meeting.record', { meetingId: secondId, ...attended }));
      faults.disarm();
      expect(cardText(first)).toContain('that the agreed actions are listed for follow-up');

      const finished = cardText(cardOf(await press(bot, bot.userFor(adviser), first, 'Finish recording')));
      expect(finished).not.toContain('Finish recording');
      const stored = await meetingStored(bot, secondId);
      expect(stored).toMatchObject({ status: 'completed', advice: attended.advice });
      expect(stored?.agreedActions).toContain('Visit two open days');
    });
  });

  describe('moving', () => {
    const NEW_TIME = '2026-03-05T11:00';

    async function moveFlow(mode?: FaultMode, nth?: number) {
      const { meetingId, slotKey: oldSlot } = await bookAva();
      const newSlot = await seedSlot(bot, NEW_TIME, { adviserId: otherAdviser.id, place: 'Room 4' });
      const activity = { id: randomUUID(), timestamp: new Date().toISOString() };
      if (mode && nth) faults.arm(nth, mode);
      else faults.count();
      const first = await tap(bot.userFor(ava), 'meeting.moveTo', { meetingId, slotKey: newSlot }, activity, /Meeting moved/);
      faults.disarm();
      return { meetingId, oldSlot, newSlot, activity, first };
    }

    it('counts the writes of a move: new slot, meeting, marker, two notices and their pending indexes, old slot, audit', async () => {
      expect(await writesOf(() => moveFlow())).toBe(9);
    });

    for (const mode of MODES) {
      it(`tells the truth and finishes on redelivery when write N is ${mode}, for every N`, async () => {
        const writes = await writesOf(() => moveFlow());
        for (let nth = 1; nth <= writes; nth++) {
          await clearMeetings(bot);
          const { meetingId, oldSlot, newSlot, activity, first } = await moveFlow(mode, nth);
          const context = `write ${nth} ${mode}: ${first.text}`;
          const meeting = await meetingStored(bot, meetingId);
          if (first.kind === 'nothing-changed') {
            expect(meeting!.slotKey, context).toBe(oldSlot);
          } else {
            expect(meeting!.slotKey, context).toBe(newSlot);
            expect(first.text, context).toContain('Thu 5 Mar 2026, 11:00');
            if (!first.text.includes('that your old time is free')) expect(await slotHolder(oldSlot), context).toBeUndefined();
            if (!first.text.includes('that your adviser gets a message')) {
              const keys = [...(await outboxFor(bot, adviser.id)), ...(await outboxFor(bot, otherAdviser.id))].map(
                (entry) => entry.message.key,
              );
              expect(
                keys.filter((key) => key.startsWith('meeting-moved:')),
                context,
              ).toHaveLength(2);
            }
            if (first.kind === 'partial') expect(first.text, context).toContain('Finish moving');
          }
          expect(first.kind, context).not.toBe('unsure');

          const again = await tap(bot.userFor(ava), 'meeting.moveTo', { meetingId, slotKey: newSlot }, activity, /Meeting moved/);
          expect(again.kind, context).toBe('done');
          const moved = await meetingStored(bot, meetingId);
          expect(moved, context).toMatchObject({ status: 'booked', slotKey: newSlot, startsAt: NEW_TIME, adviserId: otherAdviser.id });
          expect(await slotHolder(newSlot), context).toBe(meetingId);
          expect(await slotHolder(oldSlot), context).toBeUndefined();
          expect(await markerOf(ava.id), context).toMatchObject({ meetingId, slotKey: newSlot, startsAt: NEW_TIME });
          // Both advisers hear of it once: the old one that it left, the new one that it came.
          expect(
            (await outboxFor(bot, adviser.id)).filter((entry) => entry.message.key.startsWith('meeting-moved:')),
            context,
          ).toHaveLength(1);
          expect(
            (await outboxFor(bot, otherAdviser.id)).filter((entry) => entry.message.key.startsWith('meeting-moved:')),
            context,
          ).toHaveLength(1);
          expect(await auditRows('meeting.move', meetingId), context).toBe(1);
        }
      });
    }
  });

  describe('recording a missed meeting', () => {
    async function recordFlow(mode?: FaultMode, nth?: number) {
      const { meetingId } = await bookAva('2026-03-02T10:00');
      clock.set('2026-03-02T11:00:00Z');
      const activity = { id: randomUUID(), timestamp: new Date().toISOString() };
      if (mode && nth) faults.arm(nth, mode);
      else faults.count();
      const first = await tap(
        bot.userFor(adviser),
        'meeting.record',
        { meetingId, outcome: 'missed' },
        activity,
        /I’m sending the pupil an offer of another time/,
      );
      faults.disarm();
      clock.set('2026-03-02T09:00:00Z');
      return { meetingId, activity, first };
    }

    it('counts the writes of recording a missed meeting: meeting, marker, offer and its pending index, audit', async () => {
      expect(await writesOf(() => recordFlow())).toBe(5);
    });

    for (const mode of MODES) {
      it(`tells the truth and offers another meeting on redelivery when write N is ${mode}, for every N`, async () => {
        const writes = await writesOf(() => recordFlow());
        for (let nth = 1; nth <= writes; nth++) {
          await clearMeetings(bot);
          const { meetingId, activity, first } = await recordFlow(mode, nth);
          const context = `write ${nth} ${mode}: ${first.text}`;
          const meeting = await meetingStored(bot, meetingId);
          if (first.kind === 'nothing-changed') expect(meeting!.status, context).toBe('booked');
          else {
            expect(meeting!.status, context).toBe('missed');
            if (!first.text.includes('that the pupil is offered another meeting'))
              expect(
                (await outboxFor(bot, ava.id)).map((entry) => entry.message.key),
                context,
              ).toContain(`meeting-missed:${meetingId}`);
          }
          expect(first.kind, context).not.toBe('unsure');

          clock.set('2026-03-02T11:00:00Z');
          const again = await tap(
            bot.userFor(adviser),
            'meeting.record',
            { meetingId, outcome: 'missed' },
            activity,
            /I’m sending the pupil an offer of another time/,
          );
          clock.set('2026-03-02T09:00:00Z');
          expect(again.kind, context).toBe('done');
          expect((await meetingStored(bot, meetingId))!.status, context).toBe('missed');
          expect(await markerOf(ava.id), context).toBeUndefined();
          expect(
            (await outboxFor(bot, ava.id)).filter((entry) => entry.message.key === `meeting-missed:${meetingId}`),
            context,
          ).toHaveLength(1);
          expect(await auditRows('meeting.record', meetingId), context).toBe(1);
        }
      });
    }
  });

  describe('the sweep of orphaned slots', () => {
    it('frees a slot a cancellation left booked, and only once it has settled', async () => {
      const { meetingId, slotKey } = await bookAva();
      faults.arm(2, 'refused');
      const first = await tap(
        bot.userFor(ava),
        'meeting.cancel',
        { meetingId },
        { id: randomUUID(), timestamp: new Date().toISOString() },
        /cancelled/,
      );
      faults.disarm();
      expect(first.kind).toBe('partial');
      expect(await slotHolder(slotKey)).toBe(meetingId);

      // A live meeting's slot, and another pupil's booking under way this minute, stay as they are.
      clock.set('2026-03-02T09:05:00Z');
      const live = await seedSlot(bot, '2026-03-04T10:00', { meetingId: 'M-LIVE', pupilId: 'P0002' });
      await bot.waypoint.services.school.collections.meetings.createOnce(SCHOOL_ID, {
        id: 'M-LIVE',
        pupilId: 'P0002',
        adviserId: adviser.id,
        startsAt: '2026-03-04T10:00',
        status: 'booked',
        advice: '',
        agreedActions: '',
        slotKey: live,
      });
      const underWay = await seedSlot(bot, '2026-03-04T11:00', {
        meetingId: 'M-NEW',
        pupilId: 'P0003',
        claimedAt: clock.now().toISOString(),
      });
      expect(await sweepOrphanedSlots(bot.waypoint.services, SCHOOL_ID)).toBe(1);
      expect(await slotHolder(slotKey)).toBeUndefined();
      expect(await markerOf(ava.id)).toBeUndefined();
      expect(await slotHolder(live)).toBe('M-LIVE');
      expect(await slotHolder(underWay)).toBe('M-NEW');

      clock.set('2026-03-02T09:08:00Z');
      expect(await sweepOrphanedSlots(bot.waypoint.services, SCHOOL_ID)).toBe(1);
      expect(await slotHolder(underWay)).toBeUndefined();
      expect(await slotHolder(live)).toBe('M-LIVE');
    });
  });
});

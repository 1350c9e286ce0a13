import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topUpDemoSlots } from '../../src/demo/demo-slots';
import { isSchoolDay, termDatesCovering } from '../../src/domain/calendar';
import { meetingTables } from '../../src/journeys/meetings/meeting-codecs';
import { overlaps } from '../../src/journeys/meetings/slot-times';
import { DEMO_PEOPLE, generateDemoSchool } from '../../src/schooldata/demo-school';
import { cardOf, cardText, person, press, schoolWith, SCHOOL_ID, TestBot } from '../harness/test-bot';
import { Clock } from './meeting-fixtures';

// A fresh demo must let a pupil book: the demo advisers have times in the coming school days,
// counted from the day it starts, and a later start tops them up without doubling them.
describe('the demo school’s bookable times', () => {
  const clock = new Clock(new Date('2026-12-02T10:00:00Z'));
  let bot: TestBot;
  const slots = () => meetingTables(bot.waypoint.services).slots.list(SCHOOL_ID);
  beforeAll(async () => {
    bot = await TestBot.start({ school: generateDemoSchool({ asOf: '2026-12-02', pupilsPerYear: 3 }), now: clock.now });
  });
  afterAll(async () => bot.stop());

  it('gives a pupil times to book on a fresh start, and the booking goes through', async () => {
    const pupil = bot.userFor(DEMO_PEOPLE.pupilYear10);
    expect(cardText(cardOf((await bot.say(pupil, 'book a meeting'))[0]))).toContain('There are no free times at the moment');

    expect(await topUpDemoSlots(bot.waypoint.services, SCHOOL_ID)).toBeGreaterThan(0);
    const list = cardOf((await bot.say(pupil, 'book a meeting'))[0]);
    expect(cardText(list)).not.toContain('no free times');
    expect(cardText(list)).toContain('Thu 3 Dec 2026');
    const times = JSON.stringify(list).match(/"title":"(\d\d:\d\d)"/);
    expect(times).not.toBeNull();
    const confirm = cardOf(await press(bot, pupil, list, times![1]!));
    const booked = cardOf(await press(bot, pupil, confirm, 'Confirm booking'));
    expect(cardText(booked)).toMatch(/booked/i);
  });

  it('keeps the times on school days in the coming weeks, clear of the demo’s booked meetings', async () => {
    const stored = await slots();
    const terms = termDatesCovering('2026-12-02', '2027-03-01');
    for (const slot of stored) {
      expect(slot.startsAt > '2026-12-02T23:59').toBe(true);
      expect(slot.startsAt < '2027-01-31').toBe(true);
      expect(isSchoolDay(slot.startsAt.slice(0, 10), terms), slot.startsAt).toBe(true);
    }
    expect(new Set(stored.map((slot) => slot.adviserId))).toEqual(new Set([DEMO_PEOPLE.adviser.id, DEMO_PEOPLE.secondAdviser.id]));
    const meetings = await bot.waypoint.services.school.collections.meetings.list(SCHOOL_ID);
    const booked = meetings.filter((meeting) => meeting.status === 'booked' && meeting.slotKey === undefined);
    for (const slot of stored) for (const meeting of booked) if (meeting.adviserId === slot.adviserId) expect(overlaps(slot, { startsAt: meeting.startsAt, minutes: 20 }), slot.startsAt).toBe(false);
  });

  it('adds nothing on a second start the same day, and tops up on a later one', async () => {
    const before = (await slots()).length;
    expect(await topUpDemoSlots(bot.waypoint.services, SCHOOL_ID)).toBe(0);
    expect((await slots()).length).toBe(before);
    clock.set('2026-12-16T10:00:00Z');
    const added = await topUpDemoSlots(bot.waypoint.services, SCHOOL_ID);
    expect(added).toBeGreaterThan(0);
    expect((await slots()).length).toBe(before + added);
    expect((await slots()).some((slot) => slot.startsAt.startsWith('2027-01'))).toBe(true);
  });

  it('leaves a school that is not the demo alone', async () => {
    const lookalike = person({ id: DEMO_PEOPLE.adviser.id, role: 'careers_adviser', givenName: 'Jo', familyName: 'Real', email: 'jo@real.example' });
    await bot.waypoint.services.school.import('real-school', schoolWith([lookalike]), schoolWith([]));
    expect(await topUpDemoSlots(bot.waypoint.services, 'real-school')).toBe(0);
    expect(await meetingTables(bot.waypoint.services).slots.list('real-school')).toEqual([]);
  });
});

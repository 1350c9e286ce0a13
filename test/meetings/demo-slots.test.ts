import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSlotPlan, topUpDemoSlots } from '../../src/demo/demo-slots';
import { isSchoolDay, termDatesCovering } from '../../src/domain/calendar';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { changeWindowClosed } from '../../src/journeys/meetings/meeting-store';
import { overlaps } from '../../src/journeys/meetings/slot-times';
import { DEMO_PEOPLE, generateDemoSchool } from '../../src/schooldata/demo-school';
import { cardOf, cardText, person, press, schoolWith, SCHOOL_ID, TestBot } from '../harness/test-bot';
import { Clock } from './meeting-fixtures';

// A fresh demo must let a pupil book: the demo advisers have times in the coming school days,
// counted from the day it starts, and a later start tops them up without doubling them.
describe('the demo school’s bookable times', () => {
  const clock = new Clock(new Date('2026-12-02T10:00:00Z'));
  let bot: TestBot;
  const slots = () => bot.waypoint.services.meetingTables.slots.list(SCHOOL_ID);
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
    // The first time shown is outside the 24-hour cut-off: the pupil can still move or cancel it.
    expect(JSON.stringify(booked)).toContain('"title":"Move"');
    expect(JSON.stringify(booked)).toContain('"title":"Cancel meeting"');
    const cancelled = await press(bot, pupil, booked, 'Cancel meeting');
    expect(cardText(cardOf(cancelled))).not.toContain('too late');
  });

  it('starts no time inside the school’s cut-off for changing a meeting, from the day it starts', async () => {
    for (const slot of await slots()) expect(changeWindowClosed(slot.startsAt, '2026-12-02T10:00', 24), slot.startsAt).toBe(false);
    // Wed 2 Dec at 10:00 with a 24-hour cut-off: Thursday's morning times are too close, its afternoon ones are not.
    expect(
      (await slots())
        .filter((slot) => slot.startsAt.startsWith('2026-12-03'))
        .map((slot) => slot.startsAt.slice(11))
        .sort(),
    ).toEqual(['13:30', '14:00']);
  });

  it('reads the cut-off from the school settings, and keeps to school days', () => {
    const terms = termDatesCovering('2026-12-01', '2027-04-30');
    // Fri 18 Dec 2026 at 15:00, the last day of term, with a 72-hour cut-off: nothing before Mon 4 Jan 2027 qualifies anyway (holiday).
    for (const [now, cutoffHours] of [
      ['2026-12-18T15:00', 72],
      ['2026-12-02T10:00', 96],
      ['2026-12-02T16:00', 0],
    ] as const) {
      const plan = demoSlotPlan(now, cutoffHours, terms);
      expect(plan.length).toBeGreaterThan(20);
      for (const slot of plan) {
        expect(changeWindowClosed(slot.startsAt, now, cutoffHours), `${now} ${slot.startsAt}`).toBe(false);
        expect(isSchoolDay(slot.startsAt.slice(0, 10), terms), slot.startsAt).toBe(true);
      }
    }
    // 96 hours from Wed 2 Dec at 10:00 is Sun 6 Dec: the first times are on Mon 7 Dec.
    expect(demoSlotPlan('2026-12-02T10:00', 96, terms)[0]!.startsAt).toBe('2026-12-07T10:00');
  });

  it('takes a longer cut-off from the school settings when topping up', async () => {
    const demo = 'demo-long-cutoff';
    await bot.waypoint.services.school.import(demo, generateDemoSchool({ asOf: '2026-12-02', pupilsPerYear: 2 }), schoolWith([]));
    await bot.waypoint.services.settings.save(demo, defaultSchoolSettings({ meetingChangeCutoffHours: 72 }), undefined);
    expect(await topUpDemoSlots(bot.waypoint.services, demo)).toBeGreaterThan(0);
    const stored = await bot.waypoint.services.meetingTables.slots.list(demo);
    for (const slot of stored) expect(changeWindowClosed(slot.startsAt, '2026-12-02T10:00', 72), slot.startsAt).toBe(false);
    // Sat 5 Dec 10:00 is the cut-off's end: the first times are on Mon 7 Dec.
    expect(stored.map((slot) => slot.startsAt).sort()[0]).toBe('2026-12-07T10:00');
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
    for (const slot of stored)
      for (const meeting of booked)
        if (meeting.adviserId === slot.adviserId)
          expect(overlaps(slot, { startsAt: meeting.startsAt, minutes: 20 }), slot.startsAt).toBe(false);
  });

  it('adds nothing on a second start the same day, and tops up on a later one', async () => {
    const before = (await slots()).length;
    expect(await topUpDemoSlots(bot.waypoint.services, SCHOOL_ID)).toBe(0);
    expect((await slots()).length).toBe(before);
    clock.set('2026-12-16T10:00:00Z');
    const earlier = new Set((await slots()).map((slot) => `${slot.adviserId} ${slot.startsAt}`));
    const added = await topUpDemoSlots(bot.waypoint.services, SCHOOL_ID);
    expect(added).toBeGreaterThan(0);
    expect((await slots()).length).toBe(before + added);
    // What the later start adds keeps clear of the cut-off counted from then.
    const topUp = (await slots()).filter((slot) => !earlier.has(`${slot.adviserId} ${slot.startsAt}`));
    expect(topUp).toHaveLength(added);
    for (const slot of topUp) expect(changeWindowClosed(slot.startsAt, '2026-12-16T10:00', 24), slot.startsAt).toBe(false);
    expect((await slots()).some((slot) => slot.startsAt.startsWith('2027-01'))).toBe(true);
  });

  it('leaves a school that is not the demo alone', async () => {
    const lookalike = person({
      id: DEMO_PEOPLE.adviser.id,
      role: 'careers_adviser',
      givenName: 'Jo',
      familyName: 'Real',
      email: 'jo@real.example',
    });
    await bot.waypoint.services.school.import('real-school', schoolWith([lookalike]), schoolWith([]));
    expect(await topUpDemoSlots(bot.waypoint.services, 'real-school')).toBe(0);
    expect(await bot.waypoint.services.meetingTables.slots.list('real-school')).toEqual([]);
  });
});

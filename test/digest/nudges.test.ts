import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { person, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

const curriculum = [{ subject: 'Mathematics', yearGroups: [7, 8, 9, 10, 11] }];
const quiet = person({
  id: 'T1',
  role: 'teacher',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam@school.example',
  subjects: ['Mathematics'],
});
const busy = person({
  id: 'T2',
  role: 'teacher',
  givenName: 'Lee',
  familyName: 'Hart',
  email: 'lee@school.example',
  subjects: ['Mathematics'],
});
const year11 = person({ id: 'P11', role: 'pupil', givenName: 'Noah', familyName: 'Williams', email: 'noah@school.example', yearGroup: 11 });
const year11Seen = person({ id: 'P12', role: 'pupil', givenName: 'Maya', familyName: 'Chen', email: 'maya@school.example', yearGroup: 11 });
const year10 = person({ id: 'P10', role: 'pupil', givenName: 'Ava', familyName: 'Patel', email: 'ava@school.example', yearGroup: 10 });
const links = [{ id: 'L1', date: '2026-01-12', teacherId: 'T2', subject: 'Mathematics', yearGroup: 9, topic: 'Ratio', careers: ['Nurse'] }];
const meetings = [
  {
    id: 'M1',
    pupilId: 'P12',
    adviserId: 'T2',
    startsAt: '2025-11-10T10:00',
    status: 'completed' as const,
    advice: 'Look at sixth forms',
    agreedActions: 'Visit open days',
  },
];

// Tue 10 Mar 2026, 10:00 in London: spring term, a school day.
const SPRING_MORNING = new Date('2026-03-10T10:00:00Z');

describe('nudges beyond the careers leader', () => {
  let bot: TestBot;
  const queuedKeys = async () => (await bot.waypoint.services.outbox.history(SCHOOL_ID)).map((entry) => entry.message.key).sort();
  beforeAll(async () => {
    bot = await TestBot.start({
      school: schoolWith([quiet, busy, year11, year11Seen, year10], { curriculum, links, meetings }),
      now: () => SPRING_MORNING,
    });
  });
  afterAll(async () => bot.stop());

  it('sends nothing without the careers leader’s consent', async () => {
    expect(await bot.waypoint.jobs.runNudges(SPRING_MORNING)).toBe(0);
    expect(await queuedKeys()).toEqual([]);
  });

  it('nudges the teacher with no link this term and the Year 11 pupil with no meeting, once each', async () => {
    await bot.waypoint.services.settings.save(SCHOOL_ID, defaultSchoolSettings({ nudgeTeachers: true, nudgePupils: true }), undefined);
    expect(await bot.waypoint.jobs.runNudges(SPRING_MORNING)).toBe(2);
    expect(await bot.waypoint.jobs.runNudges(new Date('2026-03-11T11:00:00Z'))).toBe(0);
    expect(await queuedKeys()).toEqual(['nudge-pupil:P11:2026-01-05', 'nudge-teacher:T1:2026-02-23']);
  });

  it('never nudges at night or in the holidays', async () => {
    expect(await bot.waypoint.jobs.runNudges(new Date('2026-04-07T10:00:00Z'))).toBe(0); // Easter holidays
    expect(await bot.waypoint.jobs.runNudges(new Date('2026-03-12T22:00:00Z'))).toBe(0);
  });

  it('stops for good when the person says “stop”', async () => {
    const [reply] = await bot.say(bot.userFor(quiet), 'stop');
    expect(reply!.text).toContain('won’t send you any more reminders');
    // Summer term: neither teacher has a link this term, but only the one who didn't say stop is nudged.
    expect(await bot.waypoint.jobs.runNudges(new Date('2026-04-21T10:00:00Z'))).toBe(1);
    expect((await queuedKeys()).filter((key) => key.startsWith('nudge-teacher:'))).toEqual([
      'nudge-teacher:T1:2026-02-23',
      'nudge-teacher:T2:2026-04-13',
    ]);
  });
});

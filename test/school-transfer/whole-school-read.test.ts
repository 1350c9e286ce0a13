import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, Attendance } from '../../src/domain/school';
import { person, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

// Attendance, most of a school's rows, is read in concurrent ranges of its per-activity
// partitions. Every row must come back, including one recorded for an activity the read had not
// seen yet (a member of staff recording it at that moment).

const pupils = Array.from({ length: 40 }, (_, index) =>
  person({
    id: `P${100 + index}`,
    role: 'pupil',
    givenName: 'Pupil',
    familyName: `N${index}`,
    email: `p${index}@school.example`,
    yearGroup: 10,
  }),
);
const activities: Activity[] = Array.from({ length: 30 }, (_, index) => ({
  id: `ACT-${String(index).padStart(2, '0')}`,
  date: '2026-10-01',
  kind: 'employer_encounter',
  title: `Talk ${index}`,
  providerAccess: false,
  meaningful: true,
}));
// Each activity has a different number of pupils, so a range read twice or not at all shows.
const attendance: Attendance[] = activities.flatMap((activity, index) =>
  pupils.slice(0, 1 + ((index * 7) % pupils.length)).map((pupil) => ({ activityId: activity.id, pupilId: pupil.id })),
);
const key = (row: Attendance) => `${row.activityId}/${row.pupilId}`;

describe('reading a whole school', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith(pupils, { activities, attendance }) });
  });
  afterAll(async () => bot.stop());

  it('reads every attendance row once, in every partition, even one whose activity it has not listed', async () => {
    const late = { activityId: 'ZZ-recorded-meanwhile', pupilId: 'P100' };
    const early = { activityId: '0-recorded-meanwhile', pupilId: 'P101' };
    for (const row of [late, early]) await bot.waypoint.services.school.collections.attendance.createOnce(SCHOOL_ID, row);
    const loaded = await bot.waypoint.services.school.load(SCHOOL_ID);
    expect(loaded.attendance).toHaveLength(attendance.length + 2);
    expect(loaded.attendance.map(key).sort()).toEqual([...attendance, late, early].map(key).sort());
  });
});

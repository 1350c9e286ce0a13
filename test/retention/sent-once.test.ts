// Once-only asks stay once after retention has purged what they said (issue 23, item 8): the
// plan's attendance card, the spring-term pupil nudge and the half-term teacher nudge are each
// sent once, and a month later, with their messages purged, the hourly check sends none again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../src/domain/school';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { planAttendanceJob } from '../../src/journeys/encounters/plan-attendance-job';
import { runRetention } from '../../src/retention/retention-job';
import { runForEachSchool } from '../../src/scheduling/school-jobs';
import { createPlannedActivity } from '../../src/storage/planned-activity-store';
import { person, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';
import { Clock } from '../meetings/meeting-fixtures';

const teacher = person({
  id: 'T1',
  role: 'teacher',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam@school.example',
  subjects: ['Mathematics'],
});
const pupil = person({ id: 'P11', role: 'pupil', givenName: 'Noah', familyName: 'Williams', email: 'noah@school.example', yearGroup: 11 });
const PLAN: Activity = {
  id: 'PLAN-Y11',
  date: '2026-02-23',
  kind: 'employer_encounter',
  title: 'Year 11 employer day',
  providerAccess: false,
  meaningful: true,
  recordedBy: teacher.id,
  invitedYearGroups: [11],
};

describe('once-only asks after retention has purged them', () => {
  const clock = new Clock();
  let bot: TestBot;
  const services = () => bot.waypoint.services;
  /** The hourly check's once-only asks at this moment, delivered; how many messages reached Teams. */
  const askAt = async (iso: string) => {
    clock.set(iso);
    const before = bot.connector.sent.length;
    await runForEachSchool(services(), planAttendanceJob, clock.now());
    await bot.waypoint.jobs.runNudges(clock.now());
    // One message a second per chat: the teacher's second waits for the next flush.
    clock.set(new Date(clock.now().getTime() + 2_000).toISOString());
    await bot.waypoint.outboxSender.flush();
    return bot.connector.sent.slice(before).map((entry) => entry.conversationId);
  };

  beforeAll(async () => {
    bot = await TestBot.start({
      school: schoolWith([teacher, pupil], { curriculum: [{ subject: 'Mathematics', yearGroups: [11] }] }),
      now: clock.now,
    });
    await services().settings.save(SCHOOL_ID, defaultSchoolSettings({ nudgeTeachers: true, nudgePupils: true }), undefined);
    expect(await createPlannedActivity(services().school, SCHOOL_ID, PLAN, '2026-02-22')).toEqual({ ok: true });
    // Both have a personal chat with the bot, so their messages are delivered (and later purged).
    await bot.say(bot.userFor(teacher), 'help');
    await bot.say(bot.userFor(pupil), 'help');
  });
  afterAll(async () => bot.stop());

  it('sends the plan’s attendance card, the pupil nudge and the teacher nudge once, and none again a month later', async () => {
    const teacherChat = bot.personalConversation(bot.userFor(teacher));
    const pupilChat = bot.personalConversation(bot.userFor(pupil));
    // Tue 24 Feb 2026: the plan's day has passed; a new half-term; the spring term.
    expect((await askAt('2026-02-24T10:00:00Z')).sort()).toEqual([pupilChat, teacherChat, teacherChat].sort());
    expect(await askAt('2026-02-25T10:00:00Z')).toEqual([]);
    // Fri 27 Mar 2026, the spring term's last day: the night's retention purged February's messages.
    clock.set('2026-03-27T02:30:00Z');
    expect((await runRetention(services(), clock.now())).purged).toBe(3);
    expect(await services().outbox.history(SCHOOL_ID)).toEqual([]);
    expect(await askAt('2026-03-27T10:00:00Z')).toEqual([]);
  });
});

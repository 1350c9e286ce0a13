import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/domain/school';
import { slotKeyOf } from '../../src/journeys/meetings/meeting-codecs';
import { cardText, person, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

// The hourly check runs digests, nudges, reminders and the slot sweep for every school. A bad row
// in one school must not cost another school its digest or reminders, nor the broken school its
// other jobs; the broken school is logged by id and tried again the next hour.

const BROKEN = 'broken'; // sorts before SCHOOL_ID, so it runs first
const MONDAY_8AM = new Date('2026-03-09T08:00:00Z'); // GMT: 08:00 in London
const TUESDAY = '2026-03-10';

function staffOf(prefix: string) {
  return {
    leader: person({ id: `${prefix}-L1`, role: 'careers_leader', givenName: 'Jo', familyName: 'Reid', email: `jo@${prefix}.example` }),
    adviser: person({
      id: `${prefix}-A1`,
      role: 'careers_adviser',
      givenName: 'Dan',
      familyName: 'Brooks',
      email: `dan@${prefix}.example`,
    }),
    pupil: person({
      id: `${prefix}-P1`,
      role: 'pupil',
      givenName: 'Ava',
      familyName: 'Patel',
      email: `ava@${prefix}.example`,
      yearGroup: 11,
      form: '11B',
    }),
  };
}

describe('one broken school in the hourly check', () => {
  let clock = MONDAY_8AM;
  let bot: TestBot;
  const healthy = staffOf('healthy');
  const broken = staffOf('broken');
  const channelOf = (schoolId: string) => ({
    teamId: `19:${schoolId}-team@thread.tacv2`,
    channelId: `19:${schoolId}-general@thread.tacv2`,
  });
  const digestsIn = (schoolId: string) =>
    bot.connector.sent.filter(
      (entry) => entry.conversationId === channelOf(schoolId).channelId && cardText(entry.activity).includes('Careers digest'),
    );
  const outboxKeys = async (schoolId: string) => (await bot.waypoint.services.outbox.history(schoolId)).map((entry) => entry.message.key);
  const tomorrowsMeeting = (schoolId: string, people: ReturnType<typeof staffOf>): Meeting => ({
    id: `${schoolId}-M1`,
    pupilId: people.pupil.id,
    adviserId: people.adviser.id,
    startsAt: `${TUESDAY}T10:20`,
    status: 'booked',
    advice: '',
    agreedActions: '',
  });

  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith(Object.values(healthy)), now: () => clock });
    const { services } = bot.waypoint;
    await services.school.import(BROKEN, schoolWith(Object.values(broken)), schoolWith([]));
    for (const [schoolId, people] of [
      [SCHOOL_ID, healthy],
      [BROKEN, broken],
    ] as const) {
      const [done] = await bot.sayInChannel(bot.userFor(people.leader), channelOf(schoolId), 'post the digest here');
      expect(done!.text).toContain('every Monday at 08:00');
      await services.school.collections.meetings.createOnce(schoolId, tomorrowsMeeting(schoolId, people));
    }
    // The broken school: a roster row and a meeting row that no longer read back (a bad import, a
    // hand edit), and a slot a half-finished cancellation left booked.
    await services.storage.table('people', BROKEN).createEntity({ partitionKey: BROKEN, rowKey: 'BAD-ROW', role: 'pupil' });
    await services.storage
      .table('meetings', BROKEN)
      .createEntity({ partitionKey: BROKEN, rowKey: 'BAD-MEETING', status: 'booked', startsAt: `${TUESDAY}T11:00` });
    await services.meetingTables.slots.createOnce(BROKEN, {
      adviserId: broken.adviser.id,
      startsAt: `${TUESDAY}T14:00`,
      minutes: 30,
      place: 'Room 1',
      createdBy: broken.adviser.id,
      meetingId: 'GONE',
      pupilId: broken.pupil.id,
    });
  });
  afterAll(async () => bot?.stop());

  it('runs every job for the healthy school, the other jobs for the broken one, and logs which failed by id', async () => {
    await bot.waypoint.jobs.runHourly(MONDAY_8AM);

    expect(digestsIn(SCHOOL_ID)).toHaveLength(1);
    expect(await outboxKeys(SCHOOL_ID)).toContain(`meeting-reminder:${SCHOOL_ID}-M1:${TUESDAY}T10:20`);

    expect(digestsIn(BROKEN)).toHaveLength(0);
    expect((await outboxKeys(BROKEN)).filter((key) => key.startsWith('meeting-reminder:'))).toEqual([]);
    // Its reminders failed; its sweep still ran.
    const slot = (await bot.waypoint.services.meetingTables.slots.list(BROKEN)).find(
      (entry) => slotKeyOf(entry.adviserId, entry.startsAt) === slotKeyOf(broken.adviser.id, `${TUESDAY}T14:00`),
    );
    expect(slot?.meetingId).toBeUndefined();

    // The digest reads the roster first to check the team for pupils, so its failure is logged there.
    const logged = bot.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const failures = logged.filter((line) => line.event === 'job.school_failed');
    expect(failures.map((line) => [line.job, line.schoolId])).toEqual([['meeting-reminders', BROKEN]]);
    expect(logged.filter((line) => line.event === 'digest.team_unchecked').map((line) => line.schoolId)).toEqual([BROKEN]);
  });

  it('tries the broken school again the next hour, once it is fixed, without repeating the healthy one', async () => {
    const { services } = bot.waypoint;
    await services.storage.table('people', BROKEN).deleteEntity(BROKEN, 'BAD-ROW');
    await services.storage.table('meetings', BROKEN).deleteEntity(BROKEN, 'BAD-MEETING');
    clock = new Date('2026-03-09T09:00:00Z');
    await bot.waypoint.jobs.runHourly(clock);

    expect(digestsIn(BROKEN)).toHaveLength(1);
    expect(await outboxKeys(BROKEN)).toContain(`meeting-reminder:${BROKEN}-M1:${TUESDAY}T10:20`);
    expect(digestsIn(SCHOOL_ID)).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/domain/school';
import { queueMeetingReminders } from '../../src/journeys/meetings/meeting-reminders';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { cardOf, cardText, person, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

// What “stop” covers, message kind by message kind, and that the reply says exactly that.

const leader = person({ id: 'L1', role: 'careers_leader', givenName: 'Jo', familyName: 'Reid', email: 'jo@school.example' });
const adviser = person({ id: 'A1', role: 'careers_adviser', givenName: 'Dan', familyName: 'Brooks', email: 'dan@school.example' });
const stopper = person({
  id: 'T1',
  role: 'teacher',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam@school.example',
  subjects: ['Mathematics'],
});
const keen = person({
  id: 'T2',
  role: 'teacher',
  givenName: 'Lee',
  familyName: 'Hart',
  email: 'lee@school.example',
  subjects: ['Mathematics'],
});
const pupil = person({
  id: 'P1',
  role: 'pupil',
  givenName: 'Ava',
  familyName: 'Patel',
  email: 'ava@school.example',
  yearGroup: 11,
  form: '11B',
});

// Mon 2 Mar 2026, 15:00 in London (GMT).
const MONDAY_AFTERNOON = new Date('2026-03-02T15:00:00Z');
const meeting = (overrides: Partial<Meeting> & Pick<Meeting, 'id' | 'startsAt' | 'status'>): Meeting => ({
  pupilId: pupil.id,
  adviserId: adviser.id,
  advice: '',
  agreedActions: '',
  ...overrides,
});

describe('“stop” does what its reply says, for each kind of message', () => {
  let bot: TestBot;
  const keys = async () => (await bot.waypoint.services.outbox.history(SCHOOL_ID)).map((entry) => entry.message.key);
  beforeAll(async () => {
    bot = await TestBot.start({
      school: schoolWith([leader, adviser, stopper, keen, pupil], {
        // Ava's meeting tomorrow, and last Wednesday's meeting still unrecorded.
        meetings: [
          meeting({ id: 'M-TOMORROW', startsAt: '2026-03-03T10:20', status: 'booked' }),
          meeting({ id: 'M-LAST-WEEK', startsAt: '2026-02-25T10:00', status: 'booked' }),
        ],
      }),
      now: () => MONDAY_AFTERNOON,
    });
  });
  afterAll(async () => bot.stop());

  it('an adviser gets no more “record your meeting” reminders, and the diary still lists it', async () => {
    const [reply] = await bot.say(bot.userFor(adviser), 'stop');
    expect(reply!.text).toContain(
      'I won’t send you any more reminders to log careers links or to record your meetings (your diary still lists the ones to record)',
    );
    expect(reply!.text).toContain('I’ll still tell you when a pupil books, moves or cancels a meeting with you');
    await queueMeetingReminders(bot.waypoint.services, MONDAY_AFTERNOON);
    expect((await keys()).filter((key) => key.startsWith('meeting-notes-due:'))).toEqual([]);
    expect(cardText(cardOf((await bot.say(bot.userFor(adviser), 'my diary'))[0]))).toContain('To record (1)');
  });

  it('a pupil keeps the day-before reminder of a booked meeting, and is told so', async () => {
    const [reply] = await bot.say(bot.userFor(pupil), 'stop');
    expect(reply!.text).toContain('I won’t send you any more nudges to book a careers meeting');
    expect(reply!.text).toContain('I’ll still message you about a meeting itself: a reminder the day before one you’ve booked');
    await queueMeetingReminders(bot.waypoint.services, MONDAY_AFTERNOON);
    expect(await keys()).toContain('meeting-reminder:M-TOMORROW:2026-03-03T10:20');
  });

  it('a teacher is not messaged by the careers leader’s “Message the teachers”, and the leader is told why', async () => {
    const [reply] = await bot.say(bot.userFor(stopper), 'stop');
    expect(reply!.text).toContain('I won’t send you any more reminders to log careers links, from me or from the careers leader');
    await bot.waypoint.services.settings.save(SCHOOL_ID, defaultSchoolSettings({ nudgeTeachers: true }), undefined);
    const [preview] = await bot.executeWithReplies(bot.userFor(leader), 'digest.nudge', { yearGroup: 9, subjects: ['Mathematics'] });
    expect(cardText(cardOf(preview))).toContain(
      'One teacher of Mathematics asked me not to send them these reminders, so I’m leaving them out.',
    );
    expect(cardText(cardOf(preview))).not.toContain('Sam Okafor');
    const card = cardText(cardOf(await press(bot, bot.userFor(leader), cardOf(preview), 'Send to 1 teacher')));
    expect(card).toContain('I’ve queued a friendly nudge for Lee Hart.');
    expect(card).not.toContain('Sam Okafor');
    const nudged = (await keys()).filter((key) => key.startsWith('nudge-links:'));
    expect(nudged).toEqual([expect.stringMatching(/^nudge-links:T2:9:/)]);
  });

  it('the careers leader hears how to stop the digest, which “stop” does not cover', async () => {
    const [reply] = await bot.say(bot.userFor(leader), 'stop');
    expect(reply!.text).toContain('say “stop the digest” there to end it');
  });
});

// Pupil feedback after an encounter (issue 18, item 5): once attendance is saved (from the plan's
// card or the ordinary attendance card) and the fan-out job has run, each attending pupil gets a one-tap card, at most one a
// week, never after "stop" or once they have left; answers are checked, a second replaces the
// first, the careers team sees results per activity only from 5 answers (no names), the report's
// Benchmark 1 evidence counts the activities with feedback, and erasing a pupil removes theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PupilFeedback } from '../../src/domain/pupil-feedback';
import type { Activity, Person } from '../../src/domain/school';
import { applyErasure, describeErasure, planErasure } from '../../src/erasure/erase-person';
import { runAttendanceFanOut } from '../../src/journeys/encounters/attendance-fan-out-job';
import { planAttendanceJob } from '../../src/journeys/encounters/plan-attendance-job';
import { runForEachSchool } from '../../src/scheduling/school-jobs';
import { createPlannedActivity } from '../../src/storage/planned-activity-store';
import { cardOf, cardText, messageOf, person, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';
import { Clock } from '../meetings/meeting-fixtures';

const leader = person({ id: 'L1', role: 'careers_leader', givenName: 'Jo', familyName: 'Reid', email: 'jo@school.example' });
const pupil = (id: string, givenName: string, familyName: string, yearGroup: number, extra: Partial<Person> = {}) =>
  person({ id, role: 'pupil', givenName, familyName, email: `${id}@school.example`, yearGroup, form: `${yearGroup}A`, ...extra });
const year10 = [
  pupil('P1', 'Ava', 'Patel', 10),
  pupil('P2', 'Ben', 'Carter', 10),
  pupil('P3', 'Cara', 'Dunn', 10),
  pupil('P4', 'Dev', 'Evans', 10),
  pupil('P5', 'Ella', 'Frost', 10),
  pupil('P6', 'Gus', 'Hale', 10),
];
/** Said "stop" before anything was asked. */
const stopped = year10[5]!;
/** At the activity on Wednesday 4 March, gone by Thursday when the attendance is saved. */
const leaver = pupil('P7', 'Hana', 'Ito', 10, { leftOn: '2026-03-05' });
const year9 = pupil('P9', 'Finn', 'Gray', 9);

const activity = (id: string, title: string, date: string): Activity => ({
  id,
  date,
  kind: 'employer_encounter',
  title,
  providerAccess: false,
  meaningful: true,
  recordedBy: leader.id,
  invitedYearGroups: [10],
});
const EMPLOYER_DAY = activity('PLAN-A', 'Year 10 employer day', '2026-03-04');
const SAME_WEEK = activity('PLAN-B', 'Year 10 college talk', '2026-03-04');
const NEXT_WEEK = activity('ACT-C', 'Year 10 NHS careers assembly', '2026-03-09');

describe('pupil feedback after an encounter', () => {
  const clock = new Clock();
  let bot: TestBot;
  const services = () => bot.waypoint.services;
  const feedbackCards = async () =>
    (await services().outbox.history(SCHOOL_ID)).filter((entry) => entry.message.key.startsWith('pupil-feedback:'));
  const cardFor = async (personId: string, title: string) =>
    (await feedbackCards()).find(
      (entry) =>
        entry.message.to.kind === 'person' && entry.message.to.personId === personId && cardText(entry.message.card!).includes(title),
    )?.message.card;
  const answers = async (): Promise<PupilFeedback[]> => services().pupilFeedback.list(SCHOOL_ID);

  beforeAll(async () => {
    clock.set('2026-03-02T09:00:00Z');
    bot = await TestBot.start({ school: schoolWith([leader, ...year10, leaver, year9]), now: clock.now });
    for (const plan of [EMPLOYER_DAY, SAME_WEEK]) await createPlannedActivity(services().school, SCHOOL_ID, plan, '2026-03-02');
    expect((await bot.say(bot.userFor(stopped), 'stop'))[0]!.text).toContain('or ask how useful an activity you went to was');
  });
  afterAll(async () => bot.stop());

  /** The day after: the hourly job's card for the plan, saved by the leader with nobody absent. */
  async function takeFromThePlan(plan: Activity): Promise<void> {
    clock.set('2026-03-05T09:00:00Z');
    await runForEachSchool(services(), planAttendanceJob, clock.at);
    const sent = (await services().outbox.history(SCHOOL_ID)).find(
      (entry) => entry.message.key === `plan-attendance:${plan.id}:${leader.id}`,
    );
    expect(cardText(cardOf(await press(bot, bot.userFor(leader), sent!.message.card, 'Save attendance')))).toContain('7 pupils at');
    await runAttendanceFanOut(services());
  }

  it('asks each attending pupil once attendance is saved from the plan: not after “stop”, not a leaver', async () => {
    await takeFromThePlan(EMPLOYER_DAY);
    const cards = await feedbackCards();
    expect(cards.map((entry) => entry.message.key).sort()).toEqual(
      ['P1', 'P2', 'P3', 'P4', 'P5'].map((id) => `pupil-feedback:${id}:2026-W10`),
    );
    const text = cardText((await cardFor('P1', 'Year 10 employer day'))!);
    expect(text).toContain('How useful was Year 10 employer day on Wed 4 Mar 2026? 1 to 5');
    expect(text).toContain('One thing you learned (optional)');
  });

  it('asks nobody twice in one week: a second activity that week queues nothing', async () => {
    await takeFromThePlan(SAME_WEEK);
    expect(await feedbackCards()).toHaveLength(5);
    expect(await cardFor('P1', 'Year 10 college talk')).toBeUndefined();
  });

  it('stores a one-tap answer, keeps the latest of two, and refuses bad input without changing anything', async () => {
    const card = (await cardFor('P1', 'Year 10 employer day'))!;
    const ava = bot.userFor(year10[0]!);
    const thanks = cardOf(await press(bot, ava, card, '4', { learned: 'Interviews are a conversation' }));
    expect(cardText(thanks)).toContain('You rated Year 10 employer day on Wed 4 Mar 2026 4 out of 5');
    await press(bot, ava, card, '5', { learned: '  Apprenticeships pay   a wage ' });
    expect(await answers()).toEqual([
      expect.objectContaining({ activityId: EMPLOYER_DAY.id, pupilId: 'P1', rating: 5, learned: 'Apprenticeships pay a wage' }),
    ]);

    const tooLong = cardOf(await press(bot, ava, card, '2', { learned: 'x'.repeat(281) }));
    expect(cardText(tooLong)).toContain('“One thing you learned” can be at most 280 characters (yours has 281)');
    const outOfRange = await bot.execute(ava, 'feedback.answer', { activityId: EMPLOYER_DAY.id, rating: 9, learned: '' });
    expect(cardText(cardOf(outOfRange))).toContain('nothing was changed');
    // A pupil who was not there cannot answer about it.
    const finn = bot.userFor(year9);
    expect(messageOf(await press(bot, finn, card, '1'))).toContain('This card is for the pupils who were at that activity');
    expect((await answers()).map(({ pupilId, rating }) => [pupilId, rating])).toEqual([['P1', 5]]);
  });

  it('shows the careers team each activity’s results only from 5 answers, without names', async () => {
    const leaderUser = bot.userFor(leader);
    for (const [index, id] of ['P2', 'P3', 'P4'].entries()) {
      const card = (await cardFor(id, 'Year 10 employer day'))!;
      await press(bot, bot.userFor(year10.find((p) => p.id === id)!), card, String(index + 2), {
        learned: index === 0 ? 'Ask about training' : '',
      });
    }
    const four = cardText(cardOf((await bot.say(leaderUser, 'feedback'))[0]));
    expect(four).toContain('Year 10 employer day, Wed 4 Mar 2026');
    expect(four).toContain('Fewer than 5 answers so far: results show from 5.');
    expect(four).not.toContain('Average');
    expect(four).not.toContain('Ask about training');

    // The fifth answer shows the results.
    await press(bot, bot.userFor(year10[4]!), (await cardFor('P5', 'Year 10 employer day'))!, '5');
    const five = cardText(cardOf((await bot.say(leaderUser, 'feedback'))[0]));
    // 5, 2, 3, 4, 5: 19 / 5.
    expect(five).toContain('Average 3.8 out of 5, from 5 pupils.');
    expect(five).toContain('• Apprenticeships pay a wage');
    expect(five).toContain('• Ask about training');
    expect(await bot.personalDataIn([five])).toEqual([]);
    // A pupil cannot read the results.
    expect((await bot.say(bot.userFor(year10[0]!), 'feedback'))[0]!.text).toContain('only the careers leader or careers advisers');
  });

  it('counts this year’s activities with feedback in the report’s Benchmark 1 evidence', async () => {
    const report = cardOf((await bot.say(bot.userFor(leader), 'report'))[0]);
    expect(cardText(report)).toContain('Evaluated with feedback from pupils: 1 activity this year has answers from pupils');
    // It opens the results.
    expect(cardText(cardOf(await press(bot, bot.userFor(leader), report, 'Pupil feedback')))).toContain('Average 3.8 out of 5');
  });

  it('asks again the next week, after attendance taken on the ordinary attendance card', async () => {
    clock.set('2026-03-10T09:00:00Z');
    await services().school.collections.activities.createOnce(SCHOOL_ID, NEXT_WEEK);
    const user = bot.userFor(leader);
    const opened = cardOf(await bot.execute(user, 'attendance.open', { activityId: NEXT_WEEK.id }));
    const counted = cardOf(await press(bot, user, opened, 'Find names and update count', { yearGroups: '10' }));
    expect(cardText(cardOf(await press(bot, user, counted, 'Save attendance for 6 pupils')))).toContain('Attendance saved');
    await runAttendanceFanOut(services());
    const nextWeek = (await feedbackCards()).filter((entry) => entry.message.key.endsWith(':2026-W11'));
    expect(nextWeek.map((entry) => entry.message.key).sort()).toEqual(
      ['P1', 'P2', 'P3', 'P4', 'P5'].map((id) => `pupil-feedback:${id}:2026-W11`),
    );
    expect(cardText(nextWeek[0]!.message.card!)).toContain('How useful was Year 10 NHS careers assembly on Mon 9 Mar 2026?');
  });

  it('removes a pupil’s answers when the pupil is erased', async () => {
    const plan = await planErasure(services(), SCHOOL_ID, 'P1');
    expect(describeErasure(plan!)).toContain('pupilFeedback: 1 removed');
    await applyErasure(services(), plan!, 'test');
    expect((await answers()).map((answer) => answer.pupilId).sort()).toEqual(['P2', 'P3', 'P4', 'P5']);
  });
});

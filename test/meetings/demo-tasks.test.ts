import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topUpDemoSlots } from '../../src/demo/demo-slots';
import { demoTaskDays, topUpDemoTasks } from '../../src/demo/demo-tasks';
import { seedDemoSchoolIfEmpty } from '../../src/demo/seed-demo-school';
import { termDatesCovering } from '../../src/domain/calendar';
import { askForPlanAttendance } from '../../src/journeys/encounters/plan-attendance-job';
import { actionsOfPupil } from '../../src/journeys/meetings/action-store';
import { DEMO_PEOPLE } from '../../src/schooldata/demo-school';
import { cardOf, cardText, press, SCHOOL_ID, TestBot } from '../harness/test-bot';
import { Clock } from './meeting-fixtures';

// A fresh demo gives every role's main job something to do, counted from the day it starts: the
// adviser a meeting to record and a waiting request, the careers leader a plan whose attendance is
// due, the demo pupil an agreed action. A later start tops up only what was used up.
describe('the demo school’s waiting tasks', () => {
  // Wed 2 Dec 2026: the school day before is Tue 1 Dec, the day before that Mon 30 Nov.
  const clock = new Clock(new Date('2026-12-02T10:00:00Z'));
  let bot: TestBot;
  const { adviser, careersLeader, pupilYear10, pupilYear11 } = DEMO_PEOPLE;
  const services = () => bot.waypoint.services;
  const diary = async () => cardText(cardOf((await bot.say(bot.userFor(adviser), 'my diary'))[0]));
  const attendance = async () => cardText(cardOf((await bot.say(bot.userFor(careersLeader), 'attendance'))[0]));
  const myActions = async () => cardOf((await bot.say(bot.userFor(pupilYear10), 'my actions'))[0]);
  const demoRows = async () => ({
    meetings: (await services().school.collections.meetings.list(SCHOOL_ID)).filter((meeting) => meeting.id.startsWith('DEMO-')).length,
    requests: (await services().meetingTables.requests.list(SCHOOL_ID)).length,
    plans: (await services().school.collections.activities.list(SCHOOL_ID)).filter((activity) => activity.id.startsWith('DEMO-')).length,
    actions: (await actionsOfPupil(services(), SCHOOL_ID, pupilYear10.id)).length,
  });

  beforeAll(async () => {
    bot = await TestBot.start({ now: clock.now });
    // What `npm start` does on embedded storage: seed once, then top up on every start.
    expect(await seedDemoSchoolIfEmpty(services(), SCHOOL_ID)).toBe(true);
    await topUpDemoSlots(services(), SCHOOL_ID);
    expect(await topUpDemoTasks(services(), SCHOOL_ID)).toEqual({
      meetingToRecord: true,
      request: true,
      planForAttendance: true,
      pupilAction: true,
    });
  }, 60_000);
  afterAll(async () => bot.stop());

  it('gives the adviser one meeting from the last school day to record and one pupil waiting', async () => {
    const text = await diary();
    // The generated data may also hold an older meeting whose notes are missing (a Benchmark 3 gap).
    expect(text.match(/Not recorded yet: did they come\?/g)).toHaveLength(1);
    expect(text).toContain(`Tue 1 Dec 2026, 10:00: ${pupilYear11.givenName} ${pupilYear11.familyName} (Year 11`);
    expect(text).toContain('1 pupil waiting for a meeting');
    const requests = cardText(cardOf((await bot.say(bot.userFor(adviser), 'requests'))[0]));
    expect(requests).toContain('I would like help choosing my college courses.');
  });

  it('offers the careers leader the plan whose day has passed, on her attendance card and from the hourly check', async () => {
    expect(await attendance()).toContain('Local employers careers talk');
    expect(await askForPlanAttendance(services(), SCHOOL_ID, clock.now())).toBe(1);
    const sent = await services().outbox.has(SCHOOL_ID, `plan-attendance:DEMO-PLAN-2026-12-01:${careersLeader.id}`);
    expect(sent).toBe(true);
  });

  it('gives the demo pupil an agreed action due in the coming days', async () => {
    const text = cardText(await myActions());
    expect(text).toContain('Look up two engineering apprenticeships');
    expect(text).toContain('Due by Fri 4 Dec 2026');
    expect(text).not.toContain('Overdue');
  });

  it('adds nothing again on a second start the same day', async () => {
    const before = await demoRows();
    expect(await topUpDemoTasks(services(), SCHOOL_ID)).toEqual({
      meetingToRecord: false,
      request: false,
      planForAttendance: false,
      pupilAction: false,
    });
    expect(await demoRows()).toEqual(before);
  });

  it('a week later tops up only what was used, from its own day, without duplicates', async () => {
    // The pupil marks her action done; the rest is left waiting.
    await press(bot, bot.userFor(pupilYear10), await myActions(), 'Mark done');
    const before = await demoRows();
    clock.set('2026-12-09T10:00:00Z');
    expect(await topUpDemoTasks(services(), SCHOOL_ID)).toEqual({
      meetingToRecord: false,
      request: false,
      planForAttendance: false,
      pupilAction: true,
    });
    expect(await demoRows()).toEqual({ ...before, meetings: before.meetings + 1, actions: before.actions + 1 });
    const text = await diary();
    expect(text.match(/Not recorded yet: did they come\?/g)).toHaveLength(1);
    expect(text).toContain('1 pupil waiting for a meeting');
    const open = (await actionsOfPupil(services(), SCHOOL_ID, pupilYear10.id)).filter((action) => action.status === 'open');
    expect(open.map((action) => action.by)).toEqual(['2026-12-11']);
    expect(cardText(await myActions())).toContain('Due by Fri 11 Dec 2026');
  });

  it('dates the tasks from the start day, across a weekend', () => {
    const terms = termDatesCovering('2026-09-01', '2027-01-31');
    // Mon 7 Dec: the school days before are Fri 4 and Thu 3 Dec; Wed 9 Dec is two days on.
    expect(demoTaskDays('2026-12-07', terms)).toEqual({ yesterday: '2026-12-04', actionAgreedOn: '2026-12-03', actionDue: '2026-12-09' });
    // Thu 3 Dec: two days on is a Saturday, so the action is due on Mon 7 Dec.
    expect(demoTaskDays('2026-12-03', terms).actionDue).toBe('2026-12-07');
  });
});

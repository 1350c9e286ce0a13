// A pupil's record lists what the plan holds for their year group or form ("Coming up"), and
// nothing planned for anyone else; staff opening the record see the same list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../src/domain/school';
import { encodeKey } from '../../src/storage/keys';
import { cardOf, cardText, person, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';
import { adviser, ava, leader, TODAY } from './planning-people';

const ben = person({
  id: 'P2',
  role: 'pupil',
  givenName: 'Ben',
  familyName: 'Cole',
  email: 'ben@school.example',
  yearGroup: 10,
  form: '10B',
});
const cal = person({
  id: 'P3',
  role: 'pupil',
  givenName: 'Cal',
  familyName: 'Dean',
  email: 'cal@school.example',
  yearGroup: 9,
  form: '9A',
});

const activity = (overrides: Partial<Activity> & Pick<Activity, 'id' | 'date' | 'title'>): Activity => ({
  kind: 'employer_encounter',
  providerAccess: false,
  meaningful: true,
  ...overrides,
});
const plans: Activity[] = [
  activity({ id: 'PL-10B', date: '2026-04-21', title: 'Form 10B bank visit', invitedForms: ['10B'] }),
  activity({ id: 'PL-Y9', date: '2026-03-20', title: 'Year 9 options talk', invitedYearGroups: [9] }),
  // Held yesterday: it is not coming up.
  activity({ id: 'HELD', date: '2026-03-02', title: 'Yesterday’s talk', invitedYearGroups: [10] }),
];

describe('what is coming up, in the careers record', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([leader, adviser, ava, ben, cal], { activities: plans }), now: () => TODAY });
    // The leader plans the Year 10 employer day through the cards.
    const user = bot.userFor(leader);
    const [reply] = await bot.say(user, 'plan an activity');
    const saved = cardOf(
      await press(bot, user, cardOf(reply), 'Save the plan', {
        kind: 'employer_encounter',
        date: '2026-05-14',
        title: 'Year 10 employer day',
        yearGroups: '10',
      }),
    );
    expect(cardText(saved)).toContain('Activity planned');
  });
  afterAll(async () => bot.stop());

  async function recordOf(pupil: typeof ava): Promise<string> {
    const [reply] = await bot.say(bot.userFor(pupil), 'my record');
    return cardText(cardOf(reply));
  }

  it('shows a pupil the plans for their year group, dated, and none for another form', async () => {
    const text = await recordOf(ava);
    expect(text).toContain('Coming up for you');
    expect(text).toContain('Thu 14 May 2026: Year 10 employer day');
    expect(text).not.toContain('Form 10B bank visit');
    expect(text).not.toContain('Year 9 options talk');
    expect(text).not.toContain('Yesterday’s talk');
  });

  it('shows a pupil the plans for their form too, soonest first', async () => {
    const text = await recordOf(ben);
    const visit = text.indexOf('Tue 21 Apr 2026: Form 10B bank visit');
    const day = text.indexOf('Thu 14 May 2026: Year 10 employer day');
    expect(visit).toBeGreaterThan(-1);
    expect(day).toBeGreaterThan(visit);
    expect(text).not.toContain('Year 9 options talk');
  });

  it('shows a Year 9 pupil only what is planned for Year 9', async () => {
    const text = await recordOf(cal);
    expect(text).toContain('Fri 20 Mar 2026: Year 9 options talk');
    expect(text).not.toContain('Year 10 employer day');
    expect(text).not.toContain('Form 10B bank visit');
  });

  it('shows staff opening a pupil’s record what is coming up for that pupil', async () => {
    const [reply] = await bot.say(bot.userFor(adviser), 'record Ava Patel');
    const text = cardText(cardOf(reply));
    expect(text).toContain('Coming up (planned for their year group or form)');
    expect(text).toContain('Thu 14 May 2026: Year 10 employer day');
    expect(text).not.toContain('Form 10B bank visit');
  });

  it('drops a plan from the record once it is cancelled', async () => {
    await bot.waypoint.services.school.collections.activities.delete(SCHOOL_ID, encodeKey('PL-10B'));
    expect(await recordOf(ben)).not.toContain('Form 10B bank visit');
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MEANINGFUL_CRITERIA } from '../../src/domain/meaningful-checklist';
import type { Activity, ActivityKind } from '../../src/domain/school';
import { encodeKey } from '../../src/storage/keys';
import { cardOf, cardText, inputOn, messageOf, person, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';
import type { TeamsUser } from '../harness/fake-teams-connector';
import { togglesOn } from './card-values';

const leader = person({ id: 'S1', role: 'careers_leader', givenName: 'Jo', familyName: 'Reid', email: 'jo@school.example' });
const adviser = person({ id: 'A1', role: 'careers_adviser', givenName: 'Dan', familyName: 'Brooks', email: 'dan@school.example' });
const teacher = person({
  id: 'T1',
  role: 'teacher',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam@school.example',
  subjects: ['Mathematics'],
});
const otherTeacher = person({
  id: 'T2',
  role: 'teacher',
  givenName: 'Lee',
  familyName: 'Hart',
  email: 'lee@school.example',
  subjects: ['Science'],
});
const pupil = person({
  id: 'P1',
  role: 'pupil',
  givenName: 'Ava',
  familyName: 'Patel',
  email: 'ava@school.example',
  yearGroup: 9,
  form: '9A',
});
const TODAY = new Date('2026-03-03T10:00:00Z');

/** The checklist toggles of a kind, all ticked, or all but the ones named. */
function checklist(kind: ActivityKind, except: string[] = []): Record<string, string> {
  return Object.fromEntries(
    MEANINGFUL_CRITERIA[kind].map((criterion) => [`check_${criterion.id}`, except.includes(criterion.id) ? 'false' : 'true']),
  );
}

describe('recording an activity', () => {
  let bot: TestBot;
  const activities = async (): Promise<Activity[]> => bot.waypoint.services.school.collections.activities.list(SCHOOL_ID);
  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([leader, adviser, teacher, otherTeacher, pupil]), now: () => TODAY });
  });
  afterAll(async () => bot.stop());
  beforeEach(async () => {
    for (const activity of await activities())
      await bot.waypoint.services.school.collections.activities.delete(SCHOOL_ID, encodeKey(activity.id));
  });

  async function openForm(user: TeamsUser, kindButton: string) {
    const [reply] = await bot.say(user, 'record activity');
    const step1 = cardOf(reply);
    expect(cardText(step1)).toContain('Step 1 of 2');
    return cardOf(await press(bot, user, step1, kindButton));
  }

  it('records an employer encounter whose checklist is complete, and says it counts for Benchmark 5', async () => {
    const user = bot.userFor(leader);
    const form = await openForm(user, 'Employer encounter');
    expect(togglesOn(form).map((toggle) => toggle.title)).toEqual(
      MEANINGFUL_CRITERIA.employer_encounter.map((criterion) => criterion.label),
    );
    const saved = cardOf(
      await press(bot, user, form, 'Save activity', {
        date: '2026-03-02',
        title: 'NHS careers talk',
        organisation: 'Leeds NHS Trust',
        ...checklist('employer_encounter'),
      }),
    );
    const text = cardText(saved);
    expect(text).toContain('Activity recorded');
    expect(text).toContain('Mon 2 Mar 2026');
    expect(text).toContain('Leeds NHS Trust');
    expect(text).toContain('Counts for Benchmark 5');
    const [stored] = await activities();
    expect(stored).toMatchObject({
      kind: 'employer_encounter',
      date: '2026-03-02',
      title: 'NHS careers talk',
      organisation: 'Leeds NHS Trust',
      meaningful: true,
      providerAccess: false,
      recordedBy: 'S1',
      checklist: ['purpose', 'outcomes', 'interaction', 'reflection'],
    });
  });

  it('derives “not meaningful” when a point is missing, and names it', async () => {
    const user = bot.userFor(adviser);
    const form = await openForm(user, 'Employer encounter');
    const saved = cardOf(
      await press(bot, user, form, 'Save activity', {
        title: 'Careers fair',
        organisation: 'Various employers',
        ...checklist('employer_encounter', ['reflection']),
      }),
    );
    expect(cardText(saved)).toContain('Does not count: no time to reflect');
    const [stored] = await activities();
    expect(stored).toMatchObject({ meaningful: false, date: '2026-03-03', checklist: ['purpose', 'outcomes', 'interaction'] });
  });

  it('records workplace experience against its longer checklist', async () => {
    const user = bot.userFor(leader);
    const form = await openForm(user, 'Workplace experience');
    await press(bot, user, form, 'Save activity', {
      title: 'Work experience week',
      organisation: 'BuildRight',
      ...checklist('workplace_experience'),
    });
    expect(await activities()).toEqual([expect.objectContaining({ kind: 'workplace_experience', meaningful: true })]);
  });

  it('records a part-time job as an employer encounter, never as workplace experience', async () => {
    const user = bot.userFor(leader);
    const form = await openForm(user, 'Workplace experience');
    const saved = cardOf(
      await press(bot, user, form, 'Save activity', {
        title: 'Saturday job',
        organisation: 'Greggs',
        partTimeJob: 'true',
        ...checklist('employer_encounter'),
      }),
    );
    expect(cardText(saved)).toContain('Counts for Benchmark 5 (a part-time job never counts for Benchmark 6)');
    expect(await activities()).toEqual([expect.objectContaining({ kind: 'employer_encounter', partTimeJob: true, meaningful: true })]);
  });

  it('records a provider encounter with its type and the Provider Access Legislation', async () => {
    const user = bot.userFor(leader);
    const form = await openForm(user, 'Provider encounter');
    expect(inputOn(form, 'providerType')!.choices.map((choice: { value: string }) => choice.value)).toEqual([
      'sixth_form',
      'further_education_college',
      'university',
      'independent_training_provider',
    ]);
    const saved = cardOf(
      await press(bot, user, form, 'Save activity', {
        title: 'College taster day',
        organisation: 'Northfield College',
        providerType: 'further_education_college',
        providerAccess: 'true',
        ...checklist('provider_encounter'),
      }),
    );
    expect(cardText(saved)).toContain('Counts for Benchmark 7 and the Provider Access Legislation');
    expect(await activities()).toEqual([
      expect.objectContaining({
        kind: 'provider_encounter',
        providerType: 'further_education_college',
        providerAccess: true,
        meaningful: true,
      }),
    ]);
  });

  it('records labour-market information with no checklist, for Benchmark 2', async () => {
    const user = bot.userFor(teacher);
    const form = await openForm(user, 'Labour-market information');
    expect(togglesOn(form)).toEqual([]);
    const saved = cardOf(await press(bot, user, form, 'Save activity', { title: 'Local jobs assembly' }));
    expect(cardText(saved)).toContain('Counts for Benchmark 2');
    expect(await activities()).toEqual([
      expect.objectContaining({ kind: 'labour_market_information', meaningful: false, recordedBy: 'T1' }),
    ]);
  });

  it('goes straight to the form when the kind is typed', async () => {
    const [reply] = await bot.say(bot.userFor(leader), 'record employer encounter');
    expect(cardText(cardOf(reply))).toContain('Record an employer encounter');
  });

  it.each([
    ['no title', 'Employer encounter', { title: '  ' }, 'Give the activity a title'],
    ['no employer', 'Employer encounter', { organisation: '' }, 'Say which employer it was'],
    ['a date in the future', 'Employer encounter', { date: '2026-03-04' }, 'can’t be in the future'],
    ['a date that does not exist', 'Employer encounter', { date: '2026-02-30' }, 'Choose a date from the calendar'],
    ['a title over the limit', 'Employer encounter', { title: 't'.repeat(121) }, 'Keep the title to 120 characters'],
    ['no provider type', 'Provider encounter', { providerType: '' }, 'Choose the kind of provider'],
    [
      'PAL for a university',
      'Provider encounter',
      { providerType: 'university', providerAccess: 'true' },
      'Only further education colleges and independent training providers',
    ],
  ])('shows %s on the card and writes nothing', async (_case, kindButton, change, message) => {
    const user = bot.userFor(leader);
    const form = await openForm(user, kindButton);
    const valid = {
      title: 'A talk',
      organisation: 'Someone',
      providerType: 'sixth_form',
      date: '2026-03-02',
      ...checklist('provider_encounter'),
    };
    const answer = cardOf(await press(bot, user, form, 'Save activity', { ...valid, ...change }));
    expect(cardText(answer)).toContain(message);
    expect(cardText(answer)).toContain('Nothing has been saved yet');
    // What was typed and ticked is still there to correct.
    expect(inputOn(answer, 'organisation')!.value).toBe('organisation' in change ? undefined : 'Someone');
    expect(
      togglesOn(answer)
        .filter((toggle) => toggle.id.startsWith('check_'))
        .every((toggle) => toggle.on),
    ).toBe(true);
    expect(await activities()).toHaveLength(0);
  });

  it('keeps one activity when the same card is delivered twice', async () => {
    const user = bot.userFor(leader);
    const form = await openForm(user, 'Employer encounter');
    const inputs = { title: 'Mock interviews', organisation: 'Rotary', ...checklist('employer_encounter') };
    const first = cardOf(await press(bot, user, form, 'Save activity', inputs, { id: 'retry-1' }));
    const second = cardOf(await press(bot, user, form, 'Save activity', inputs, { id: 'retry-1' }));
    expect(cardText(second)).toEqual(cardText(first));
    expect(await activities()).toHaveLength(1);
  });

  it('edits an activity: ticking the missing point makes it count', async () => {
    const user = bot.userFor(teacher);
    const form = await openForm(user, 'Employer encounter');
    const saved = cardOf(
      await press(bot, user, form, 'Save activity', {
        title: 'Engineers’ visit',
        organisation: 'Arup',
        ...checklist('employer_encounter', ['outcomes']),
      }),
    );
    expect(cardText(saved)).toContain('Does not count: no learning outcomes');
    const edit = cardOf(await press(bot, user, saved, 'Edit'));
    expect(
      togglesOn(edit)
        .filter((toggle) => !toggle.on)
        .map((toggle) => toggle.id),
    ).toEqual(['check_outcomes']);
    const updated = cardOf(await press(bot, user, edit, 'Save changes', { check_outcomes: 'true' }));
    expect(cardText(updated)).toContain('Activity updated');
    expect(cardText(updated)).toContain('Counts for Benchmark 5');
    const stored = await activities();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ meaningful: true, recordedBy: 'T1', title: 'Engineers’ visit' });
    const audit = await bot.waypoint.services.audit.recent(SCHOOL_ID, 10);
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['activity.create', 'activity.edit']));
    // Ids only in the audit trail.
    expect(JSON.stringify(audit)).not.toContain('Arup');
  });

  it('keeps who a plan was for when the activity, now held, is edited on the encounter card', async () => {
    const user = bot.userFor(leader);
    const planned: Activity = {
      id: 'PLAN-1',
      date: '2026-03-02',
      kind: 'employer_encounter',
      title: 'Employer day',
      providerAccess: false,
      meaningful: false,
      invitedYearGroups: [10],
      invitedForms: ['9A'],
      attendanceTakenBy: 'T9',
    };
    await bot.waypoint.services.school.collections.activities.createOnce(SCHOOL_ID, planned);
    const edit = cardOf(await bot.execute(user, 'activity.edit', { activityId: 'PLAN-1' }));
    cardOf(
      await press(bot, user, edit, 'Save changes', {
        title: 'Year 10 employer day',
        organisation: 'Arup',
        ...checklist('employer_encounter'),
      }),
    );
    const [stored] = await activities();
    expect(stored).toMatchObject({
      title: 'Year 10 employer day',
      meaningful: true,
      invitedYearGroups: [10],
      invitedForms: ['9A'],
      attendanceTakenBy: 'T9',
    });
  });

  describe('who may do what', () => {
    it('refuses a pupil, by command and by button, and writes nothing', async () => {
      const user = bot.userFor(pupil);
      const [reply] = await bot.say(user, 'record activity');
      expect(reply!.text).toMatch(/only the careers leader, careers advisers or teachers can do that/);
      const answer = await bot.execute(user, 'activity.save', {
        draftId: 'x1',
        kind: 'employer_encounter',
        title: 'Sneaky',
        organisation: 'Me',
        ...checklist('employer_encounter'),
      });
      expect(messageOf(answer)).toMatch(/only the careers leader/);
      expect(await activities()).toHaveLength(0);
    });

    it('lets a teacher change only what they recorded', async () => {
      const mine = bot.userFor(teacher);
      const form = await openForm(mine, 'Employer encounter');
      await press(bot, mine, form, 'Save activity', { title: 'Bank visit', organisation: 'HSBC', ...checklist('employer_encounter') });
      const [activity] = await activities();
      const other = bot.userFor(otherTeacher);
      expect(messageOf(await bot.execute(other, 'activity.edit', { activityId: activity!.id }))).toMatch(
        /only change activities you recorded/,
      );
      expect(messageOf(await bot.execute(other, 'attendance.open', { activityId: activity!.id }))).toMatch(
        /only take attendance for activities you recorded/,
      );
      // The careers leader may change anyone's.
      expect(cardText(cardOf(await bot.execute(bot.userFor(leader), 'activity.edit', { activityId: activity!.id })))).toContain(
        'Edit employer encounter',
      );
    });
  });
});

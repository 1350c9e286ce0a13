// The storage the planning cards build on: create, edit/move, cancel and list planned activities,
// on real Azurite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../src/domain/school';
import { encodeKey } from '../../src/storage/keys';
import {
  cancelPlannedActivity,
  loadPlannedActivity,
  createPlannedActivity,
  plannedActivities,
  plannedActivitiesFor,
  updatePlannedActivity,
} from '../../src/storage/planned-activity-store';
import { person, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

const TODAY = '2026-11-20';
const held: Activity = {
  id: 'HELD',
  date: '2026-11-02',
  kind: 'employer_encounter',
  title: 'Held talk',
  providerAccess: false,
  meaningful: true,
  invitedYearGroups: [10],
};
const plan = (overrides: Partial<Activity> & Pick<Activity, 'id'>): Activity => ({
  date: '2027-05-14',
  kind: 'employer_encounter',
  title: 'Year 10 employer day',
  providerAccess: false,
  meaningful: true,
  invitedYearGroups: [10],
  ...overrides,
});

describe('planned activities in storage', () => {
  let bot: TestBot;
  const store = () => bot.waypoint.services.school;
  beforeAll(async () => {
    const pupil = person({
      id: 'P1',
      role: 'pupil',
      givenName: 'Ann',
      familyName: 'Lee',
      email: 'ann@school.example',
      yearGroup: 10,
      form: '10B',
    });
    bot = await TestBot.start({ school: schoolWith([pupil], { activities: [held] }) });
  });
  afterAll(async () => bot.stop());

  it('creates a planned activity once, and lists it for the school and for the pupils it is for, soonest first', async () => {
    expect(await createPlannedActivity(store(), SCHOOL_ID, plan({ id: 'PL-Y10' }), TODAY)).toEqual({ ok: true });
    // A second delivery of the same card changes nothing.
    expect(await createPlannedActivity(store(), SCHOOL_ID, plan({ id: 'PL-Y10', title: 'Changed' }), TODAY)).toEqual({ ok: true });
    await createPlannedActivity(
      store(),
      SCHOOL_ID,
      plan({ id: 'PL-10B', date: '2027-01-12', invitedYearGroups: undefined, invitedForms: ['10b'] }),
      TODAY,
    );
    await createPlannedActivity(store(), SCHOOL_ID, plan({ id: 'PL-Y9', date: '2026-12-01', invitedYearGroups: [9] }), TODAY);

    expect((await plannedActivities(store(), SCHOOL_ID, TODAY)).map((a) => [a.id, a.title])).toEqual([
      ['PL-Y9', 'Year 10 employer day'],
      ['PL-10B', 'Year 10 employer day'],
      ['PL-Y10', 'Year 10 employer day'],
    ]);
    // The held activity, though it names Year 10, is not coming up; Year 9's plan is not for a 10B pupil.
    expect((await plannedActivitiesFor(store(), SCHOOL_ID, { yearGroup: 10, form: '10B' }, TODAY)).map((a) => a.id)).toEqual([
      'PL-10B',
      'PL-Y10',
    ]);
    expect((await plannedActivitiesFor(store(), SCHOOL_ID, { yearGroup: 10, form: '10A' }, TODAY)).map((a) => a.id)).toEqual(['PL-Y10']);
    // Once a day has come, it is no longer planned.
    expect((await plannedActivities(store(), SCHOOL_ID, '2027-01-12')).map((a) => a.id)).toEqual(['PL-Y10']);
  });

  it('refuses to plan for today or before, or for nobody', async () => {
    expect(await createPlannedActivity(store(), SCHOOL_ID, plan({ id: 'PL-TODAY', date: TODAY }), TODAY)).toEqual({
      ok: false,
      refused: 'not-planned',
    });
    expect(
      await createPlannedActivity(store(), SCHOOL_ID, plan({ id: 'PL-NOBODY', invitedYearGroups: [], invitedForms: [] }), TODAY),
    ).toEqual({ ok: false, refused: 'nobody-invited' });
    expect(await store().collections.activities.get(SCHOOL_ID, encodeKey('PL-TODAY'))).toBeUndefined();
    expect(await store().collections.activities.get(SCHOOL_ID, encodeKey('PL-NOBODY'))).toBeUndefined();
  });

  it('moves a planned activity with the etag it was read with, and refuses a stale one or a move into the past', async () => {
    await createPlannedActivity(store(), SCHOOL_ID, plan({ id: 'PL-MOVE' }), TODAY);
    const read = (await store().collections.activities.get(SCHOOL_ID, encodeKey('PL-MOVE')))!;
    expect(await updatePlannedActivity(store(), SCHOOL_ID, { ...read.item, date: '2026-11-20' }, read.etag, TODAY)).toEqual({
      ok: false,
      refused: 'not-planned',
    });
    expect(
      await updatePlannedActivity(store(), SCHOOL_ID, { ...read.item, date: '2027-06-02', invitedForms: ['10A'] }, read.etag, TODAY),
    ).toEqual({ ok: true });
    expect(await updatePlannedActivity(store(), SCHOOL_ID, { ...read.item, title: 'Stale' }, read.etag, TODAY)).toEqual({
      ok: false,
      refused: 'changed',
    });
    const moved = (await store().collections.activities.get(SCHOOL_ID, encodeKey('PL-MOVE')))!.item;
    expect(moved).toMatchObject({ date: '2027-06-02', invitedYearGroups: [10], invitedForms: ['10A'] });
    expect(await updatePlannedActivity(store(), SCHOOL_ID, plan({ id: 'PL-GONE' }), read.etag, TODAY)).toEqual({
      ok: false,
      refused: 'not-found',
    });
  });

  it('will not edit or cancel an activity once held', async () => {
    const read = (await store().collections.activities.get(SCHOOL_ID, encodeKey('HELD')))!;
    expect(await updatePlannedActivity(store(), SCHOOL_ID, { ...read.item, date: '2027-01-05' }, read.etag, TODAY)).toEqual({
      ok: false,
      refused: 'not-planned',
    });
    expect(await cancelPlannedActivity(store(), SCHOOL_ID, 'HELD', TODAY)).toEqual({ ok: false, refused: 'not-planned' });
    expect(await store().collections.activities.get(SCHOOL_ID, encodeKey('HELD'))).toBeDefined();
  });

  it('cancels a planned activity, so it is planned for nobody; cancelling again changes nothing', async () => {
    await createPlannedActivity(store(), SCHOOL_ID, plan({ id: 'PL-CANCEL', invitedYearGroups: [11] }), TODAY);
    expect(await cancelPlannedActivity(store(), SCHOOL_ID, 'PL-CANCEL', TODAY)).toEqual({ ok: true });
    expect(await cancelPlannedActivity(store(), SCHOOL_ID, 'PL-CANCEL', TODAY)).toEqual({ ok: true });
    expect((await plannedActivities(store(), SCHOOL_ID, TODAY)).map((a) => a.id)).not.toContain('PL-CANCEL');
  });

  it('cancels only the version a card was drawn from: a plan changed since is kept', async () => {
    await createPlannedActivity(store(), SCHOOL_ID, plan({ id: 'PL-RACE', invitedYearGroups: [11] }), TODAY);
    const drawn = (await loadPlannedActivity(store(), SCHOOL_ID, 'PL-RACE'))!;
    expect(await updatePlannedActivity(store(), SCHOOL_ID, { ...drawn.item, title: 'Moved hall' }, drawn.etag, TODAY)).toEqual({
      ok: true,
    });
    expect(await cancelPlannedActivity(store(), SCHOOL_ID, 'PL-RACE', TODAY, drawn.etag)).toEqual({ ok: false, refused: 'changed' });
    expect((await plannedActivities(store(), SCHOOL_ID, TODAY)).map((a) => a.title)).toContain('Moved hall');
  });
});

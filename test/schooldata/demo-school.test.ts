import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_KINDS,
  DESTINATION_KINDS,
  MEETING_STATUSES,
  PROVIDER_TYPES,
  emptySchoolData,
  subjectKey,
  type Activity,
  type Person,
  type SchoolData,
} from '../../src/domain/school';
import { DEMO_PEOPLE, generateDemoSchool, withPlannedActivities } from '../../src/schooldata/demo-school';
import { parseSchoolFiles } from '../../src/schooldata/parse-school-files';
import { writeSchoolFiles } from '../../src/schooldata/write-school-files';

const AS_OF = '2026-03-15';
const demo = generateDemoSchool({ asOf: AS_OF });
const pupils = demo.people.filter((person) => person.role === 'pupil');
const inYear = (yearGroup: number) => pupils.filter((pupil) => pupil.yearGroup === yearGroup);

describe('generateDemoSchool', () => {
  it('is deterministic: the same options give the same school', () => {
    expect(generateDemoSchool({ asOf: AS_OF })).toEqual(demo);
    expect(generateDemoSchool({ asOf: AS_OF, seed: 7 })).toEqual(generateDemoSchool({ asOf: AS_OF, seed: 7 }));
    expect(generateDemoSchool({ asOf: AS_OF, seed: 7 })).not.toEqual(demo);
  });

  it('passes its own import: parse(write(demo)) equals demo', () => {
    const result = parseSchoolFiles(writeSchoolFiles(demo), emptySchoolData());
    expect(result.ok ? { ...emptySchoolData(), ...result.data } : result.errors.slice(0, 5)).toEqual(demo);
  });

  it('passes its own import for other seeds, dates and sizes', () => {
    for (const options of [
      { asOf: '2026-09-01', seed: 3 },
      { asOf: '2026-11-23', seed: 4, pupilsPerYear: 12 },
      { asOf: '2027-07-20', seed: 5, pupilsPerYear: 60 },
    ]) {
      const school = generateDemoSchool(options);
      const result = parseSchoolFiles(writeSchoolFiles(school), emptySchoolData());
      expect(result.ok ? { ...emptySchoolData(), ...result.data } : result.errors.slice(0, 5)).toEqual(school);
    }
  });

  it('has the fixed, documented people', () => {
    const byId = (id: string) => demo.people.find((person) => person.id === id);
    expect(byId(DEMO_PEOPLE.pupilYear10.id)).toMatchObject({
      id: 'P0001',
      role: 'pupil',
      givenName: 'Ava',
      familyName: 'Patel',
      email: 'ava.patel@northfield.example',
      yearGroup: 10,
    });
    expect(byId(DEMO_PEOPLE.pupilYear11.id)).toMatchObject({ id: 'P0002', role: 'pupil', yearGroup: 11 });
    expect(byId(DEMO_PEOPLE.teacher.id)).toMatchObject({
      id: 'T001',
      role: 'teacher',
      email: 'sam.okafor@northfield.example',
      subjects: ['Mathematics', 'Physics'],
    });
    expect(byId(DEMO_PEOPLE.careersLeader.id)).toMatchObject({
      id: 'S001',
      role: 'careers_leader',
      email: 'careers.lead@northfield.example',
    });
    expect(byId(DEMO_PEOPLE.adviser.id)).toMatchObject({ id: 'A001', role: 'careers_adviser' });
    for (const seed of [1, 2, 3]) {
      const other = generateDemoSchool({ asOf: '2025-10-01', seed, pupilsPerYear: 5 });
      for (const fixed of Object.values(DEMO_PEOPLE)) {
        expect(other.people.find((person) => person.id === fixed.id)?.email).toBe(fixed.email);
      }
    }
  });

  it('has about 40 pupils in each of Years 7-13, in forms like 10A and 10B', () => {
    for (let yearGroup = 7; yearGroup <= 13; yearGroup += 1) {
      expect(inYear(yearGroup)).toHaveLength(40);
      expect(new Set(inYear(yearGroup).map((pupil) => pupil.form))).toEqual(new Set([`${yearGroup}A`, `${yearGroup}B`]));
    }
    expect(generateDemoSchool({ asOf: AS_OF, pupilsPerYear: 215 }).people.filter((person) => person.role === 'pupil')).toHaveLength(1505);
  });

  it('gives pupils unique school emails and dates of birth that fit their year group', () => {
    const emails = demo.people.map((person) => person.email.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
    for (const person of demo.people) expect(person.email).toMatch(/^[a-z-]+\.[a-z-]+\d*@northfield\.example$/);
    for (const pupil of pupils) {
      // Year N in 2025-26 means turning N + 5 between 1 September 2025 and 31 August 2026.
      const turns = (pupil.yearGroup ?? 0) + 5;
      expect(pupil.dateOfBirth! >= `${2025 - turns}-09-01` && pupil.dateOfBirth! <= `${2026 - turns}-08-31`).toBe(true);
    }
  });

  it('has realistic shares of SEND, pupil premium, looked-after and considering higher education', () => {
    const share = (list: Person[], flag: (pupil: Person) => boolean) => list.filter(flag).length / list.length;
    expect(share(pupils, (pupil) => pupil.send)).toBeGreaterThan(0.08);
    expect(share(pupils, (pupil) => pupil.send)).toBeLessThan(0.22);
    expect(share(pupils, (pupil) => pupil.pupilPremium)).toBeGreaterThan(0.17);
    expect(share(pupils, (pupil) => pupil.pupilPremium)).toBeLessThan(0.33);
    expect(pupils.some((pupil) => pupil.lookedAfter)).toBe(true);
    expect(share(pupils, (pupil) => pupil.lookedAfter)).toBeLessThan(0.06);
    const sixthForm = [...inYear(12), ...inYear(13)];
    expect(share(sixthForm, (pupil) => pupil.consideringHigherEducation)).toBeGreaterThan(0.35);
    expect(share(sixthForm, (pupil) => pupil.consideringHigherEducation)).toBeLessThan(0.65);
    expect(pupils.filter((pupil) => (pupil.yearGroup ?? 0) < 12).some((pupil) => pupil.consideringHigherEducation)).toBe(false);
  });

  it('has about 25 teachers covering every subject, one careers leader, two advisers, a SENCo and an admin', () => {
    const withRole = (role: Person['role']) => demo.people.filter((person) => person.role === role);
    expect(withRole('teacher')).toHaveLength(25);
    expect(withRole('careers_leader')).toHaveLength(1);
    expect(withRole('careers_adviser')).toHaveLength(2);
    expect(withRole('senco')).toHaveLength(1);
    expect(withRole('admin')).toHaveLength(1);
    const taught = new Set(withRole('teacher').flatMap((teacher) => teacher.subjects.map(subjectKey)));
    for (const { subject } of demo.curriculum) expect(taught.has(subjectKey(subject))).toBe(true);
    expect(demo.curriculum.length).toBeGreaterThanOrEqual(14);
    expect(demo.curriculum).toContainEqual({ subject: 'Business', yearGroups: [10, 11, 12, 13] });
  });

  it('has activities of every kind and provider type, meaningful or not, some for the Provider Access Legislation', () => {
    expect(new Set(demo.activities.map((activity) => activity.kind))).toEqual(new Set(ACTIVITY_KINDS));
    expect(new Set(demo.activities.flatMap((activity) => activity.providerType ?? []))).toEqual(new Set(PROVIDER_TYPES));
    expect(demo.activities.some((activity) => activity.meaningful)).toBe(true);
    expect(demo.activities.some((activity) => !activity.meaningful)).toBe(true);
    expect(demo.activities.some((activity) => activity.providerAccess)).toBe(true);
    expect(demo.activities.some((activity) => activity.date < '2025-09-01')).toBe(true);
    expect(demo.activities.some((activity) => activity.date >= '2025-09-01')).toBe(true);
  });

  it('has meetings in every status; completed ones mostly with advice and actions, a few without', () => {
    expect(new Set(demo.meetings.map((meeting) => meeting.status))).toEqual(new Set(MEETING_STATUSES));
    const completed = demo.meetings.filter((meeting) => meeting.status === 'completed');
    const recorded = completed.filter((meeting) => meeting.advice !== '' && meeting.agreedActions !== '');
    expect(recorded.length / completed.length).toBeGreaterThan(0.8);
    expect(recorded.length).toBeLessThan(completed.length);
    for (const meeting of demo.meetings.filter((m) => m.status !== 'completed')) expect(meeting.advice).toBe('');
  });

  it('plans this year’s activities still to come, for the year groups that take part, and no later', () => {
    const plans = demo.activities.filter((activity) => activity.date > AS_OF);
    expect(plans.length).toBeGreaterThan(3);
    const attended = new Set(demo.attendance.map((row) => row.activityId));
    for (const plan of plans) {
      expect(plan.date <= '2026-08-31').toBe(true);
      expect(plan.invitedYearGroups?.length).toBeGreaterThan(0);
      expect(attended.has(plan.id)).toBe(false);
    }
    // The activities already held are as they were before plans were added (the same random draws).
    expect(demo.activities.filter((activity) => activity.date <= AS_OF).every((activity) => activity.invitedYearGroups === undefined)).toBe(
      true,
    );
  });

  it('plans as many activities as the bench asks for, each added one for a year group or a form, after the as-of day', () => {
    const school = withPlannedActivities(demo, AS_OF, 300);
    expect(school.activities.filter((activity) => activity.date > AS_OF)).toHaveLength(300);
    const plans = school.activities.filter((activity) => activity.id.startsWith('PLAN'));
    expect(new Set(school.activities.map((activity) => activity.id)).size).toBe(school.activities.length);
    const forms = new Set(pupils.map((pupil) => pupil.form));
    for (const plan of plans) {
      expect(plan.date > AS_OF && plan.date <= '2026-08-31').toBe(true);
      expect((plan.invitedYearGroups ?? []).length + (plan.invitedForms ?? []).length).toBe(1);
      for (const form of plan.invitedForms ?? []) expect(forms.has(form)).toBe(true);
    }
    expect(plans.some((plan) => plan.invitedForms)).toBe(true);
  });

  it('dates nothing after the as-of day except planned activities and meetings booked for the next few weeks', () => {
    const after = [
      ...demo.activities.filter((activity) => activity.invitedYearGroups === undefined).map((activity) => activity.date),
      ...demo.links.map((link) => link.date),
      ...demo.destinations.map((destination) => destination.date),
      ...demo.meetings.filter((meeting) => meeting.status !== 'booked').map((meeting) => meeting.startsAt.slice(0, 10)),
    ].filter((date) => date > AS_OF);
    expect(after).toEqual([]);
    const booked = demo.meetings.filter((meeting) => meeting.status === 'booked');
    expect(booked.length).toBeGreaterThan(0);
    for (const meeting of booked) {
      expect(meeting.startsAt > `${AS_OF}T23:59`).toBe(true);
      expect(meeting.startsAt < '2026-04-20').toBe(true);
    }
  });

  it('records aspirations, and intended destinations only for Years 11 and 13', () => {
    const kinds = new Set(demo.destinations.map((destination) => destination.kind));
    expect(kinds.has('aspiration') && kinds.has('intended')).toBe(true);
    expect(DESTINATION_KINDS).toContain('actual');
    const yearOf = new Map(pupils.map((pupil) => [pupil.id, pupil.yearGroup]));
    for (const destination of demo.destinations.filter((d) => d.kind === 'intended')) {
      expect([11, 13]).toContain(yearOf.get(destination.pupilId));
    }
  });

  it('leaves realistic gaps: every benchmark has pupils (or subjects) who meet it and some who do not', () => {
    for (const [benchmark, outcome] of Object.entries(roughBenchmarkOutcomes(demo, AS_OF))) {
      expect({ benchmark, met: outcome.met > 0, unmet: outcome.unmet > 0 }).toEqual({ benchmark, met: true, unmet: true });
    }
  });
});

/**
 * A rough reading of the report's definitions (docs/benchmark-rules.md), only to check
 * that the demo data has both sides of every benchmark; the gap engine is the real implementation.
 */
function roughBenchmarkOutcomes(school: SchoolData, asOf: string): Record<string, { met: number; unmet: number }> {
  const yearStart = '2025-09-01';
  const activityById = new Map(school.activities.map((activity) => [activity.id, activity]));
  const attended = new Map<string, Activity[]>();
  for (const row of school.attendance) {
    const activity = activityById.get(row.activityId);
    if (activity !== undefined && activity.date <= asOf) attended.set(row.pupilId, [...(attended.get(row.pupilId) ?? []), activity]);
  }
  const yearOn = (pupil: Person, date: string) => (pupil.yearGroup ?? 0) - (date < yearStart ? 1 : 0);
  const outcomes: Record<string, { met: number; unmet: number }> = {};
  const count = (benchmark: string, cohort: Person[], meets: (pupil: Person, activities: Activity[]) => boolean) => {
    const met = cohort.filter((pupil) => meets(pupil, attended.get(pupil.id) ?? [])).length;
    outcomes[benchmark] = { met, unmet: cohort.length - met };
  };
  const pupilsIn = (...years: number[]) =>
    school.people.filter((person) => person.role === 'pupil' && years.includes(person.yearGroup ?? 0));
  const keyStage = (year: number) => (year <= 9 ? 3 : year <= 11 ? 4 : 5);

  count('2', pupilsIn(7, 8, 9, 10, 11, 12, 13), (pupil, activities) =>
    activities.some((a) => a.kind === 'labour_market_information' && keyStage(yearOn(pupil, a.date)) === keyStage(pupil.yearGroup ?? 0)),
  );
  const completed = school.meetings.filter((meeting) => meeting.status === 'completed' && meeting.startsAt.slice(0, 10) <= asOf);
  count(
    '3',
    pupilsIn(11, 13),
    (pupil) =>
      completed.filter((m) => m.pupilId === pupil.id).every((m) => m.advice !== '' && m.agreedActions !== '') &&
      school.destinations.some((d) => d.pupilId === pupil.id && d.kind === 'intended' && d.date <= asOf),
  );
  const linked = new Set(
    school.links.filter((l) => l.date >= yearStart && l.date <= asOf).map((l) => `${subjectKey(l.subject)}|${l.yearGroup}`),
  );
  const pairs = school.curriculum.flatMap((c) => c.yearGroups.map((year) => `${subjectKey(c.subject)}|${year}`));
  outcomes['4'] = { met: pairs.filter((pair) => linked.has(pair)).length, unmet: pairs.filter((pair) => !linked.has(pair)).length };
  count('5', pupilsIn(7, 8, 9, 10, 11, 12, 13), (_, activities) =>
    activities.some((a) => a.kind === 'employer_encounter' && a.meaningful && a.date >= yearStart),
  );
  count(
    '6 (10-11)',
    pupilsIn(10, 11),
    (_, activities) => activities.filter((a) => a.kind === 'workplace_experience' && a.meaningful).length >= 2,
  );
  count('6 (12-13)', pupilsIn(12, 13), (pupil, activities) =>
    activities.some((a) => a.kind === 'workplace_experience' && a.meaningful && yearOn(pupil, a.date) >= 12),
  );
  count('7 (10-11)', pupilsIn(10, 11), (_, activities) =>
    PROVIDER_TYPES.every((type) => activities.some((a) => a.kind === 'provider_encounter' && a.meaningful && a.providerType === type)),
  );
  count(
    '7 (12-13)',
    pupilsIn(12, 13).filter((pupil) => pupil.consideringHigherEducation),
    (pupil, activities) =>
      activities.filter(
        (a) => a.kind === 'provider_encounter' && a.meaningful && a.providerType === 'university' && yearOn(pupil, a.date) >= 12,
      ).length >= 2,
  );
  count('8 (11)', pupilsIn(11), (pupil) => completed.some((m) => m.pupilId === pupil.id));
  count('8 (13)', pupilsIn(13), (pupil) => completed.some((m) => m.pupilId === pupil.id && yearOn(pupil, m.startsAt.slice(0, 10)) >= 12));
  const palEncounters = (pupil: Person, activities: Activity[], first: number) =>
    activities.filter((a) => {
      const year = yearOn(pupil, a.date);
      const inWindow =
        year === first || (year === first + 1 && a.date.slice(5, 7) >= '09') || (year === first + 1 && a.date.slice(5, 7) <= '02');
      return (
        a.providerAccess &&
        (a.providerType === 'further_education_college' || a.providerType === 'independent_training_provider') &&
        inWindow
      );
    }).length;
  count('PAL (8-9)', pupilsIn(8, 9), (pupil, activities) => palEncounters(pupil, activities, 8) >= 2);
  count('PAL (10-11)', pupilsIn(10, 11), (pupil, activities) => palEncounters(pupil, activities, 10) >= 2);
  count('PAL (12-13)', pupilsIn(12, 13), (pupil, activities) => palEncounters(pupil, activities, 12) >= 2);
  return outcomes;
}

// The ranked gaps of the weekly nudge.
import { describe, expect, it } from 'vitest';
import { compareGaps, urgencyOf } from '../../src/domain/benchmarks/gaps';
import { findGaps } from '../../src/domain/benchmarks/report';
import type { Gap } from '../../src/domain/benchmarks/types';
import type { TermDates } from '../../src/domain/calendar';
import type { Person } from '../../src/domain/school';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { destination, employerEncounter, meeting, palEncounter, pupil, school, settings } from './fixtures';

/** `n` pupils in a year group, ids prefix1..prefixN. */
function cohort(prefix: string, yearGroup: number, n: number, extra: (i: number) => Partial<Person> = () => ({})): Person[] {
  return Array.from({ length: n }, (_, i) => pupil(`${prefix}${i + 1}`, yearGroup, extra(i + 1)));
}

/** One long term from 5 Jan to Fri 19 Jun 2026: from Mon 2 Mar that is exactly 16 school weeks. */
const SIXTEEN_WEEKS: TermDates = {
  terms: [{ name: 'spring', start: '2026-01-05', end: '2026-06-19', breaks: [] }],
  closures: [],
};

const only = (gaps: Gap[], benchmark: Gap['benchmark'], yearGroup: number | null, kind?: Gap['kind']) =>
  gaps.filter((g) => g.benchmark === benchmark && g.yearGroup === yearGroup && (kind === undefined || g.kind === kind));

describe('Benchmark 8 gaps', () => {
  const data = school()
    .people(...cohort('y11-', 11, 42))
    .build();

  it('say how many adviser days the waiting pupils need', () => {
    const [gap] = only(findGaps(data, '2026-03-02', settings({ termDates: SIXTEEN_WEEKS })), '8', 11);
    expect(gap).toMatchObject({
      kind: 'pupils_to_reach',
      pupilsAffected: 42,
      deadline: '2026-08-31',
      weeksLeft: 16,
      adviserDaysNeeded: 7,
      urgency: urgencyOf(42, 16),
      sentence: '42 Year 11 pupils still need a guidance meeting; 16 school weeks left; at 6 meetings a day that is 7 adviser days.',
    });
    expect(gap?.pupilIds).toHaveLength(42);
  });

  it('mention published free slots and the school’s own meetings per day', () => {
    const [gap] = only(
      findGaps(data, '2026-03-02', settings({ termDates: SIXTEEN_WEEKS, meetingsPerAdviserDay: 8 }), { publishedFreeSlots: 12 }),
      '8',
      11,
    );
    expect(gap?.sentence).toBe(
      '42 Year 11 pupils still need a guidance meeting; 16 school weeks left; at 8 meetings a day that is 6 adviser days; ' +
        '12 free slots are published.',
    );
  });

  it('leave out pupils who have had a completed meeting, and speak of one pupil in the singular', () => {
    const two = school()
      .people(pupil('a', 13), pupil('b', 13))
      .meetings(meeting('m1', 'a', '2025-10-01T09:00'), meeting('m2', 'b', '2025-10-01T09:00', 'booked'))
      .build();
    const [gap] = only(findGaps(two, '2026-03-02', settings({ termDates: SIXTEEN_WEEKS })), '8', 13);
    expect(gap?.pupilIds).toEqual(['b']);
    expect(gap?.sentence).toBe(
      '1 Year 13 pupil still needs a guidance meeting since starting Year 12; 16 school weeks left; at 6 meetings a day ' +
        'that is 1 adviser day.',
    );
  });
});

describe('ranking', () => {
  it('puts nearer deadlines first for the same number of pupils, and is otherwise deterministic', () => {
    const data = school()
      .people(...cohort('a', 7, 5), ...cohort('b', 8, 5), ...cohort('c', 9, 5))
      .build();
    const gaps = findGaps(data, '2026-03-02', settings());
    const bm2 = gaps.filter((g) => g.benchmark === '2').map((g) => g.yearGroup);
    expect(bm2).toEqual([9, 8, 7]); // end of Year 9 is nearest for Year 9
    const bm5 = gaps.filter((g) => g.benchmark === '5').map((g) => g.yearGroup);
    expect(bm5).toEqual([7, 8, 9]); // same deadline, same count: by year group
    for (let i = 1; i < gaps.length; i++) expect(compareGaps(gaps[i - 1]!, gaps[i]!)).toBeLessThanOrEqual(0);
    expect(findGaps(data, '2026-03-02', settings())).toEqual(gaps);
  });

  it('weighs pupils by the school weeks left', () => {
    expect(urgencyOf(10, 0)).toBe(10);
    expect(urgencyOf(10, 4)).toBe(2);
    expect(urgencyOf(40, 9)).toBeGreaterThan(urgencyOf(30, 9));
  });

  it('reports no gap for a year group with no pupils', () => {
    const gaps = findGaps(school().people(pupil('p1', 7)).build(), '2026-03-02', settings({ lastEvaluatedDate: '2025-10-01' }));
    expect(gaps.map((g) => `${g.benchmark}:${g.yearGroup}`)).toEqual(['5:7', '2:7']);
  });
});

describe('equity gaps', () => {
  /** Ten Year 8 pupils; pupils 1-4 are pupil premium; `met` had an employer encounter. */
  function yearEight(met: number[]) {
    return school()
      .people(...cohort('p', 8, 10, (i) => ({ pupilPremium: i <= 4, send: i >= 9 })))
      .held(employerEncounter('e1', '2025-10-01'), ...met.map((i) => `p${i}`))
      .build();
  }

  it('name a group trailing its year group by more than the margin', () => {
    // Cohort 6/10 = 60%, pupil premium 1/4 = 25%.
    const [gap] = only(findGaps(yearEight([1, 5, 6, 7, 8, 9]), '2026-03-02', settings({ termDates: SIXTEEN_WEEKS })), '5', 8, 'equity');
    expect(gap).toMatchObject({
      equityGroup: 'pupil_premium',
      pupilsAffected: 3,
      pupilIds: ['p2', 'p3', 'p4'],
      sentence:
        'Pupil premium pupils in Year 8 trail their year group on Benchmark 5 (employer encounters): 25% meet it against ' +
        '60% of Year 8; 3 still need it; 16 school weeks left.',
    });
  });

  it.each([
    ['exactly the margin behind', [1, 2, 5, 6, 7, 8], 10, 0], // 50% against 60%
    ['just over a smaller margin', [1, 2, 5, 6, 7, 8], 9, 1],
    ['a group of two (SEND) far behind', [1, 2, 3, 4, 5, 6, 7, 8], 10, 0],
  ])('are not raised for %s', (_, met, margin, expected) => {
    const gaps = only(findGaps(yearEight(met), '2026-03-02', settings({ equityMarginPercent: margin })), '5', 8, 'equity');
    expect(gaps).toHaveLength(expected);
  });
});

describe('Provider Access Legislation catch-up', () => {
  const data = school()
    .people(pupil('p1', 9), pupil('p2', 9), pupil('p3', 9))
    .held(palEncounter('a1', '2025-10-01'), 'p1', 'p2')
    .held(palEncounter('a2', '2025-11-01'), 'p1')
    .build();

  it.each([
    ['2025-12-31', 0],
    ['2026-01-01', 1],
    ['2026-02-28', 1],
    ['2026-03-01', 0],
  ])('as of %s: %i gap(s)', (asOf, expected) => {
    expect(only(findGaps(data, asOf, settings()), 'PAL', 9)).toHaveLength(expected);
  });

  it('lists the pupils who need a catch-up before the end of February', () => {
    const [gap] = only(findGaps(data, '2026-02-02', settings()), 'PAL', 9);
    expect(gap).toMatchObject({
      kind: 'provider_access_catch_up',
      pupilsAffected: 2,
      pupilIds: ['p2', 'p3'],
      deadline: '2026-02-28',
      weeksLeft: 3, // w/c 2 Feb, 9 Feb, 23 Feb (16 Feb is half-term)
    });
    expect(gap?.sentence).toBe(
      'Provider access phase 1: 2 Year 9 pupils have had fewer than two encounters with technical education or ' +
        'apprenticeship providers and need a catch-up by Sat 28 Feb 2026; 3 school weeks left.',
    );
  });

  it('runs to 29 February in a leap year', () => {
    const leap = school().people(pupil('p1', 11)).build();
    expect(only(findGaps(leap, '2024-02-29', settings()), 'PAL', 11)[0]).toMatchObject({ deadline: '2024-02-29', pupilIds: ['p1'] });
    expect(only(findGaps(leap, '2024-03-01', settings()), 'PAL', 11)).toHaveLength(0);
  });

  it('in phase 3 (attendance optional) only nudges a school that has offered fewer than two encounters', () => {
    const offeredOne = school().people(pupil('p1', 13), pupil('p2', 13)).held(palEncounter('a1', '2025-10-01'), 'p1').build();
    const [gap] = only(findGaps(offeredOne, '2026-01-15', settings()), 'PAL', 13);
    expect(gap?.sentence).toMatch(/^Provider access phase 3: Year 13 has been offered 1 of the 2 encounters/);
    const offeredTwo = school(offeredOne).held(palEncounter('a2', '2025-11-01'), 'p1').build();
    expect(only(findGaps(offeredTwo, '2026-01-15', settings()), 'PAL', 13)).toHaveLength(0);
  });
});

describe('other gaps', () => {
  it('list the subjects with no careers link for a year group', () => {
    const data = school()
      .people(...cohort('p', 9, 30))
      .curriculum('Art', 9)
      .curriculum('Geography', 9)
      .curriculum('Music', 9)
      .curriculum('Mathematics', 9)
      .link('l1', '2025-10-01', 't1', 'Mathematics', 9)
      .build();
    const [gap] = only(findGaps(data, '2026-03-02', settings({ termDates: SIXTEEN_WEEKS })), '4', 9);
    expect(gap).toMatchObject({
      kind: 'curriculum_links',
      pupilsAffected: 30,
      subjects: ['Art', 'Geography', 'Music'],
      sentence: 'Year 9 has no careers link yet this year in 3 subjects: Art, Geography and Music; 16 school weeks left.',
    });
  });

  it('report each failing Benchmark 1 check', () => {
    const data = school().people(pupil('p1', 7)).build();
    const gaps = only(findGaps(data, '2026-03-02', defaultSchoolSettings({ careersLeader: { name: 'Sam' } })), '1', null);
    expect(gaps.map((g) => g.check).sort()).toEqual(
      ['careers_leader_named', 'policy_review_current', 'programme_evaluated', 'programme_published'].sort(),
    );
    expect(gaps.find((g) => g.check === 'careers_leader_named')?.sentence).toBe(
      "The careers leader's email address and phone number are missing; Benchmark 1 needs them published.",
    );
    expect(only(findGaps(data, '2026-03-02', settings({ lastEvaluatedDate: '2025-10-01' })), '1', null)).toEqual([]);
  });

  it('give Year 11 until the end of the spring term for intended destinations, from January', () => {
    const data = school()
      .people(pupil('p1', 11), pupil('p2', 11))
      .destinations(destination('p2', 'intended', '2025-12-01'))
      .meetings(meeting('m1', 'p2', '2025-11-01T10:00', 'completed', { advice: '' }))
      .build();
    const [january] = only(findGaps(data, '2026-01-05', settings()), '3', 11);
    expect(january).toMatchObject({ deadline: '2026-03-27', pupilIds: ['p1', 'p2'] });
    expect(january?.sentence).toMatch(
      new RegExp(
        '^1 Year 11 pupil still needs an intended destination recorded and 1 has guidance meetings without advice and agreed ' +
          String.raw`actions recorded; \d+ school weeks left before the end of the spring term\.$`,
      ),
    );
    const [autumn] = only(findGaps(data, '2025-12-01', settings()), '3', 11);
    // The end of the year is the last day of the summer term (default term dates), not 31 August.
    expect(autumn).toMatchObject({ deadline: '2026-07-17', pupilIds: ['p2'] });
  });

  it('say when a deadline has passed', () => {
    const data = school().people(pupil('p1', 11)).build();
    const [gap] = only(findGaps(data, '2026-04-20', settings()), '3', 11);
    expect(gap).toMatchObject({ deadline: '2026-03-27', weeksLeft: 0, urgency: 1 });
    expect(gap?.sentence).toBe('1 Year 11 pupil still needs an intended destination recorded; the deadline (Fri 27 Mar 2026) has passed.');
  });
});

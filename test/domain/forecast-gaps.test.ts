// Gaps rank by what is unplanned, say what the plan covers, and a gap the plan closes is shown as
// planned, not as a gap (docs/benchmark-rules.md, "The plan and the forecast").
import { describe, expect, it } from 'vitest';
import { gapsToActOn } from '../../src/domain/benchmarks/gaps-to-act-on';
import { urgencyOf } from '../../src/domain/benchmarks/gaps';
import { computeBenchmarkReport, findGaps } from '../../src/domain/benchmarks/report';
import type { Gap } from '../../src/domain/benchmarks/types';
import type { TermDates } from '../../src/domain/calendar';
import { composeDigest } from '../../src/domain/digest/compose-digest';
import { digestText } from '../../src/domain/digest/digest-text';
import type { Activity, Person } from '../../src/domain/school';
import { employerEncounter, meeting, palEncounter, pupil, school, settings } from './fixtures';

const cohort = (prefix: string, yearGroup: number, n: number, form?: (i: number) => string): Person[] =>
  Array.from({ length: n }, (_, i) => pupil(`${prefix}${i + 1}`, yearGroup, form ? { form: form(i + 1) } : {}));

/** One long term from 5 Jan to Fri 19 Jun 2026: from Mon 2 Mar that is exactly 16 school weeks. */
const SIXTEEN_WEEKS: TermDates = { terms: [{ name: 'spring', start: '2026-01-05', end: '2026-06-19', breaks: [] }], closures: [] };
const D = '2026-03-02';
const at = (gaps: Gap[], benchmark: Gap['benchmark'], yearGroup: number) =>
  gaps.filter((gap) => gap.benchmark === benchmark && gap.yearGroup === yearGroup);

const employerDay = (forms: string[], extra: Partial<Activity> = {}): Activity => ({
  ...employerEncounter('plan-y10', '2026-05-14', { title: 'Year 10 employer day' }),
  invitedForms: forms,
  ...extra,
});

// 40 Year 10 pupils in forms 10A (35) and 10B (5); the employer day is planned for 10A.
const year10 = cohort('y10-', 10, 40, (i) => (i <= 35 ? '10A' : '10B'));
const options = settings({ termDates: SIXTEEN_WEEKS });

describe('gaps and the plan', () => {
  it('say what the plan covers and rank by the pupils still unplanned', () => {
    const data = school()
      .people(...year10)
      .activities(employerDay(['10A']))
      .build();
    const [gap] = at(findGaps(data, D, options), '5', 10);
    expect(gap).toMatchObject({
      pupilsAffected: 5,
      planned: 35,
      urgency: urgencyOf(5, 16),
      plan: [{ kind: 'activity', activityId: 'plan-y10', title: 'Year 10 employer day', date: '2026-05-14', covers: 35 }],
      sentence:
        '40 Year 10 pupils have not had a meaningful employer encounter this year; 16 school weeks left; planned: Year 10 ' +
        'employer day on Thu 14 May 2026 covers 35 of 40; 5 still need a plan.',
    });
    // The list to act on is the pupils nothing planned reaches: 10B.
    expect(gap!.pupilIds).toEqual(['y10-36', 'y10-37', 'y10-38', 'y10-39', 'y10-40']);
  });

  it('rank a smaller unplanned gap below a larger one with the same deadline', () => {
    const year9 = cohort('y9-', 9, 20);
    const data = school()
      .people(...year10, ...year9)
      .activities(employerDay(['10A']))
      .build();
    const ranked = gapsToActOn({ asOf: D, gaps: findGaps(data, D, options) }).gaps.filter((gap) => gap.benchmark === '5');
    // Year 10 has 40 still to meet it but only 5 unplanned; Year 9's 20 have no plan.
    expect(ranked.map((gap) => [gap.yearGroup, gap.pupilsAffected])).toEqual([
      [9, 20],
      [10, 5],
    ]);
  });

  it('show a gap the plan closes as planned, not as a gap, in the report, “gaps” and the digest alike', () => {
    const data = school()
      .people(...year10)
      .activities(employerDay(['10A', '10B']))
      .build();
    const report = computeBenchmarkReport(data, D, options);
    expect(report.rows.find((row) => row.benchmark === '5' && row.yearGroup === 10)).toEqual({
      benchmark: '5',
      yearGroup: 10,
      met: 0,
      planned: 40,
      unplanned: 0,
      total: 40,
    });
    const { gaps, planned } = gapsToActOn(report);
    expect(gaps.filter((gap) => gap.benchmark === '5')).toEqual([]);
    expect(planned.map((gap) => gap.sentence)).toEqual([
      '40 Year 10 pupils have not had a meaningful employer encounter this year; 16 school weeks left; planned: Year 10 ' +
        'employer day on Thu 14 May 2026 covers all of them.',
    ]);
    const digest = composeDigest(report, undefined);
    expect([...digest.topGaps, ...digest.otherGaps].some((gap) => gap.benchmark === '5')).toBe(false);
    expect(digestText(digest)).toContain(
      'Closed by the plan (if it happens):\n  40 Year 10 pupils have not had a meaningful employer encounter this year;',
    );
  });

  it('never count 1 to 4 pupils of a plan in the digest, which is posted in a channel', () => {
    const small = cohort('y10-', 10, 7, (i) => (i <= 3 ? '10A' : '10B'));
    const data = school()
      .people(...small)
      .activities(employerDay(['10A']))
      .build();
    const [gap] = at(findGaps(data, D, options), '5', 10);
    expect(gap!.sentence).toContain('covers 3 of 7; 4 still need a plan.');
    const digest = composeDigest(computeBenchmarkReport(data, D, options), undefined);
    const posted = digest.topGaps.find((g) => g.benchmark === '5' && g.yearGroup === 10)!.sentence;
    expect(posted).toContain('covers fewer than 5 of 7; fewer than 5 still need a plan.');
    expect(posted).not.toMatch(/\b[1-4]\b(?! May)/);
  });

  it('Benchmark 8: booked meetings are planned, and adviser days are for the pupils still unplanned', () => {
    const year11 = cohort('y11-', 11, 42);
    const booked = year11.slice(0, 12).map((p, i) => meeting(`m${i}`, p.id, '2026-04-20T10:00', 'booked'));
    const data = school()
      .people(...year11)
      .meetings(...booked)
      .build();
    const [gap] = at(findGaps(data, D, options), '8', 11);
    expect(gap).toMatchObject({ pupilsAffected: 30, planned: 12, adviserDaysNeeded: 5 });
    expect(gap!.sentence).toBe(
      '42 Year 11 pupils still need a guidance meeting; 16 school weeks left; planned: booked guidance meetings cover 12 of ' +
        '42; 30 still need a plan; at 6 meetings a day that is 5 adviser days.',
    );
  });

  it('provider access: a catch-up booked before the end of February is “delivered or booked”; one on 1 March is not', () => {
    const year9 = cohort('y9-', 9, 6);
    const heldInYear8 = palEncounter('pal1', '2025-03-10');
    const catchUp = (date: string): Activity => ({ ...palEncounter('pal2', date, { title: 'College taster' }), invitedYearGroups: [9] });
    const base = () => {
      const builder = school().people(...year9);
      builder.held(heldInYear8, ...year9.map((p) => p.id));
      return builder;
    };
    const asOf = '2026-02-02';
    const before = gapsToActOn({ asOf, gaps: findGaps(base().activities(catchUp('2026-02-26')).build(), asOf, options) });
    expect(before.gaps.filter((gap) => gap.benchmark === 'PAL')).toEqual([]);
    expect(before.planned.filter((gap) => gap.benchmark === 'PAL')).toHaveLength(1);
    const after = gapsToActOn({ asOf, gaps: findGaps(base().activities(catchUp('2026-03-01')).build(), asOf, options) });
    expect(after.gaps.filter((gap) => gap.benchmark === 'PAL').map((gap) => gap.pupilsAffected)).toEqual([6]);
  });
});

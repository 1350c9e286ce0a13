// The forecast (docs/benchmark-rules.md, "The plan and the forecast"): each row's rule as of the last day of
// the academic year, with every planned activity after D counted as attended by the pupils it is
// for and every booked meeting after D as completed. `planned` = met in the forecast but not on D.
import { describe, expect, it } from 'vitest';
import { evaluateBenchmarks } from '../../src/domain/benchmarks/evaluate';
import { computeBenchmarkReport } from '../../src/domain/benchmarks/report';
import type { BenchmarkId } from '../../src/domain/benchmarks/types';
import type { Activity, IsoDate, Meeting, Person, SchoolData } from '../../src/domain/school';
import { employerEncounter, findRow, meeting, palEncounter, providerEncounter, pupil, school, settings, workplace } from './fixtures';

const D = '2025-11-20'; // academic year 2025/26, whose last day is 2026-08-31

type Standing = 'met' | 'planned' | 'unplanned' | 'not counted';

function standing(data: SchoolData, benchmark: BenchmarkId, pupilId: string, asOf: IsoDate = D): Standing {
  for (const row of evaluateBenchmarks(data, asOf, settings()).rows.filter((r) => r.benchmark === benchmark)) {
    if (row.metIds.includes(pupilId)) return 'met';
    if (row.plannedIds.includes(pupilId)) return 'planned';
    if (row.unmetIds.includes(pupilId)) return 'unplanned';
  }
  return 'not counted';
}

/** A planned activity: no attendance, who it is for. */
const plannedFor = (activity: Activity, invited: { years?: number[]; forms?: string[] }): Activity => ({
  ...activity,
  ...(invited.years ? { invitedYearGroups: invited.years } : {}),
  ...(invited.forms ? { invitedForms: invited.forms } : {}),
});

function schoolOf(p: Person, activities: Activity[], options: { held?: Activity[]; meetings?: Meeting[] } = {}): SchoolData {
  const builder = school()
    .people(p)
    .activities(...activities);
  for (const activity of options.held ?? []) builder.held(activity, p.id);
  return builder.meetings(...(options.meetings ?? [])).build();
}

describe('the forecast: planned activities', () => {
  const y10 = pupil('p1', 10, { form: '10B' });

  it.each<[string, Activity, Standing]>([
    ['for the pupil’s year group, in May', plannedFor(employerEncounter('pl', '2026-05-14'), { years: [10] }), 'planned'],
    ['on the last day of the academic year (the deadline)', plannedFor(employerEncounter('pl', '2026-08-31'), { years: [10] }), 'planned'],
    ['the day after the deadline', plannedFor(employerEncounter('pl', '2026-09-01'), { years: [10] }), 'unplanned'],
    ['the day after D', plannedFor(employerEncounter('pl', '2025-11-21'), { years: [10] }), 'planned'],
    ['on D itself, attendance not taken', plannedFor(employerEncounter('pl', D), { years: [10] }), 'unplanned'],
    ['for the pupil’s form', plannedFor(employerEncounter('pl', '2026-05-14'), { forms: ['10B'] }), 'planned'],
    ['for the pupil’s form, spelt in lower case', plannedFor(employerEncounter('pl', '2026-05-14'), { forms: [' 10b '] }), 'planned'],
    ['for another form', plannedFor(employerEncounter('pl', '2026-05-14'), { forms: ['10A'] }), 'unplanned'],
    ['for another year group', plannedFor(employerEncounter('pl', '2026-05-14'), { years: [11] }), 'unplanned'],
    [
      'for another year group and the pupil’s form',
      plannedFor(employerEncounter('pl', '2026-05-14'), { years: [11], forms: ['10B'] }),
      'planned',
    ],
    ['not meaningful', plannedFor(employerEncounter('pl', '2026-05-14', { meaningful: false }), { years: [10] }), 'unplanned'],
    ['of another kind', plannedFor(workplace('pl', '2026-05-14'), { years: [10] }), 'unplanned'],
    ['after D but for nobody (a record the report ignores)', employerEncounter('pl', '2026-05-14'), 'unplanned'],
  ])('Benchmark 5, an employer encounter %s: %s', (_, activity, expected) => {
    expect(standing(schoolOf(y10, [activity]), '5', 'p1')).toBe(expected);
  });

  it('an activity held after D, with attendance, is still ignored on D unless it was planned for the pupil', () => {
    const heldLater = school().people(y10).held(employerEncounter('e1', '2026-01-10'), 'p1').build();
    expect(standing(heldLater, '5', 'p1')).toBe('unplanned');
    expect(standing(heldLater, '5', 'p1', '2026-01-10')).toBe('met');
  });

  it('never counts a planned activity as an encounter: the pupil is planned, not met, until it is held', () => {
    const data = schoolOf(y10, [plannedFor(employerEncounter('pl', '2026-05-14'), { years: [10] })]);
    expect(standing(data, '5', 'p1', '2026-05-14')).toBe('unplanned');
    expect(standing(school(data).attends('pl', 'p1').build(), '5', 'p1', '2026-05-14')).toBe('met');
  });

  it('a pupil already met stays met, not planned as well', () => {
    const data = schoolOf(y10, [plannedFor(employerEncounter('pl', '2026-05-14'), { years: [10] })], {
      held: [employerEncounter('e1', '2025-10-01')],
    });
    expect(standing(data, '5', 'p1')).toBe('met');
  });

  it.each<[string, Activity[], Standing]>([
    ['one held and one planned', [workplace('w1', '2025-07-01')], 'planned'],
    ['none held, one planned', [], 'unplanned'],
  ])('Benchmark 6 (two workplace experiences), %s: %s', (_, held, expected) => {
    const data = schoolOf(y10, [plannedFor(workplace('pl', '2026-06-20'), { years: [10] })], { held });
    expect(standing(data, '6', 'p1')).toBe(expected);
  });

  it('Benchmark 7 in Year 12: two planned university visits plan it; one does not', () => {
    const y12 = pupil('p1', 12, { consideringHigherEducation: true });
    const visit = (id: string) => plannedFor(providerEncounter(id, '2026-03-10', 'university'), { years: [12] });
    expect(standing(schoolOf(y12, [visit('u1'), visit('u2')]), '7', 'p1')).toBe('planned');
    expect(standing(schoolOf(y12, [visit('u1')]), '7', 'p1')).toBe('unplanned');
  });
});

describe('the forecast: Provider Access Legislation (“delivered or booked”)', () => {
  const y9 = pupil('p1', 9, { form: '9A' });
  const deliveredInYear8 = palEncounter('pal1', '2024-10-01');

  it.each<[string, IsoDate, IsoDate, Standing]>([
    ['before the end of February', D, '2026-02-27', 'planned'],
    ['on 28 February', D, '2026-02-28', 'planned'],
    ['on 1 March', D, '2026-03-01', 'unplanned'],
    ['on 29 February of a leap year', '2027-11-20', '2028-02-29', 'planned'],
    ['on 1 March of a leap year', '2027-11-20', '2028-03-01', 'unplanned'],
  ])('Year 9, one encounter delivered in Year 8, one planned %s', (_, asOf, plannedOn, expected) => {
    const yearsLater = Number(asOf.slice(0, 4)) - 2025;
    const heldInYear8 = palEncounter('pal1', `${2024 + yearsLater}-10-01`);
    const data = schoolOf(y9, [plannedFor(palEncounter('pal2', plannedOn), { years: [9] })], { held: [heldInYear8] });
    expect(standing(data, 'PAL', 'p1', asOf)).toBe(expected);
  });

  it('a planned sixth-form visit is no PAL encounter', () => {
    const sixthForm = plannedFor(providerEncounter('sf', '2026-02-10', 'sixth_form', { providerAccess: false }), { forms: ['9A'] });
    expect(standing(schoolOf(y9, [sixthForm], { held: [deliveredInYear8] }), 'PAL', 'p1')).toBe('unplanned');
  });
});

describe('the forecast: booked guidance meetings (Benchmark 8)', () => {
  const y11 = pupil('p1', 11);
  it.each<[string, Meeting, Standing]>([
    ['booked after D', meeting('m1', 'p1', '2026-01-14T10:00', 'booked'), 'planned'],
    ['booked on the last day of the year', meeting('m1', 'p1', '2026-08-31T09:00', 'booked'), 'planned'],
    ['booked after the year ends', meeting('m1', 'p1', '2026-09-02T10:00', 'booked'), 'unplanned'],
    ['booked on D (its outcome not yet recorded)', meeting('m1', 'p1', `${D}T15:00`, 'booked'), 'unplanned'],
    ['requested, not booked', meeting('m1', 'p1', '2026-01-14T10:00', 'requested'), 'unplanned'],
    ['cancelled', meeting('m1', 'p1', '2026-01-14T10:00', 'cancelled'), 'unplanned'],
    ['completed after D (a record the report ignores)', meeting('m1', 'p1', '2026-01-14T10:00', 'completed'), 'unplanned'],
  ])('Year 11, a meeting %s: %s', (_, booked, expected) => {
    expect(standing(schoolOf(y11, [], { meetings: [booked] }), '8', 'p1')).toBe(expected);
  });

  it(
    'Benchmark 3: a booked meeting does not fill in the notes an earlier meeting lacks, and does not unsettle a pupil who ' + 'meets it',
    () => {
      const blankNotes = meeting('m0', 'p1', '2025-10-01T10:00', 'completed', { advice: '' });
      const data = schoolOf(y11, [], { meetings: [blankNotes, meeting('m1', 'p1', '2026-01-14T10:00', 'booked')] });
      expect(standing(data, '3', 'p1')).toBe('unplanned');
      expect(standing(schoolOf(y11, [], { meetings: [meeting('m1', 'p1', '2026-01-14T10:00', 'booked')] }), '3', 'p1')).toBe('met');
    },
  );
});

describe('the forecast: leavers, and the counts', () => {
  it('someone leaving after D still counts, planned; someone who left on or before D counts nowhere', () => {
    const data = school()
      .people(pupil('stays', 10), pupil('leaves', 10, { leftOn: '2026-01-10' }), pupil('gone', 10, { leftOn: D }))
      .activities(plannedFor(employerEncounter('pl', '2026-05-14'), { years: [10] }))
      .build();
    const row = findRow(evaluateBenchmarks(data, D, settings()).rows, '5', 10);
    expect(row).toMatchObject({ met: 0, planned: 2, unplanned: 0, total: 2, plannedIds: ['stays', 'leaves'] });
  });

  it('reports planned and unplanned next to met and total, which always add up', () => {
    const data = school()
      .people(pupil('a', 10, { form: '10A' }), pupil('b', 10, { form: '10B' }), pupil('c', 10, { form: '10C' }), pupil('d', 11))
      .held(employerEncounter('e1', '2025-10-01'), 'a')
      .activities(plannedFor(employerEncounter('pl', '2026-05-14'), { forms: ['10A', '10B'] }))
      .meetings(meeting('m1', 'd', '2026-02-02T09:00', 'booked'))
      .build();
    const report = computeBenchmarkReport(data, D, settings());
    expect(report.rows.find((row) => row.benchmark === '5' && row.yearGroup === 10)).toEqual({
      benchmark: '5',
      yearGroup: 10,
      met: 1,
      planned: 1,
      unplanned: 1,
      total: 3,
    });
    expect(report.rows.find((row) => row.benchmark === '8' && row.yearGroup === 11)).toEqual({
      benchmark: '8',
      yearGroup: 11,
      met: 0,
      planned: 1,
      unplanned: 0,
      total: 1,
    });
    for (const row of report.rows) expect(row.met + row.planned + row.unplanned).toBe(row.total);
  });
});

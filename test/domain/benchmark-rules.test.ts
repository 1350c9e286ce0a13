// Every per-pupil rule of the report's definitions table, at its boundary dates.
import { describe, expect, it } from 'vitest';
import { evaluateBenchmarks } from '../../src/domain/benchmarks/evaluate';
import type { Activity } from '../../src/domain/school';
import {
  destination,
  employerEncounter,
  findRow,
  lmi,
  meeting,
  meets,
  providerEncounter,
  pupil,
  school,
  settings,
  workplace,
} from './fixtures';

const AS_OF = '2026-03-01'; // academic year 2025/26

/** A one-pupil school in which the pupil attended each activity given. */
function onePupil(yearGroup: number, activities: Activity[], extra: Parameters<typeof pupil>[2] = {}) {
  const builder = school().people(pupil('p1', yearGroup, extra));
  for (const activity of activities) builder.held(activity, 'p1');
  return builder;
}

describe('Benchmark 2: labour-market information in the current Key Stage', () => {
  it.each([
    // year group, activity date, as-of date, met
    [9, '2025-09-01', AS_OF, true],
    [9, '2023-09-01', AS_OF, true], // first day of Year 7
    [9, '2023-08-31', AS_OF, false], // last day of Year 6
    [10, '2025-08-31', AS_OF, false], // Year 9: Key Stage 3
    [10, '2025-09-01', AS_OF, true],
    [12, '2025-08-31', AS_OF, false],
    [13, '2024-09-01', AS_OF, true],
    [9, AS_OF, AS_OF, true], // a record dated on the as-of date counts
    [9, '2026-03-02', AS_OF, false], // after it, ignored
    [11, '2026-08-31', '2026-08-31', true],
  ])('Year %i, information on %s, report as of %s: met %s', (yearGroup, date, asOf, expected) => {
    const data = onePupil(yearGroup, [lmi('a1', date)]).build();
    expect(meets(data, asOf, '2', 'p1')).toBe(expected);
  });

  it('on 1 September a re-imported roster moves a pupil into the next Key Stage', () => {
    // On 2026-09-01 a Year 10 pupil was in Year 9 (Key Stage 3) on 2026-08-31.
    const data = onePupil(10, [lmi('a1', '2026-08-31')]).build();
    expect(meets(data, '2026-09-01', '2', 'p1')).toBe(false);
    expect(meets(data, '2026-08-31', '2', 'p1')).toBe(true); // as of 31 Aug the same roster value is Year 10 then
  });
});

describe('Benchmark 3: guidance records and intended destinations', () => {
  it.each([
    ['no meetings at all', [], true],
    ['a completed meeting with notes', [meeting('m1', 'p1', '2025-10-01T09:00')], true],
    ['blank advice', [meeting('m1', 'p1', '2025-10-01T09:00', 'completed', { advice: '' })], false],
    ['spaces for agreed actions', [meeting('m1', 'p1', '2025-10-01T09:00', 'completed', { agreedActions: '  ' })], false],
    ['a blank one years ago', [meeting('m1', 'p1', '2022-10-01T09:00', 'completed', { advice: '' })], false],
    ['a cancelled meeting without notes', [meeting('m1', 'p1', '2025-10-01T09:00', 'cancelled', { advice: '' })], true],
    ['a blank completed meeting dated after the as-of date', [meeting('m1', 'p1', '2026-03-02T09:00', 'completed', { advice: '' })], true],
    ['a blank completed meeting late on the as-of date', [meeting('m1', 'p1', '2026-03-01T23:30', 'completed', { advice: '' })], false],
  ])('Year 9 with %s: met %s', (_, meetings, expected) => {
    const data = onePupil(9, [])
      .meetings(...meetings)
      .build();
    expect(meets(data, AS_OF, '3', 'p1')).toBe(expected);
  });

  it.each([
    // year group, as-of date, intended destination dated, met
    [11, '2025-12-31', undefined, true], // not yet due
    [11, '2026-01-01', undefined, false], // due from 1 January in A
    [13, '2026-01-01', undefined, false],
    [10, '2026-01-01', undefined, true], // only Years 11 and 13
    [12, '2026-06-01', undefined, true],
    [11, '2026-01-01', '2026-01-01', true],
    [11, '2026-01-01', '2026-01-02', false], // recorded after the as-of date
    [11, '2026-08-31', '2025-06-01', true], // recorded in an earlier year still counts
    [11, '2026-09-01', undefined, true], // a new academic year: due again from 1 January 2027
  ])('Year %i as of %s with an intended destination dated %s: met %s', (yearGroup, asOf, dated, expected) => {
    const builder = onePupil(yearGroup, []);
    if (dated) builder.destinations(destination('p1', 'intended', dated));
    expect(meets(builder.build(), asOf, '3', 'p1')).toBe(expected);
  });

  it('needs an intended destination, not an aspiration or an actual one', () => {
    const data = onePupil(11, [])
      .destinations(destination('p1', 'aspiration', '2025-10-01'), destination('p1', 'actual', '2025-10-01'))
      .build();
    expect(meets(data, '2026-01-01', '3', 'p1')).toBe(false);
  });

  it('needs both parts in Year 11 after 1 January', () => {
    const data = onePupil(11, [])
      .destinations(destination('p1', 'intended', '2025-12-01'))
      .meetings(meeting('m1', 'p1', '2025-11-01T09:00', 'completed', { agreedActions: '' }))
      .build();
    expect(meets(data, '2026-01-01', '3', 'p1')).toBe(false);
  });
});

describe('Benchmark 5: a meaningful employer encounter this academic year', () => {
  it.each([
    ['2025-09-01', AS_OF, {}, true],
    ['2025-08-31', AS_OF, {}, false], // last academic year
    [AS_OF, AS_OF, {}, true],
    ['2026-03-02', AS_OF, {}, false],
    ['2025-10-01', AS_OF, { meaningful: false }, false],
    ['2025-09-01', '2026-08-31', {}, true],
    ['2026-08-31', '2026-09-01', {}, false],
    ['2026-09-01', '2026-09-01', {}, true],
  ] as const)('encounter on %s, as of %s (%o): met %s', (date, asOf, extra, expected) => {
    const data = onePupil(8, [employerEncounter('a1', date, extra)]).build();
    expect(meets(data, asOf, '5', 'p1')).toBe(expected);
  });

  it('does not count other kinds of activity', () => {
    const data = onePupil(8, [workplace('a1', '2025-10-01'), lmi('a2', '2025-10-01')]).build();
    expect(meets(data, AS_OF, '5', 'p1')).toBe(false);
  });
});

describe('Benchmark 6: meaningful workplace experience', () => {
  it.each([
    ['two on the same day', [workplace('a1', '2025-06-01'), workplace('a2', '2025-06-01')], true],
    ['one', [workplace('a1', '2025-06-01')], false],
    ['one meaningful, one not', [workplace('a1', '2025-06-01'), workplace('a2', '2025-07-01', { meaningful: false })], false],
    ['two, one of them years ago', [workplace('a1', '2022-06-01'), workplace('a2', '2025-07-01')], true],
    ['two, the second tomorrow', [workplace('a1', '2025-06-01'), workplace('a2', '2026-03-02')], false],
    [
      'a workplace and an employer encounter (part-time job)',
      [workplace('a1', '2025-06-01'), employerEncounter('a2', '2025-07-01')],
      false,
    ],
  ])('Year 10 with %s: met %s', (_, activities, expected) => {
    expect(meets(onePupil(10, activities).build(), AS_OF, '6', 'p1')).toBe(expected);
  });

  it('counts the same activity once even if attendance repeats', () => {
    const data = onePupil(11, [workplace('a1', '2025-06-01')])
      .attends('a1', 'p1')
      .build();
    expect(meets(data, AS_OF, '6', 'p1')).toBe(false);
  });

  it.each([
    // Year 13 in 2025/26 was in Year 12 from 1 Sep 2024.
    [13, '2024-08-31', false],
    [13, '2024-09-01', true],
    [12, '2025-08-31', false],
    [12, '2025-09-01', true],
    [12, AS_OF, true],
  ])('Year %i with one workplace experience on %s: met %s', (yearGroup, date, expected) => {
    expect(meets(onePupil(yearGroup, [workplace('a1', date)]).build(), AS_OF, '6', 'p1')).toBe(expected);
  });

  it('needs it to be meaningful in the sixth form too', () => {
    expect(meets(onePupil(13, [workplace('a1', '2025-10-01', { meaningful: false })]).build(), AS_OF, '6', 'p1')).toBe(false);
  });

  it('has no Benchmark 6 row for Years 7-9', () => {
    const rows = evaluateBenchmarks(onePupil(9, []).build(), AS_OF, settings()).rows;
    expect(findRow(rows, '6', 9)).toBeUndefined();
  });
});

describe('Benchmark 7: provider encounters', () => {
  const allFour = (extra = {}) => [
    providerEncounter('a1', '2024-06-01', 'sixth_form'),
    providerEncounter('a2', '2025-06-01', 'further_education_college'),
    providerEncounter('a3', '2025-10-01', 'university'),
    providerEncounter('a4', '2026-01-10', 'independent_training_provider', extra),
  ];

  it.each([
    ['all four types', allFour(), true],
    ['three types', allFour().slice(0, 3), false],
    ['all four, one not meaningful', allFour({ meaningful: false }), false],
    [
      'all four, one after the as-of date',
      [...allFour().slice(0, 3), providerEncounter('a4', '2026-03-02', 'independent_training_provider')],
      false,
    ],
  ])('Year 11 with %s: met %s', (_, activities, expected) => {
    expect(meets(onePupil(11, activities).build(), AS_OF, '7', 'p1')).toBe(expected);
  });

  it.each([
    ['two university visits in Year 12', ['2024-10-01', '2025-03-01'], true],
    ['two on the same day in Year 13', ['2025-10-01', '2025-10-01'], true],
    ['one in Year 11, one in Year 12', ['2024-08-31', '2024-09-01'], false],
    ['one', ['2025-10-01'], false],
  ])('Year 13 considering higher education with %s: met %s', (_, dates, expected) => {
    const visits = dates.map((date, i) => providerEncounter(`u${i}`, date, 'university'));
    expect(meets(onePupil(13, visits, { consideringHigherEducation: true }).build(), AS_OF, '7', 'p1')).toBe(expected);
  });

  it('does not count a non-meaningful university visit or another provider type in the sixth form', () => {
    const visits = [
      providerEncounter('u1', '2025-10-01', 'university'),
      providerEncounter('u2', '2025-11-01', 'university', { meaningful: false }),
      providerEncounter('u3', '2025-12-01', 'further_education_college'),
    ];
    expect(meets(onePupil(12, visits, { consideringHigherEducation: true }).build(), AS_OF, '7', 'p1')).toBe(false);
  });

  it('counts only pupils considering higher education in Years 12-13, and leaves the row out when there are none', () => {
    const data = school()
      .people(
        pupil('he1', 12, { consideringHigherEducation: true }),
        pupil('he2', 12, { consideringHigherEducation: true }),
        pupil('no1', 12),
        pupil('no2', 13),
      )
      .held(providerEncounter('u1', '2025-10-01', 'university'), 'he1', 'no1')
      .held(providerEncounter('u2', '2025-11-01', 'university'), 'he1', 'no1')
      .build();
    const rows = evaluateBenchmarks(data, AS_OF, settings()).rows;
    expect(findRow(rows, '7', 12)).toMatchObject({ met: 1, total: 2, metIds: ['he1'], unmetIds: ['he2'] });
    expect(findRow(rows, '7', 13)).toBeUndefined();
    expect(findRow(rows, '5', 13)).toMatchObject({ total: 1 });
  });
});

describe('Benchmark 8: personal guidance meetings', () => {
  it.each([
    // year group, meeting, met (undefined: no row for that year group)
    [11, meeting('m1', 'p1', '2023-05-01T09:00'), true], // at any time
    [11, meeting('m1', 'p1', '2026-03-01T16:45'), true], // on the as-of date
    [11, meeting('m1', 'p1', '2026-03-02T09:00'), false], // the day after
    [11, meeting('m1', 'p1', '2025-10-01T09:00', 'booked'), false],
    [11, meeting('m1', 'p1', '2025-10-01T09:00', 'missed'), false],
    [11, meeting('m1', 'p1', '2025-10-01T09:00', 'completed', { advice: '' }), true], // notes are Benchmark 3's business
    [13, meeting('m1', 'p1', '2024-08-31T09:00'), false], // Year 11
    [13, meeting('m1', 'p1', '2024-09-01T09:00'), true], // Year 12
    [12, meeting('m1', 'p1', '2025-10-01T09:00'), undefined],
    [10, meeting('m1', 'p1', '2025-10-01T09:00'), undefined],
  ])('Year %i with %o: met %s', (yearGroup, held, expected) => {
    const data = onePupil(yearGroup, []).meetings(held).build();
    expect(meets(data, AS_OF, '8', 'p1')).toBe(expected);
  });

  it('ignores meetings of other pupils', () => {
    const data = school()
      .people(pupil('p1', 11), pupil('p2', 11))
      .meetings(meeting('m1', 'p2', '2025-10-01T09:00'))
      .build();
    expect(meets(data, AS_OF, '8', 'p1')).toBe(false);
    expect(meets(data, AS_OF, '8', 'p2')).toBe(true);
  });
});

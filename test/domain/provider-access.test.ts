// Provider Access Legislation: two encounters per key phase, with the end-of-February cut-off.
import { describe, expect, it } from 'vitest';
import { evaluateBenchmarks } from '../../src/domain/benchmarks/evaluate';
import { providerAccessWindowCloses } from '../../src/domain/benchmarks/provider-access';
import { findRow, meets, palEncounter, providerEncounter, pupil, school, settings } from './fixtures';

/** A pupil in `yearGroup` who attended one PAL encounter on `earlier` and one on `date`. */
function withSecondEncounterOn(yearGroup: number, date: string, earlier: string) {
  return school().people(pupil('p1', yearGroup)).held(palEncounter('a1', earlier), 'p1').held(palEncounter('a2', date), 'p1').build();
}

describe('PAL phase windows', () => {
  it.each([
    // year group, as-of date, earlier encounter, second encounter, met
    // Leap year 2024: a Year 9 pupil in 2023/24 was in Year 8 in 2022/23.
    [9, '2024-06-01', '2022-10-01', '2024-02-28', true],
    [9, '2024-06-01', '2022-10-01', '2024-02-29', true], // 29 February counts in a leap year
    [9, '2024-06-01', '2022-10-01', '2024-03-01', false],
    // Non-leap 2026.
    [9, '2026-06-01', '2024-10-01', '2026-02-28', true],
    [9, '2026-06-01', '2024-10-01', '2026-03-01', false],
    [9, '2026-06-01', '2024-08-31', '2026-01-10', false], // Year 7 does not count
    [9, '2026-06-01', '2024-09-01', '2025-08-31', true], // any time in Year 8
    [9, '2026-06-01', '2025-09-01', '2026-01-10', true], // both in Year 9, before March
    [11, '2026-06-01', '2024-09-01', '2026-02-28', true], // phase 2: Year 10 and Year 11 to February
    [11, '2026-06-01', '2024-08-31', '2026-02-28', false], // Year 9 does not count for phase 2
    [13, '2026-06-01', '2024-09-01', '2026-02-28', true], // phase 3
    [13, '2026-06-01', '2024-09-01', '2026-03-01', false],
    [8, '2026-06-01', '2025-09-01', '2026-06-01', true], // Year 8: the whole year, up to the as-of date
    [8, '2026-06-01', '2025-09-01', '2026-06-02', false],
    [10, '2026-08-31', '2025-09-01', '2026-08-31', true],
  ])('Year %i as of %s, encounters %s and %s: met %s', (yearGroup, asOf, earlier, second, expected) => {
    expect(meets(withSecondEncounterOn(yearGroup, second, earlier), asOf, 'PAL', 'p1')).toBe(expected);
  });

  it.each([
    ['a sixth-form encounter', providerEncounter('a2', '2025-10-01', 'sixth_form', { providerAccess: true })],
    ['a university encounter', providerEncounter('a2', '2025-10-01', 'university', { providerAccess: true })],
    ['an FE encounter not flagged for provider access', providerEncounter('a2', '2025-10-01', 'further_education_college')],
  ])('does not count %s', (_, second) => {
    const data = school().people(pupil('p1', 9)).held(palEncounter('a1', '2025-09-10'), 'p1').held(second, 'p1').build();
    expect(meets(data, '2026-01-15', 'PAL', 'p1')).toBe(false);
  });

  it('counts a training provider, meaningful or not', () => {
    const data = school()
      .people(pupil('p1', 10))
      .held(palEncounter('a1', '2025-09-10', { meaningful: true }), 'p1')
      .held(providerEncounter('a2', '2025-10-01', 'independent_training_provider', { providerAccess: true, meaningful: false }), 'p1')
      .build();
    expect(meets(data, '2026-01-15', 'PAL', 'p1')).toBe(true);
  });

  it('has rows for Years 8-13 only', () => {
    const data = school().people(pupil('p7', 7), pupil('p8', 8), pupil('p13', 13)).build();
    const rows = evaluateBenchmarks(data, '2026-01-15', settings()).rows.filter((row) => row.benchmark === 'PAL');
    expect(rows.map((row) => row.yearGroup)).toEqual([8, 13]);
  });

  it('counts attendance per pupil', () => {
    const data = school()
      .people(pupil('p1', 9), pupil('p2', 9))
      .held(palEncounter('a1', '2025-09-10'), 'p1', 'p2')
      .held(palEncounter('a2', '2025-10-10'), 'p1')
      .build();
    expect(findRow(evaluateBenchmarks(data, '2026-01-15', settings()).rows, 'PAL', 9)).toMatchObject({
      met: 1,
      total: 2,
      metIds: ['p1'],
      unmetIds: ['p2'],
    });
  });

  it.each([
    [9, '2026-01-15', '2026-02-28'],
    [8, '2026-01-15', '2027-02-28'],
    [11, '2027-10-01', '2028-02-29'],
    [7, '2026-01-15', undefined],
  ])('the window for Year %i as of %s closes on %s', (yearGroup, asOf, expected) => {
    expect(providerAccessWindowCloses(yearGroup, asOf)).toBe(expected);
  });
});

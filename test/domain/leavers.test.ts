// A leaver counts in no row, gap or list from the day they leave (docs/benchmark-rules.md, "Leavers";
// `total` is the pupils on roll on D).
import { describe, expect, it } from 'vitest';
import { curriculumCoverage } from '../../src/domain/benchmarks/curriculum-coverage';
import { evaluateBenchmarks } from '../../src/domain/benchmarks/evaluate';
import { computeBenchmarkReport } from '../../src/domain/benchmarks/report';
import { onRollOn, type SchoolData } from '../../src/domain/school';
import { destination, employerEncounter, findRow, lmi, meeting, pupil, school, settings, teacher } from './fixtures';

const AS_OF = '2026-03-01';

describe('onRollOn', () => {
  it.each([
    { leftOn: undefined, on: AS_OF, onRoll: true, why: 'never left' },
    { leftOn: '2026-03-02', on: AS_OF, onRoll: true, why: 'leaves the day after D' },
    { leftOn: '2026-03-01', on: AS_OF, onRoll: false, why: 'leaves on D itself' },
    { leftOn: '2025-07-20', on: AS_OF, onRoll: false, why: 'left last summer' },
  ])('$why: on roll is $onRoll', ({ leftOn, on, onRoll }) => {
    expect(onRollOn(leftOn === undefined ? {} : { leftOn }, on)).toBe(onRoll);
  });
});

describe('the report counts only pupils on roll on D', () => {
  // Two Year 9 pupils met Benchmark 5 and 2; p3 never did. Only when each leaves changes.
  const base = (leftOn: string | undefined): SchoolData =>
    school()
      .people(pupil('p1', 9), pupil('p2', 9, leftOn === undefined ? {} : { leftOn }), pupil('p3', 9))
      .held(employerEncounter('e1', '2025-10-01'), 'p1', 'p2')
      .held(lmi('l1', '2025-11-01'), 'p2')
      .build();

  it.each([
    { leftOn: undefined, bm5: { met: 2, planned: 0, unplanned: 1, total: 3 }, bm2: { met: 1, planned: 0, unplanned: 2, total: 3 } },
    { leftOn: '2026-03-02', bm5: { met: 2, planned: 0, unplanned: 1, total: 3 }, bm2: { met: 1, planned: 0, unplanned: 2, total: 3 } },
    { leftOn: '2026-03-01', bm5: { met: 1, planned: 0, unplanned: 1, total: 2 }, bm2: { met: 0, planned: 0, unplanned: 2, total: 2 } },
    { leftOn: '2025-12-15', bm5: { met: 1, planned: 0, unplanned: 1, total: 2 }, bm2: { met: 0, planned: 0, unplanned: 2, total: 2 } },
  ])('p2 left on $leftOn: BM5 $bm5.met/$bm5.total, BM2 $bm2.met/$bm2.total', ({ leftOn, bm5, bm2 }) => {
    const rows = computeBenchmarkReport(base(leftOn), AS_OF, settings()).rows;
    expect(rows.find((row) => row.benchmark === '5' && row.yearGroup === 9)).toEqual({ benchmark: '5', yearGroup: 9, ...bm5 });
    expect(rows.find((row) => row.benchmark === '2' && row.yearGroup === 9)).toEqual({ benchmark: '2', yearGroup: 9, ...bm2 });
  });

  it('leaves out a row whose only pupils have left, and names no leaver in any row or gap', () => {
    const data = school()
      .people(pupil('stay', 11), pupil('gone13', 13, { leftOn: '2025-07-18' }), pupil('gone11', 11, { leftOn: '2026-02-01' }))
      .meetings(meeting('m1', 'gone11', '2025-12-01T10:00', 'completed', { advice: '', agreedActions: '' }))
      .destinations(destination('gone11', 'actual', '2026-02-10', 'Apprenticeship'))
      .build();
    const evaluation = evaluateBenchmarks(data, AS_OF, settings());
    expect(evaluation.rows.filter((row) => row.yearGroup === 13)).toEqual([]);
    expect(findRow(evaluation.rows, '8', 11)).toMatchObject({ met: 0, total: 1, unmetIds: ['stay'] });
    const report = computeBenchmarkReport(data, AS_OF, settings());
    const named = JSON.stringify([evaluation.rows.map((row) => [row.metIds, row.unmetIds]), report.gaps]);
    expect(named).not.toContain('gone');
  });

  it('gives a report for next year’s roster equal to one computed on the new roster alone', () => {
    const history = school()
      .people(
        pupil('y13a', 13, { leftOn: '2026-08-31' }),
        pupil('y13b', 13, { leftOn: '2026-08-31' }),
        pupil('now12', 12),
        pupil('new7', 7),
        teacher('t1', ['Science']),
      )
      .curriculum('Science', 7, 12, 13)
      .held(employerEncounter('e1', '2025-10-01'), 'y13a', 'y13b', 'now12')
      .held(employerEncounter('e2', '2026-09-20'), 'now12', 'y13a')
      .held(lmi('l1', '2026-10-01'), 'new7')
      .link('k1', '2026-09-30', 't1', 'Science', 12)
      .destinations(destination('y13a', 'actual', '2026-09-15', 'University of Leeds'))
      .build();
    const newRosterAlone: SchoolData = { ...history, people: history.people.filter((person) => person.leftOn === undefined) };
    for (const asOf of ['2026-10-05', '2027-03-01']) {
      expect(computeBenchmarkReport(history, asOf, settings())).toEqual(computeBenchmarkReport(newRosterAlone, asOf, settings()));
    }
    // The year before, they were on roll and counted.
    expect(findRow(evaluateBenchmarks(history, '2026-03-01', settings()).rows, '5', 13)).toMatchObject({ met: 2, total: 2 });
  });

  it('asks no former teacher for curriculum links', () => {
    const data = school()
      .people(teacher('here', ['Science']), teacher('gone', ['History'], { leftOn: '2026-01-05' }))
      .curriculum('Science', 9)
      .build();
    expect(curriculumCoverage(data, AS_OF).teachersWithoutLinks.map((entry) => entry.teacherId)).toEqual(['here']);
    expect(curriculumCoverage(data, '2025-12-01').teachersWithoutLinks.map((entry) => entry.teacherId)).toEqual(['here', 'gone']);
  });
});

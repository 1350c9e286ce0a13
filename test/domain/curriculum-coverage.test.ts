// Benchmark 4: the subject x year-group grid shared by the report and the teacher coverage card.
import { describe, expect, it } from 'vitest';
import { curriculumCoverage } from '../../src/domain/benchmarks/curriculum-coverage';
import { evaluateBenchmarks } from '../../src/domain/benchmarks/evaluate';
import { findRow, pupil, school, settings, teacher } from './fixtures';

const AS_OF = '2026-03-01';

describe('curriculumCoverage', () => {
  it.each([
    ['dated in the academic year', '2025-09-01', 'Mathematics', 1],
    ['dated on the as-of date', AS_OF, 'Mathematics', 1],
    ['dated last academic year', '2025-08-31', 'Mathematics', 0],
    ['dated after the as-of date', '2026-03-02', 'Mathematics', 0],
    ['with different case and spaces', '2025-10-01', '  mATHEMATICS ', 1],
    ['for another subject', '2025-10-01', 'Maths', 0],
  ])('counts a link %s: %i', (_, date, subject, expected) => {
    const data = school().curriculum('Mathematics', 9).link('l1', date, 't1', subject, 9).build();
    expect(curriculumCoverage(data, AS_OF).subjects).toEqual([
      { subject: 'Mathematics', key: 'mathematics', cells: [{ yearGroup: 9, links: expected }] },
    ]);
  });

  it('builds the grid, its gaps, and the teachers who have logged nothing this year', () => {
    const data = school()
      .people(teacher('t1', ['Mathematics']), teacher('t2', ['Art']), teacher('t3', ['History']), teacher('t4', []), pupil('p1', 9))
      .curriculum('Mathematics', 7, 8, 9)
      .curriculum(' Art ', 7)
      .curriculum('Computing', 10, 11)
      .link('l1', '2025-10-01', 't1', 'Mathematics', 7)
      .link('l2', '2025-11-01', 't1', 'mathematics', 7)
      .link('l3', '2025-11-01', 't1', 'Mathematics', 9)
      .link('l4', '2025-12-01', 't3', 'History', 9) // not on the curriculum: kept, not counted
      .link('l5', '2025-06-01', 't2', 'Art', 7) // last year
      .build();

    const coverage = curriculumCoverage(data, AS_OF);
    expect(coverage.academicYear.label).toBe('2025/26');
    expect(coverage.subjects).toEqual([
      {
        subject: 'Mathematics',
        key: 'mathematics',
        cells: [
          { yearGroup: 7, links: 2 },
          { yearGroup: 8, links: 0 },
          { yearGroup: 9, links: 1 },
        ],
      },
      { subject: 'Art', key: 'art', cells: [{ yearGroup: 7, links: 0 }] },
      {
        subject: 'Computing',
        key: 'computing',
        cells: [
          { yearGroup: 10, links: 0 },
          { yearGroup: 11, links: 0 },
        ],
      },
    ]);
    expect(coverage.gaps).toEqual([
      { subject: 'Art', key: 'art', yearGroup: 7 },
      { subject: 'Mathematics', key: 'mathematics', yearGroup: 8 },
      { subject: 'Computing', key: 'computing', yearGroup: 10 },
      { subject: 'Computing', key: 'computing', yearGroup: 11 },
    ]);
    expect(coverage.linksOutsideCurriculum).toBe(1);
    expect(coverage.teachersWithoutLinks).toEqual([{ teacherId: 't2', name: 'Teacher t2', subjects: ['Art'] }]);
  });

  it('merges subjects listed twice with different spelling', () => {
    const data = school().curriculum('Drama', 7).curriculum('drama ', 8).link('l1', '2025-10-01', 't1', 'DRAMA', 8).build();
    expect(curriculumCoverage(data, AS_OF).subjects).toEqual([
      {
        subject: 'Drama',
        key: 'drama',
        cells: [
          { yearGroup: 7, links: 0 },
          { yearGroup: 8, links: 1 },
        ],
      },
    ]);
  });
});

describe('Benchmark 4 rows', () => {
  it('count subjects per year group, naming those without a link, and leave out year groups with none', () => {
    const data = school()
      .people(pupil('p1', 7))
      .curriculum('Mathematics', 7, 8)
      .curriculum('Art', 7)
      .link('l1', '2025-10-01', 't1', 'Mathematics', 7)
      .build();
    const rows = evaluateBenchmarks(data, AS_OF, settings()).rows.filter((row) => row.benchmark === '4');
    expect(rows).toEqual([
      {
        benchmark: '4',
        yearGroup: 7,
        met: 1,
        planned: 0,
        unplanned: 1,
        total: 2,
        metIds: ['Mathematics'],
        unmetIds: ['Art'],
        plannedIds: [],
      },
      { benchmark: '4', yearGroup: 8, met: 0, planned: 0, unplanned: 1, total: 1, metIds: [], unmetIds: ['Mathematics'], plannedIds: [] },
    ]);
    expect(findRow(rows, '4', 9)).toBeUndefined();
  });
});

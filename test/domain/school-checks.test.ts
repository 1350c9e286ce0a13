// Benchmark 1: one school-level row per check.
import { describe, expect, it } from 'vitest';
import { evaluateBenchmarks } from '../../src/domain/benchmarks/evaluate';
import { passesSchoolCheck } from '../../src/domain/benchmarks/school-checks';
import type { SchoolCheckId } from '../../src/domain/benchmarks/types';
import { emptySchoolData } from '../../src/domain/school';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { settings } from './fixtures';

const AS_OF = '2026-03-01';

describe('Benchmark 1 checks', () => {
  it.each<[SchoolCheckId, Parameters<typeof settings>[0], boolean]>([
    ['programme_published', {}, true],
    ['programme_published', { programmeUrl: '  ' }, false],
    ['programme_published', { programmeUrl: undefined }, false],
    ['careers_leader_named', {}, true],
    ['careers_leader_named', { careersLeader: { name: 'Sam', email: 'sam@school.example' } }, false],
    ['careers_leader_named', { careersLeader: { name: ' ', email: 'sam@school.example', phone: '0161' } }, false],
    ['policy_review_current', { policyReviewDate: AS_OF }, true], // due today: not yet passed
    ['policy_review_current', { policyReviewDate: '2026-02-28' }, false],
    ['policy_review_current', { policyReviewDate: undefined }, false],
    ['programme_evaluated', { lastEvaluatedDate: '2025-09-01' }, true],
    ['programme_evaluated', { lastEvaluatedDate: AS_OF }, true],
    ['programme_evaluated', { lastEvaluatedDate: '2025-08-31' }, false], // last academic year
    ['programme_evaluated', { lastEvaluatedDate: '2026-03-02' }, false], // after the as-of date
    ['programme_evaluated', {}, false],
  ])('%s with %o passes: %s', (check, overrides, expected) => {
    expect(passesSchoolCheck(check, settings(overrides), AS_OF)).toBe(expected);
  });

  it('are four school-level rows, first in the report, even with no pupils', () => {
    const rows = evaluateBenchmarks(emptySchoolData(), AS_OF, settings({ lastEvaluatedDate: '2025-10-01' })).rows;
    expect(rows).toEqual([
      {
        benchmark: '1',
        yearGroup: null,
        met: 1,
        planned: 0,
        unplanned: 0,
        total: 1,
        check: 'programme_published',
        metIds: [],
        unmetIds: [],
        plannedIds: [],
      },
      {
        benchmark: '1',
        yearGroup: null,
        met: 1,
        planned: 0,
        unplanned: 0,
        total: 1,
        check: 'careers_leader_named',
        metIds: [],
        unmetIds: [],
        plannedIds: [],
      },
      {
        benchmark: '1',
        yearGroup: null,
        met: 1,
        planned: 0,
        unplanned: 0,
        total: 1,
        check: 'policy_review_current',
        metIds: [],
        unmetIds: [],
        plannedIds: [],
      },
      {
        benchmark: '1',
        yearGroup: null,
        met: 1,
        planned: 0,
        unplanned: 0,
        total: 1,
        check: 'programme_evaluated',
        metIds: [],
        unmetIds: [],
        plannedIds: [],
      },
    ]);
    const unset = evaluateBenchmarks(emptySchoolData(), AS_OF, defaultSchoolSettings()).rows;
    expect(unset.map((row) => row.met)).toEqual([0, 0, 0, 0]);
  });
});

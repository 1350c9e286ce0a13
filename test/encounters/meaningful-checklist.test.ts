import { describe, expect, it } from 'vitest';
import { assessMeaningful, MEANINGFUL_CRITERIA, verdictOf } from '../../src/domain/meaningful-checklist';
import { ACTIVITY_KINDS } from '../../src/domain/school';

const all = (kind: keyof typeof MEANINGFUL_CRITERIA) => MEANINGFUL_CRITERIA[kind].map((criterion) => criterion.id);

describe('the “meaningful” checklist', () => {
  it('asks the gap rules’ criteria for each kind: workplace and provider add to the employer ones', () => {
    expect(all('employer_encounter')).toEqual(['purpose', 'outcomes', 'interaction', 'reflection']);
    expect(all('workplace_experience')).toEqual([
      'purpose',
      'outcomes',
      'interaction',
      'reflection',
      'employees',
      'range_of_people',
      'employer_task',
      'employer_feedback',
    ]);
    expect(all('provider_encounter')).toEqual([
      'purpose',
      'outcomes',
      'interaction',
      'reflection',
      'provider_information',
      'learning_experience',
    ]);
    expect(all('labour_market_information')).toEqual([]);
  });

  it.each([
    ['employer_encounter', 'Counts for Benchmark 5'],
    ['workplace_experience', 'Counts for Benchmark 6'],
    ['provider_encounter', 'Counts for Benchmark 7'],
  ] as const)('derives meaningful for a %s with every point ticked', (kind, verdict) => {
    const assessment = assessMeaningful({ kind, ticked: all(kind) });
    expect(assessment).toMatchObject({ kind, meaningful: true, missing: [], verdict });
    expect(assessment.checklist).toEqual(all(kind));
  });

  it('says which point is missing when one is not ticked', () => {
    const assessment = assessMeaningful({ kind: 'employer_encounter', ticked: ['purpose', 'outcomes', 'interaction'] });
    expect(assessment.meaningful).toBe(false);
    expect(assessment.verdict).toBe('Does not count: no time to reflect');
    const two = assessMeaningful({ kind: 'workplace_experience', ticked: all('employer_encounter') });
    expect(two.verdict).toBe(
      'Does not count: too little interaction with employees, no range of people met, no task set by the employer and no ' +
        'feedback from the employer',
    );
  });

  it('ignores ticks that do not belong to the kind, in whatever order they come', () => {
    const assessment = assessMeaningful({
      kind: 'employer_encounter',
      ticked: ['reflection', 'employer_task', 'purpose', 'outcomes', 'interaction', 'nonsense'],
    });
    expect(assessment.meaningful).toBe(true);
    expect(assessment.checklist).toEqual(['purpose', 'outcomes', 'interaction', 'reflection']);
  });

  it('records a part-time job as an employer encounter: it can count for Benchmark 5, never Benchmark 6', () => {
    const job = assessMeaningful({ kind: 'workplace_experience', ticked: all('workplace_experience'), partTimeJob: true });
    expect(job.kind).toBe('employer_encounter');
    expect(job.meaningful).toBe(true);
    expect(job.verdict).toBe('Counts for Benchmark 5 (a part-time job never counts for Benchmark 6)');
    expect(assessMeaningful({ kind: 'workplace_experience', ticked: all('employer_encounter'), partTimeJob: true }).meaningful).toBe(true);
    // The flag means nothing for other kinds.
    expect(assessMeaningful({ kind: 'provider_encounter', ticked: [], partTimeJob: true }).kind).toBe('provider_encounter');
  });

  it('counts labour-market information for Benchmark 2 with nothing to tick, and leaves meaningful unset as the school files do', () => {
    expect(assessMeaningful({ kind: 'labour_market_information', ticked: ['purpose'] })).toMatchObject({
      meaningful: false,
      checklist: [],
      verdict: 'Counts for Benchmark 2',
    });
  });

  it('keeps the Provider Access Legislation apart from meaningful', () => {
    expect(assessMeaningful({ kind: 'provider_encounter', ticked: all('provider_encounter'), providerAccess: true }).verdict).toBe(
      'Counts for Benchmark 7 and the Provider Access Legislation',
    );
    expect(assessMeaningful({ kind: 'provider_encounter', ticked: [], providerAccess: true }).verdict).toMatch(
      /^Does not count for Benchmark 7: no clear purpose shared, .+\. It still counts for the Provider Access Legislation$/,
    );
  });

  it('words a stored activity from its checklist, or from the imported flag when it has none', () => {
    for (const kind of ACTIVITY_KINDS) {
      expect(verdictOf({ kind, meaningful: true, providerAccess: false, checklist: all(kind) })).toBe(
        assessMeaningful({ kind, ticked: all(kind) }).verdict,
      );
    }
    expect(verdictOf({ kind: 'employer_encounter', meaningful: true, providerAccess: false })).toBe('Counts for Benchmark 5');
    expect(verdictOf({ kind: 'employer_encounter', meaningful: false, providerAccess: false })).toBe(
      'Does not count: not every “meaningful” point was met',
    );
  });
});

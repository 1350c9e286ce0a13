import { describe, expect, it } from 'vitest';
import {
  equityGapSentence,
  guidanceGapSentence,
  providerAccessGapSentence,
  pupilGapSentence,
  recordGapSentence,
  withSmallCountsHidden,
} from '../../src/domain/benchmarks/gap-wording';
import type { BenchmarkReport, Gap } from '../../src/domain/benchmarks/types';
import { composeDigest } from '../../src/domain/digest/compose-digest';
import { digestText } from '../../src/domain/digest/digest-text';

// The digest is read in a channel: a count of 1 to 4 pupils, or an equity line about a group that
// small, could point at a child. Each is said as "fewer than 5" or left out.

const weeks = '12 school weeks left';

describe('counts of fewer than 5 pupils in the digest’s sentences', () => {
  it.each([1, 2, 3, 4])('says “fewer than 5” for %i pupils, with the verb agreeing', (n) => {
    expect(withSmallCountsHidden(pupilGapSentence({ benchmark: '5', yearGroup: 9, unmet: n, weeks }))).toBe(
      `Fewer than 5 Year 9 pupils have not had a meaningful employer encounter this year; ${weeks}.`,
    );
    expect(withSmallCountsHidden(guidanceGapSentence({ yearGroup: 11, unmet: n, weeks, meetingsPerDay: 6, adviserDaysNeeded: 1 }))).toMatch(
      /^Fewer than 5 Year 11 pupils still need a guidance meeting; /,
    );
    expect(withSmallCountsHidden(pupilGapSentence({ benchmark: '7', yearGroup: 12, unmet: n, weeks }))).toMatch(
      /^Fewer than 5 Year 12 pupils considering higher education have had fewer than two/,
    );
    expect(withSmallCountsHidden(recordGapSentence({ yearGroup: 10, missingDestination: 12, missingNotes: n, weeks }))).toBe(
      `12 Year 10 pupils still need an intended destination recorded and fewer than 5 have guidance meetings without advice ` +
        `and agreed actions recorded; ${weeks}.`,
    );
    const pal = providerAccessGapSentence({
      phase: 2,
      yearGroup: 10,
      attendanceMandatory: true,
      unmet: n,
      held: 2,
      closes: '2027-02-28',
      weeks,
    });
    expect(withSmallCountsHidden(pal)).toMatch(/^Provider access phase 2: fewer than 5 Year 10 pupils have had fewer than two encounters/);
  });

  it('leaves counts of 5 or more, and of none, as they are', () => {
    for (const n of [5, 14, 41, 180]) {
      const sentence = pupilGapSentence({ benchmark: '2', yearGroup: 8, unmet: n, weeks });
      expect(withSmallCountsHidden(sentence)).toBe(sentence);
    }
  });
});

function gap(overrides: Partial<Gap>): Gap {
  return {
    benchmark: '5',
    yearGroup: 10,
    kind: 'pupils_to_reach',
    pupilsAffected: 10,
    deadline: '2026-07-22',
    weeksLeft: 12,
    urgency: 1,
    sentence: '',
    ...overrides,
  };
}

function equity(groupSize: number, unmet: number): Gap {
  const sentence = equityGapSentence({
    group: 'looked_after',
    benchmark: '5',
    yearGroup: 10,
    groupMet: groupSize - unmet,
    groupSize,
    cohortMet: 150,
    cohortSize: 180,
    weeks,
  });
  return gap({ kind: 'equity', equityGroup: 'looked_after', groupSize, pupilsAffected: unmet, sentence });
}

describe('the digest', () => {
  const report: BenchmarkReport = {
    asOf: '2026-03-16',
    rows: [
      { benchmark: '8', yearGroup: 13, met: 3, planned: 0, unplanned: 37, total: 40 },
      { benchmark: '4', yearGroup: 9, met: 3, planned: 0, unplanned: 9, total: 12 },
    ],
    gaps: [
      gap({ pupilsAffected: 2, sentence: pupilGapSentence({ benchmark: '5', yearGroup: 10, unmet: 2, weeks }) }),
      // A group of 4 looked-after pupils; a group of 9 of whom 2 have met it; one of 12 with 7 still to.
      equity(4, 4),
      equity(9, 7),
      equity(12, 7),
    ],
  };
  const digest = composeDigest(report, {
    asOf: '2026-03-09',
    rows: [
      { benchmark: '8', yearGroup: 13, met: 1, total: 40 },
      { benchmark: '4', yearGroup: 9, met: 2, total: 12 },
    ],
  });

  it('shows only equity lines whose group and both its parts are 5 or more, and says how many it left out', () => {
    expect(digest.equityLines).toEqual([
      equity(12, 7).sentence,
      expect.stringMatching(/^2 more lines are about groups of fewer than 5 pupils, so not shown here/),
    ]);
  });

  it('says small counts as “fewer than 5” in the gaps and the changes, in the card’s data and the text alike', () => {
    expect(digest.topGaps[0]!.sentence).toMatch(/^Fewer than 5 Year 10 pupils have not had/);
    expect(digest.changes!.map((change) => change.sentence)).toEqual(
      expect.arrayContaining([
        'Year 13 guidance meetings: fewer than 5 -> fewer than 5 of 40',
        'Year 9 subjects with a careers link: 2 -> 3 of 12',
      ]),
    );
    const text = digestText(digest);
    expect(text).not.toMatch(/\b[1-4] (Year \d+ )?pupils?\b/);
    expect(text).not.toContain(equity(4, 4).sentence);
    expect(text).not.toContain(equity(9, 7).sentence);
    expect(text).toContain(equity(12, 7).sentence);
  });
});

describe('the digest’s progress per benchmark', () => {
  const asOf = '2026-03-16';
  const rows = (met: number, total: number): BenchmarkReport['rows'] => [
    { benchmark: '7', yearGroup: 12, met, planned: 0, unplanned: total - met, total },
    { benchmark: '4', yearGroup: 9, met: 2, planned: 0, unplanned: 1, total: 3 },
  ];

  it('says a pupil count of 1 to 4 as “fewer than 5”, and gives no share of fewer than 5 pupils away', () => {
    const text = digestText(composeDigest({ asOf, rows: rows(3, 4), gaps: [] }, undefined));
    expect(text).toMatch(/B7 .*\(fewer than 5 of fewer than 5 pupils\)/);
    expect(text).not.toMatch(/\b75%/);
    expect(text).not.toMatch(/\b[1-4] of [1-4] pupils\b/);
  });

  it('keeps counts of 5 or more and of subjects as they are', () => {
    const text = digestText(composeDigest({ asOf, rows: rows(3, 40), gaps: [] }, undefined));
    expect(text).toMatch(/B7 .*\(fewer than 5 of 40 pupils\)/);
    expect(text).toMatch(/\b7%/);
    expect(text).toMatch(/B4 .*\(2 of 3 subjects\)/);
  });
});

// The pupil's own "what is still to come" lines, against the engine's rules.
import { describe, expect, it } from 'vitest';
import { buildPupilRecords } from '../../src/domain/benchmarks/pupil-records';
import { academicYearOf } from '../../src/domain/calendar';
import { pupilNextStep, pupilProgress, staffVoice, type ProgressLine } from '../../src/domain/pupil-progress';
import type { SchoolData } from '../../src/domain/school';
import {
  destination,
  employerEncounter,
  lmi,
  meeting,
  meets,
  palEncounter,
  providerEncounter,
  pupil,
  school,
  workplace,
} from '../domain/fixtures';

const AS_OF = '2026-03-02'; // spring term of 2025/26

function progressOf(data: SchoolData, asOf = AS_OF): ProgressLine[] {
  const record = buildPupilRecords(data, asOf).pupils.find((entry) => entry.pupil.id === 'p1')!;
  return pupilProgress(record, { asOf, academicYear: academicYearOf(asOf) });
}

function line(lines: readonly ProgressLine[], benchmark: string): ProgressLine {
  const found = lines.find((entry) => entry.benchmark === benchmark);
  if (!found) throw new Error(`no line for Benchmark ${benchmark}: ${JSON.stringify(lines)}`);
  return found;
}

describe('which benchmarks a pupil sees, by year group', () => {
  it.each([
    [7, ['2', '3', '5']],
    [8, ['2', '3', '5', 'PAL']],
    [10, ['2', '3', '5', '6', '7', 'PAL']],
    [11, ['2', '3', '5', '6', '7', '8', 'PAL']],
    [12, ['2', '3', '5', '6', 'PAL']], // Benchmark 7 in the sixth form only for pupils considering higher education
    [13, ['2', '3', '5', '6', '8', 'PAL']],
  ])('Year %i: Benchmarks %j', (yearGroup, benchmarks) => {
    const lines = progressOf(school().people(pupil('p1', yearGroup)).build());
    expect(lines.map((entry) => entry.benchmark)).toEqual(benchmarks);
  });

  it('adds university visits for a sixth-former considering higher education', () => {
    const lines = progressOf(
      school()
        .people(pupil('p1', 13, { consideringHigherEducation: true }))
        .build(),
    );
    expect(line(lines, '7').text).toBe('You have had 0 of 2 university visits by the end of Year 13.');
  });
});

describe('the lines say what has happened and what is still to come', () => {
  const y11 = () => school().people(pupil('p1', 11));
  it.each<[string, () => SchoolData, string, boolean, string]>([
    ['no workplace experience', () => y11().build(), '6', false, 'You have had 0 of 2 workplace experiences by the end of Year 11.'],
    [
      'one workplace experience',
      () => y11().held(workplace('w1', '2025-07-01'), 'p1').build(),
      '6',
      false,
      'You have had 1 of 2 workplace experiences by the end of Year 11.',
    ],
    [
      'one not meaningful',
      () =>
        y11()
          .held(workplace('w1', '2025-07-01'), 'p1')
          .held(workplace('w2', '2025-07-02', { meaningful: false }), 'p1')
          .build(),
      '6',
      false,
      'You have had 1 of 2 workplace experiences by the end of Year 11.',
    ],
    [
      'two workplace experiences',
      () => y11().held(workplace('w1', '2025-07-01'), 'p1').held(workplace('w2', '2026-01-10'), 'p1').build(),
      '6',
      true,
      'You have had 2 workplace experiences (2 needed by the end of Year 11).',
    ],
    [
      'no employer encounter this year',
      () => y11().held(employerEncounter('e1', '2025-06-01'), 'p1').build(),
      '5',
      false,
      'Meet an employer at least once this school year (a talk, visit or workshop where you can ask questions); the year ' +
        'ends on Mon 31 Aug 2026.',
    ],
    [
      'an employer encounter this year',
      () => y11().held(employerEncounter('e1', '2025-10-01'), 'p1').build(),
      '5',
      true,
      'You have met employers 1 time this school year.',
    ],
    ['no guidance meeting', () => y11().build(), '8', false, 'You have had 0 of 1 careers meeting with an adviser by the end of Year 11.'],
    [
      'a booked meeting only',
      () =>
        y11()
          .meetings(meeting('m1', 'p1', '2026-02-10T10:00', 'booked'))
          .build(),
      '8',
      false,
      'You have had 0 of 1 careers meeting with an adviser by the end of Year 11.',
    ],
    [
      'a completed meeting',
      () =>
        y11()
          .meetings(meeting('m1', 'p1', '2026-02-10T10:00'))
          .build(),
      '8',
      true,
      'You have had 1 careers meeting with an adviser (1 needed by the end of Year 11).',
    ],
    [
      'no careers information in Key Stage 4',
      () => y11().held(lmi('l1', '2024-06-01'), 'p1').build(),
      '2',
      false,
      'Look at information about jobs and careers at least once by the end of Year 11.',
    ],
    [
      'careers information in Key Stage 4',
      () => y11().held(lmi('l1', '2024-10-01'), 'p1').build(),
      '2',
      true,
      'You have looked at information about jobs and careers since the start of Year 10.',
    ],
    [
      'two provider types',
      () =>
        y11()
          .held(providerEncounter('v1', '2025-11-01', 'university'), 'p1')
          .held(providerEncounter('v2', '2025-11-02', 'sixth_form'), 'p1')
          .build(),
      '7',
      false,
      'You have met 2 of 4 kinds of place to study or train by the end of Year 11; still to come: a further education ' +
        'college and an apprenticeship or training provider.',
    ],
    [
      'one provider-access visit',
      () => y11().held(palEncounter('c1', '2025-10-01'), 'p1').build(),
      'PAL',
      false,
      'You have had 1 of 2 visits from colleges or apprenticeship providers by the end of February in Year 11.',
    ],
    [
      'no intended destination after 1 January',
      () => y11().build(),
      '3',
      false,
      'Tell us what you plan to do after Year 11: we need it this spring term.',
    ],
    [
      'an intended destination, and a meeting not yet written up',
      () =>
        y11()
          .destinations(destination('p1', 'intended', '2026-01-20'))
          .meetings(meeting('m1', 'p1', '2026-02-10T10:00', 'completed', { advice: '' }))
          .build(),
      '3',
      false,
      'The notes from one of your meetings will be in your record soon. You have told us what you plan to do next.',
    ],
  ])('Year 11 with %s', (_case, build, benchmark, met, text) => {
    const data = build();
    const found = line(progressOf(data), benchmark);
    expect(found.text).toBe(text);
    expect(found.met).toBe(met);
    expect(found.stillToCome).toBe(!met);
    // The pupil's line and the school's report agree.
    expect(meets(data, AS_OF, found.benchmark, 'p1')).toBe(met);
  });

  it.each<[string, () => SchoolData, string, boolean, boolean, string]>([
    [
      'Year 8 with one provider-access visit',
      () => school().people(pupil('p1', 8)).held(palEncounter('c1', '2025-10-01'), 'p1').build(),
      'PAL',
      false,
      true,
      'You have had 1 of 2 visits from colleges or apprenticeship providers by the end of February in Year 9.',
    ],
    [
      'Year 8 with nothing yet',
      () => school().people(pupil('p1', 8)).build(),
      '3',
      true,
      false,
      'After each careers meeting, what you talked about and agreed will be in your record.',
    ],
    [
      'Year 8 careers information',
      () => school().people(pupil('p1', 8)).build(),
      '2',
      false,
      true,
      'Look at information about jobs and careers at least once by the end of Year 9.',
    ],
    [
      'Year 11 before 1 January without an intended destination',
      () => school().people(pupil('p1', 11)).build(),
      '3',
      true,
      true,
      'Tell us what you plan to do after Year 11 by the spring term.',
    ],
    [
      'Year 13 with a post-16 workplace experience',
      () => school().people(pupil('p1', 13)).held(workplace('w1', '2025-07-01'), 'p1').build(),
      '6',
      true,
      false,
      'You have had 1 workplace experience in the sixth form (1 needed by the end of Year 13).',
    ],
    [
      'Year 13 whose only workplace experience was in Year 11',
      () => school().people(pupil('p1', 13)).held(workplace('w1', '2024-07-01'), 'p1').build(),
      '6',
      false,
      true,
      'You have had 0 of 1 workplace experience in the sixth form by the end of Year 13.',
    ],
    [
      'Year 13 whose only meeting was in Year 11',
      () =>
        school()
          .people(pupil('p1', 13))
          .meetings(meeting('m1', 'p1', '2024-03-01T10:00'))
          .build(),
      '8',
      false,
      true,
      'You have had 0 of 1 careers meeting with an adviser in the sixth form by the end of Year 13.',
    ],
    [
      'Year 13 in the optional provider-access phase',
      () => school().people(pupil('p1', 13)).build(),
      'PAL',
      false,
      true,
      'You have had 0 of 2 visits from colleges or apprenticeship providers by the end of February in Year 13. Your school ' +
        'offers these; going is up to you.',
    ],
  ])('%s', (_case, build, benchmark, met, stillToCome, text) => {
    const asOf = _case.includes('before 1 January') ? '2025-12-01' : AS_OF;
    const data = build();
    const found = line(progressOf(data, asOf), benchmark);
    expect(found).toEqual({ benchmark, met, stillToCome, text });
    expect(meets(data, asOf, found.benchmark, 'p1')).toBe(met);
  });
});

describe('a college talk that has not counted says why under "still to come"', () => {
  it('names the kind, that the pupil went, and what makes it count', () => {
    const data = school().people(pupil('p1', 11)).held(palEncounter('c1', '2025-11-05'), 'p1').build();
    const text = line(progressOf(data), '7').text;
    expect(text).toContain('a further education college (you went to one; next time, ask them questions so it counts)');
    expect(text).toMatch(
      new RegExp(
        String.raw`still to come: a sixth form, a further education college \(you went to one.*\), ` +
          String.raw`a university and an apprenticeship or training provider\.$`,
      ),
    );
  });
});

describe('staff read the same facts in the third person, with the benchmark vocabulary', () => {
  it.each<[string, () => SchoolData, string, string]>([
    [
      'no meeting',
      () => school().people(pupil('p1', 11)).build(),
      '8',
      'Ava has had 0 of 1 guidance meeting with a careers adviser by the end of Year 11.',
    ],
    [
      'no employer encounter',
      () => school().people(pupil('p1', 11)).build(),
      '5',
      'Ava has had 0 of 1 meaningful encounter with employers this school year, which ends on Mon 31 Aug 2026.',
    ],
    [
      'no careers information',
      () => school().people(pupil('p1', 8)).build(),
      '2',
      'Ava has not used careers and job-market information in Key Stage 3 (by the end of Year 9).',
    ],
    [
      'no intended destination',
      () => school().people(pupil('p1', 11)).build(),
      '3',
      'Ava’s intended destination (after Year 11) is not recorded: due this spring term.',
    ],
  ])('%s', (_case, build, benchmark, text) => {
    const record = buildPupilRecords(build(), AS_OF).pupils[0]!;
    const found = pupilProgress(record, { asOf: AS_OF, academicYear: academicYearOf(AS_OF) }, staffVoice('Ava')).find(
      (entry) => entry.benchmark === benchmark,
    )!;
    expect(found.text).toBe(text);
  });
});

describe('the pupil’s one next step, by priority', () => {
  const context = (asOf: string) => ({ asOf, academicYear: academicYearOf(asOf) });
  const recordOf = (data: SchoolData, asOf = AS_OF) => buildPupilRecords(data, asOf).pupils[0]!;
  it.each<[string, () => SchoolData, string, { upcomingMeeting: boolean; hasPlans: boolean }, string]>([
    [
      'an intended destination due now beats a booked meeting',
      () => school().people(pupil('p1', 11)).build(),
      AS_OF,
      { upcomingMeeting: true, hasPlans: false },
      'plans',
    ],
    [
      'a booked meeting beats booking one',
      () =>
        school()
          .people(pupil('p1', 11))
          .destinations(destination('p1', 'intended', '2026-01-20'))
          .build(),
      AS_OF,
      { upcomingMeeting: true, hasPlans: true },
      'see_meeting',
    ],
    [
      'a meeting still needed',
      () =>
        school()
          .people(pupil('p1', 11))
          .destinations(destination('p1', 'intended', '2026-01-20'))
          .build(),
      AS_OF,
      { upcomingMeeting: false, hasPlans: true },
      'book_meeting',
    ],
    [
      'a meeting needed beats an intended destination due later',
      () => school().people(pupil('p1', 11)).build(),
      '2025-12-01',
      { upcomingMeeting: false, hasPlans: false },
      'book_meeting',
    ],
    ['Year 8 with no plans', () => school().people(pupil('p1', 8)).build(), AS_OF, { upcomingMeeting: false, hasPlans: false }, 'plans'],
  ])('%s', (_case, build, asOf, situation, kind) => {
    expect(pupilNextStep(recordOf(build(), asOf), context(asOf), situation).kind).toBe(kind);
  });
});

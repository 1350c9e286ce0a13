// One source per sentence, two audiences: the pupil's form of every record line is plain words,
// the staff form of the same line keeps the rule wording staff act on.
import { describe, expect, it } from 'vitest';
import { actionLine, ownActionText } from '../../src/domain/agreed-actions';
import { buildPupilRecords } from '../../src/domain/benchmarks/pupil-records';
import { academicYearOf } from '../../src/domain/calendar';
import {
  attendedVerdict,
  ENCOUNTER_COUNTS_WHEN,
  pupilProgress,
  PUPIL_VOICE,
  staffVoice,
  type Voice,
} from '../../src/domain/pupil-progress';
import type { SchoolData } from '../../src/domain/school';
import { STAFF_PHRASES } from './staff-phrases';
import { employerEncounter, meeting, palEncounter, providerEncounter, pupil, school } from '../domain/fixtures';

const AS_OF = '2026-03-02';

function linesOf(data: SchoolData, voice: Voice): string[] {
  const record = buildPupilRecords(data, AS_OF).pupils.find((entry) => entry.pupil.id === 'p1')!;
  return pupilProgress(record, { asOf: AS_OF, academicYear: academicYearOf(AS_OF) }, voice).map((line) => line.text);
}

const RECORDS: [string, () => SchoolData][] = [
  ['Year 8 with nothing yet', () => school().people(pupil('p1', 8)).build()],
  ['Year 10 with nothing yet', () => school().people(pupil('p1', 10)).build()],
  [
    'Year 11 with a meeting whose notes are missing and a college talk that did not count',
    () =>
      school()
        .people(pupil('p1', 11))
        .meetings(meeting('m1', 'p1', '2026-02-10T10:00', 'completed', { advice: '' }))
        .held(palEncounter('c1', '2025-11-05'), 'p1')
        .build(),
  ],
  [
    'Year 10 with every meeting written up',
    () =>
      school()
        .people(pupil('p1', 10))
        .meetings(meeting('m1', 'p1', '2026-02-10T10:00'))
        .held(employerEncounter('e1', '2025-10-01'), 'p1')
        .held(providerEncounter('v1', '2025-11-01', 'university'), 'p1')
        .build(),
  ],
  [
    'Year 13',
    () =>
      school()
        .people(pupil('p1', 13, { consideringHigherEducation: true }))
        .build(),
  ],
];

describe('the record’s wording, per audience', () => {
  it.each(RECORDS)('the pupil reads plain words: %s', (_case, build) => {
    const text = linesOf(build(), PUPIL_VOICE).join('\n');
    for (const phrase of STAFF_PHRASES) expect(text).not.toContain(phrase);
  });

  it('staff keep the rule wording for the same records', () => {
    const [, missingNotes] = RECORDS[2]!;
    const [, nothing] = RECORDS[1]!;
    expect(linesOf(missingNotes(), staffVoice('Ava')).join('\n')).toContain('still has to write up the advice from 1 meeting');
    expect(linesOf(nothing(), staffVoice('Ava')).join('\n')).toContain('Ava has no meetings waiting to be written up.');
    expect(linesOf(RECORDS[3]![1](), staffVoice('Ava')).join('\n')).toContain('meaningful encounter with employers');
  });

  it('marks an encounter by whether it counted for the pupil, by the rule’s word for staff', () => {
    expect([attendedVerdict(true, PUPIL_VOICE), attendedVerdict(false, PUPIL_VOICE)]).toEqual(['counted ✓', 'you went']);
    expect(attendedVerdict(false, staffVoice('Ava'))).toBe('not counted as meaningful');
    for (const phrase of STAFF_PHRASES) expect(ENCOUNTER_COUNTS_WHEN).not.toContain(phrase);
  });

  it('gives the pupil their own actions without “Pupil:”, and staff everyone’s owner', () => {
    const own = { who: 'Pupil' as const, what: 'Ask two local vet practices about work experience' };
    expect(actionLine(own, true)).toBe('Ask two local vet practices about work experience');
    expect(actionLine(own, false)).toBe('Pupil: Ask two local vet practices about work experience');
    expect(actionLine({ who: 'Parent or carer', what: 'Book the open evening' }, true)).toBe('Parent or carer: Book the open evening');
    expect(ownActionText('Pupil: Visit two college open days, by Fri 20 Mar 2026')).toBe('Visit two college open days, by Fri 20 Mar 2026');
    expect(ownActionText('Pupil: look at two apprenticeships')).toBe('Look at two apprenticeships');
    expect(ownActionText('Adviser: send the links')).toBe('Adviser: send the links');
  });
});

import { describe, expect, it } from 'vitest';
import { messageDetails, type MessageDetails } from '../../src/domain/message-details';
import { instantOfSchoolTime } from '../../src/domain/school-time';
import type { CurriculumSubject, Person } from '../../src/domain/school';
import { person } from '../harness/test-bot';

// What the words of a message carry, read the same way whichever command the message reaches.

/** Mon 7 Dec 2026, 10:00 at the school. */
const MONDAY = instantOfSchoolTime('2026-12-07T10:00');
/** Fri 27 Mar 2026, 16:00: the clocks go forward on Sunday 29 March. */
const BEFORE_CLOCK_CHANGE = instantOfSchoolTime('2026-03-27T16:00');
/** Sat 24 Oct 2026, 23:30 (22:30 UTC): the clocks go back on Sunday 25 October. */
const SATURDAY_NIGHT = instantOfSchoolTime('2026-10-24T23:30');
/** 23:30 UTC on Sun 29 Mar 2026 is already Mon 30 Mar (00:30 BST) at the school. */
const JUST_AFTER_MIDNIGHT_BST = new Date('2026-03-29T23:30:00Z');

const CURRICULUM: CurriculumSubject[] = [
  { subject: 'Mathematics', yearGroups: [7, 8, 9, 10, 11, 12, 13] },
  { subject: 'Science', yearGroups: [7, 8, 9, 10, 11] },
  { subject: 'Geography', yearGroups: [7, 8, 9, 10, 11] },
  { subject: 'Computer Science', yearGroups: [10, 11] },
  { subject: 'French', yearGroups: [7, 8, 9] },
  { subject: 'Spanish', yearGroups: [7, 8, 9] },
];

const pupil = (id: string, givenName: string, familyName: string): Person =>
  person({ id, role: 'pupil', givenName, familyName, email: `${id}@school.example`, yearGroup: 10 });
// Names from the demo roster (src/schooldata/demo-names.ts), and one that is also a word.
const PUPILS = [
  pupil('P0001', 'Ava', 'Patel'),
  pupil('P0002', 'Noah', 'Williams'),
  pupil('P0003', 'Ava', 'Khan'),
  pupil('P0004', 'Will', 'May'),
];

const read = (text: string, now = MONDAY): MessageDetails => messageDetails(text, { now, curriculum: CURRICULUM, pupils: PUPILS });

describe('year groups', () => {
  it.each<[string, number[]]>([
    ['year 9', [9]],
    ['Y11', [11]],
    ['yr 10', [10]],
    ['Year10', [10]],
    ['years 10 and 11', [10, 11]],
    ['Y10/11', [10, 11]],
    ['Y7-9', [7, 8, 9]],
    ['year 7, 8 and 9', [7, 8, 9]],
    ['sixth form', [12, 13]],
    ['the sixth formers', [12, 13]],
    ['lower sixth', [12]],
    ['upper 6th', [13]],
    ['KS4', [10, 11]],
    ['a sixth form college visit', []],
    ['my appointment', []],
    ['by 10 May', []],
    ['Y6', []],
  ])('“%s” is %j', (text, years) => {
    expect(read(text).yearGroups).toEqual(years);
  });
});

describe('groups of pupils', () => {
  it.each<[string, string[]]>([
    ['show me SEND pupils', ['send']],
    ['report send', ['send']],
    ['year 10 send', ['send']],
    ['pupils with SEN', ['send']],
    ['send me the report', []],
    ['how are pupil premium pupils doing', ['pupil_premium']],
    ['PP gaps', ['pupil_premium']],
    ['looked after children', ['looked_after']],
    ['LAC and SEND', ['send', 'looked_after']],
    ['the SENCo', []],
  ])('“%s” is %j', (text, groups) => {
    expect(read(text).groups).toEqual(groups);
  });
});

describe('benchmarks', () => {
  it.each<[string, string | undefined]>([
    ['benchmark 8', '8'],
    ['B5', '5'],
    ['gatsby 3', '3'],
    ['guidance meetings', '8'],
    ['careers interviews', '8'],
    ['employer encounters', '5'],
    ['workplace', '6'],
    ['work experience', '6'],
    ['curriculum', '4'],
    ['further and higher education', '7'],
    ['uni', '7'],
    ['college', '7'],
    ['labour market', '2'],
    ['LMI', '2'],
    ['destinations', '3'],
    ['provider access', 'PAL'],
    ['how is year 11 doing?', undefined],
    // The first named wins.
    ['employer talks at the college', '5'],
  ])('“%s” is %s', (text, benchmark) => {
    expect(read(text).benchmark).toBe(benchmark);
  });
});

describe('the kind of activity', () => {
  it.each<[string, MessageDetails['activity']]>([
    ['plan an employer talk for year 9', { kind: 'employer_encounter', words: 'employer talk' }],
    ['a college visit', { kind: 'provider_encounter', providerType: 'further_education_college', words: 'college visit' }],
    ['workplace visit to the hospital', { kind: 'workplace_experience', words: 'workplace visit' }],
    ['uni trip', { kind: 'provider_encounter', providerType: 'university', words: 'uni trip' }],
    ['work experience week', { kind: 'workplace_experience', words: 'work experience' }],
    ['an apprenticeship talk', { kind: 'provider_encounter', providerType: 'independent_training_provider', words: 'apprenticeship talk' }],
    ['careers fair', { kind: 'employer_encounter', words: 'careers fair' }],
    ['LMI session', { kind: 'labour_market_information', words: 'LMI session' }],
    ['plan an activity', undefined],
  ])('“%s”', (text, activity) => {
    expect(read(text).activity).toEqual(activity);
  });
});

describe('dates and times, in the school’s time zone, from a fixed today', () => {
  it.each<[string, Date, string | undefined, MessageDetails['times']]>([
    // From Monday 7 December 2026.
    ['tomorrow', MONDAY, '2026-12-08', undefined],
    ['tuesday', MONDAY, '2026-12-08', undefined],
    // "Next Tuesday" is the Tuesday of next week.
    ['next Tuesday', MONDAY, '2026-12-15', undefined],
    ['thursday afternoon', MONDAY, '2026-12-10', { start: '13:00', end: '16:00' }],
    ['weds morning', MONDAY, '2026-12-09', { start: '09:00', end: '12:00' }],
    ['friday after school', MONDAY, '2026-12-11', { start: '15:30', end: '17:00' }],
    ['tues 2 till 4', MONDAY, '2026-12-08', { start: '14:00', end: '16:00' }],
    ['thursday 10am till 12', MONDAY, '2026-12-10', { start: '10:00', end: '12:00' }],
    ['at 2', MONDAY, undefined, { start: '14:00' }],
    // Day first, and a date already past this year is next year's.
    ['14 May', MONDAY, '2027-05-14', undefined],
    ['3/4', MONDAY, '2027-04-03', undefined],
    ['20 December', MONDAY, '2026-12-20', undefined],
    // Across a weekend: from Friday, Monday is three days on and "tomorrow" is Saturday.
    ['monday', BEFORE_CLOCK_CHANGE, '2026-03-30', undefined],
    ['tomorrow', BEFORE_CLOCK_CHANGE, '2026-03-28', undefined],
    ['next tuesday', BEFORE_CLOCK_CHANGE, '2026-03-31', undefined],
    // Across the clock change: the school's date, not UTC's.
    ['tomorrow', SATURDAY_NIGHT, '2026-10-25', undefined],
    ['monday morning', SATURDAY_NIGHT, '2026-10-26', { start: '09:00', end: '12:00' }],
    ['today', JUST_AFTER_MIDNIGHT_BST, '2026-03-30', undefined],
    ['tomorrow', JUST_AFTER_MIDNIGHT_BST, '2026-03-31', undefined],
    // Year groups and benchmark numbers are not times.
    ['years 7 to 9', MONDAY, undefined, undefined],
    ['benchmark 8', MONDAY, undefined, undefined],
    ['in May', MONDAY, undefined, undefined],
  ])('“%s” from %s', (text, now, date, times) => {
    const details = read(text, now);
    expect(details.date).toBe(date);
    expect(details.times).toEqual(times);
  });
});

describe('subjects', () => {
  it.each<[string, MessageDetails['subject']]>([
    ['Y9 maths', { kind: 'taught', subject: 'Mathematics', typed: 'maths' }],
    ['comp sci', { kind: 'taught', subject: 'Computer Science', typed: 'comp sci' }],
    ['Y8 MFL', { kind: 'ambiguous', options: ['French', 'Spanish'], typed: 'MFL' }],
    ['Y9 scince: forces', { kind: 'near', suggestion: 'Science', typed: 'scince' }],
    ['geogrpahy', { kind: 'near', suggestion: 'Geography', typed: 'geogrpahy' }],
    ['Y9 latin: verbs', undefined],
  ])('“%s”', (text, subject) => {
    expect(read(text).subject).toEqual(subject);
  });
});

describe('a pupil’s name', () => {
  const named = (text: string) => {
    const found = read(text).pupil;
    return found && { typed: found.typed, matches: found.matches.map((p) => p.id), closest: found.closest.map((p) => p.id) };
  };
  it.each<[string, ReturnType<typeof named>]>([
    ['pull up Ava Patel', { typed: 'Ava Patel', matches: ['P0001'], closest: [] }],
    ['show me Ava’s file', { typed: 'Ava', matches: ['P0001', 'P0003'], closest: [] }],
    ['patel ava', { typed: 'patel ava', matches: ['P0001'], closest: [] }],
    ['pull up Wiliams', { typed: 'wiliams', matches: [], closest: ['P0002'] }],
    ['open Noah Wiliams', { typed: 'Noah', matches: ['P0002'], closest: [] }],
    ['show me Will’s file', { typed: 'Will', matches: ['P0004'], closest: [] }],
    // A word is not a name: "will" and "may" in lower case, and a date's month.
    ['what will the report show', undefined],
    ['plan a talk on 14 May', undefined],
  ])('“%s”', (text, found) => {
    expect(named(text)).toEqual(found);
  });
});

describe('a whole message', () => {
  it('reads everything in “plan an employer talk for year 9 on 14 May”', () => {
    expect(read('plan an employer talk for year 9 on 14 May')).toEqual({
      yearGroups: [9],
      groups: [],
      benchmark: '5',
      activity: { kind: 'employer_encounter', words: 'employer talk' },
      date: '2027-05-14',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { emptySchoolData, type SchoolData } from '../../src/domain/school';
import { parseSchoolFiles } from '../../src/schooldata/parse-school-files';
import { FILE_COLUMNS, SCHOOL_FILE_NAMES } from '../../src/schooldata/school-files';
import { writeSchoolFiles } from '../../src/schooldata/write-school-files';
import { readSmallSchool } from './small-school-files';

function parseAll(files: Record<string, string>): SchoolData {
  const result = parseSchoolFiles(files, emptySchoolData());
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return { ...emptySchoolData(), ...result.data };
}

const awkward: SchoolData = {
  people: [
    {
      id: 'P1',
      role: 'pupil',
      givenName: 'Zoë "Zo"',
      familyName: "O'Brien, Jr",
      email: 'zoe.obrien@school.example',
      yearGroup: 12,
      form: '12B',
      dateOfBirth: '2008-02-29',
      send: true,
      pupilPremium: false,
      lookedAfter: true,
      consideringHigherEducation: true,
      subjects: [],
    },
    {
      id: 'P2',
      role: 'pupil',
      givenName: 'Siân',
      familyName: 'Łukasiewicz-Nguyễn',
      email: 'Sian.L@School.example',
      yearGroup: 7,
      send: false,
      pupilPremium: true,
      lookedAfter: false,
      consideringHigherEducation: false,
      subjects: [],
    },
    {
      id: 'T1',
      role: 'teacher',
      givenName: 'Mary\nAnn',
      familyName: '王',
      email: 'mary.wang@school.example',
      send: false,
      pupilPremium: false,
      lookedAfter: false,
      consideringHigherEducation: false,
      subjects: ['Art and Design', 'Design, Technology "D&T"'],
    },
    {
      id: 'A1',
      role: 'careers_adviser',
      givenName: 'Dan',
      familyName: 'Brooks',
      email: 'dan@school.example',
      send: false,
      pupilPremium: false,
      lookedAfter: false,
      consideringHigherEducation: false,
      subjects: [],
    },
  ],
  curriculum: [
    { subject: 'Design, Technology "D&T"', yearGroups: [7, 8, 9, 12] },
    { subject: 'Art and Design', yearGroups: [10, 11] },
    { subject: 'Latin', yearGroups: [13] },
  ],
  activities: [
    {
      id: 'E1',
      date: '2026-01-15',
      kind: 'employer_encounter',
      title: 'Talk: "Why engineering?", with Q&A',
      providerAccess: false,
      meaningful: true,
    },
    {
      id: 'E2',
      date: '2026-02-01',
      kind: 'provider_encounter',
      title: 'College taster\nday two',
      providerType: 'further_education_college',
      providerAccess: true,
      meaningful: false,
    },
  ],
  attendance: [
    { activityId: 'E1', pupilId: 'P1' },
    { activityId: 'E2', pupilId: 'P1' },
    { activityId: 'E1', pupilId: 'P2' },
  ],
  links: [
    {
      id: 'L1',
      date: '2026-01-20',
      teacherId: 'T1',
      subject: 'Design, Technology "D&T"',
      yearGroup: 9,
      topic: 'Chairs, "ergonomics"',
      careers: ['Product designer', 'Engineer, civil'],
    },
    { id: 'L2', date: '2026-01-21', teacherId: 'T1', subject: 'Art and Design', yearGroup: 10, topic: 'Posters', careers: [] },
  ],
  meetings: [
    {
      id: 'M1',
      pupilId: 'P1',
      adviserId: 'A1',
      startsAt: '2026-02-03T09:20',
      status: 'completed',
      advice: 'Line one,\n"quoted" line two\n\nafter a blank line — with a dash',
      agreedActions: 'Apply; visit',
    },
    { id: 'M2', pupilId: 'P2', adviserId: 'A1', startsAt: '2026-03-03T14:00', status: 'booked', advice: '', agreedActions: '' },
  ],
  destinations: [
    { pupilId: 'P1', kind: 'aspiration', date: '2025-10-01', destination: 'Engineer, "chartered"' },
    { pupilId: 'P1', kind: 'intended', date: '2026-02-01', destination: 'MEng, Université de Lyon' },
    { pupilId: 'P1', kind: 'aspiration', date: '2026-02-01', destination: 'Architect' },
  ],
};

describe('writeSchoolFiles', () => {
  it('writes every contract file with its header in contract column order', () => {
    const files = writeSchoolFiles(emptySchoolData());
    expect(Object.keys(files)).toEqual([...SCHOOL_FILE_NAMES]);
    for (const name of SCHOOL_FILE_NAMES) expect(files[name]).toBe(`${FILE_COLUMNS[name].join(',')}\n`);
  });

  it('quotes only where RFC 4180 needs it, with Y/empty flags and ; lists', () => {
    const files = writeSchoolFiles(awkward);
    expect(files['people.csv'].split('\n')[1]).toBe(
      `P1,pupil,"Zoë ""Zo""","O'Brien, Jr",zoe.obrien@school.example,12,12B,2008-02-29,Y,,Y,Y,,`,
    );
    expect(files['people.csv']).toContain(
      'T1,teacher,"Mary\nAnn",王,mary.wang@school.example,,,,,,,,"Art and Design;Design, Technology ""D&T""",\n',
    );
    expect(files['curriculum.csv']).toBe('subject,year_groups\n"Design, Technology ""D&T""",7-9;12\nArt and Design,10;11\nLatin,13\n');
    expect(files['attendance.csv']).toBe('activity_id,pupil_id\nE1,P1\nE2,P1\nE1,P2\n');
  });

  it('round-trips: parse(write(data)) equals data, including quotes, commas, line breaks and non-ASCII names', () => {
    expect(parseAll(writeSchoolFiles(awkward))).toEqual(awkward);
  });

  it('round-trips the small-school fixture: write(parse(files)) parses back to the same data', () => {
    const school = parseAll(readSmallSchool());
    expect(parseAll(writeSchoolFiles(school))).toEqual(school);
  });

  it('round-trips byte for byte once written', () => {
    const once = writeSchoolFiles(parseAll(readSmallSchool()));
    expect(writeSchoolFiles(parseAll(once))).toEqual(once);
  });
});

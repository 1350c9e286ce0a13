import { describe, expect, it } from 'vitest';
import { emptySchoolData, type SchoolData } from '../../src/domain/school';
import { parseSchoolFiles } from '../../src/schooldata/parse-school-files';
import type { SchoolFileText } from '../../src/schooldata/school-files';
import { readSmallSchool } from './small-school-files';

function parsed(files: SchoolFileText, existing: SchoolData = emptySchoolData()): Partial<SchoolData> {
  const result = parseSchoolFiles(files, existing);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.data;
}

function smallSchool(): SchoolData {
  return { ...emptySchoolData(), ...parsed(readSmallSchool()) };
}

describe('parseSchoolFiles: good files', () => {
  it('reads the small school, every file', () => {
    const school = smallSchool();
    expect(school.people).toHaveLength(16);
    expect(school.curriculum).toHaveLength(6);
    expect(school.activities).toHaveLength(11);
    expect(school.attendance).toHaveLength(25);
    expect(school.links).toHaveLength(5);
    expect(school.meetings).toHaveLength(7);
    expect(school.destinations).toHaveLength(5);
  });

  it('turns cells into domain records: flags, lists, numbers, absent optional fields', () => {
    const school = smallSchool();
    expect(school.people[0]).toEqual({
      id: 'P0001',
      role: 'pupil',
      givenName: 'Ava',
      familyName: 'Patel',
      email: 'ava.patel@northfield.example',
      yearGroup: 10,
      form: '10A',
      dateOfBirth: '2010-11-03',
      send: false,
      pupilPremium: true,
      lookedAfter: false,
      consideringHigherEducation: false,
      subjects: [],
    });
    const teacher = school.people.find((person) => person.id === 'T001');
    expect(teacher).toEqual({
      id: 'T001',
      role: 'teacher',
      givenName: 'Sam',
      familyName: 'Okafor',
      email: 'sam.okafor@northfield.example',
      send: false,
      pupilPremium: false,
      lookedAfter: false,
      consideringHigherEducation: false,
      subjects: ['Mathematics', 'Physics'],
    });
    expect(teacher).not.toHaveProperty('yearGroup');
    expect(school.people.find((person) => person.id === 'P0007')).toMatchObject({
      givenName: 'Siân',
      lookedAfter: true,
      consideringHigherEducation: true,
    });
    expect(school.curriculum).toContainEqual({ subject: 'Physics', yearGroups: [12, 13] });
    expect(school.curriculum).toContainEqual({ subject: 'Mathematics', yearGroups: [7, 8, 9, 10, 11, 12, 13] });
    expect(school.activities.find((activity) => activity.id === 'ACT006')).toEqual({
      id: 'ACT006',
      date: '2026-02-04',
      kind: 'provider_encounter',
      title: 'Northfield College taster day',
      providerType: 'further_education_college',
      providerAccess: true,
      meaningful: true,
    });
    expect(school.activities.find((activity) => activity.id === 'ACT010')?.title).toBe('Russell Group admissions talk, with Q&A');
    expect(school.links[0]).toEqual({
      id: 'L001',
      date: '2025-10-15',
      teacherId: 'T001',
      subject: 'Mathematics',
      yearGroup: 10,
      topic: 'Percentages and compound interest',
      careers: ['Accountant', 'Financial adviser'],
    });
    expect(school.meetings.find((meeting) => meeting.id === 'M002')?.advice).toBe(
      'Physics or engineering degrees suit her grades, interests and "hands-on" style.',
    );
    expect(school.meetings.find((meeting) => meeting.id === 'M007')?.advice).toBe('Discussed UCAS choices, including\nPhysics at Leeds.');
  });

  it('accepts a UTF-8 BOM and CRLF line endings, inside quoted fields too', () => {
    const files = readSmallSchool();
    const windows = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, `\ufeff${text.replace(/\n/g, '\r\n')}`]));
    expect(parsed(windows)).toEqual(parsed(files));
  });

  it('ignores unknown columns, wherever they are, and matches headers ignoring case and spaces', () => {
    const text = 'Notes, Pupil_ID ,kind,Date,destination,extra\nlooks keen,P0001,aspiration,2025-10-01,Paramedic,1\n';
    const files = { ...readSmallSchool(), 'destinations.csv': text };
    expect(parsed(files).destinations).toEqual([{ pupilId: 'P0001', kind: 'aspiration', date: '2025-10-01', destination: 'Paramedic' }]);
  });

  it('reads optional people columns as empty when a file leaves them out', () => {
    const files = {
      'people.csv':
        'id,role,given_name,family_name,email,year_group\nP1,pupil,Ann,Lee,ann@school.example,9\nT1,teacher,Bo,Ng,bo@school.example,\n',
    };
    expect(parsed(files).people).toEqual([
      {
        id: 'P1',
        role: 'pupil',
        givenName: 'Ann',
        familyName: 'Lee',
        email: 'ann@school.example',
        yearGroup: 9,
        send: false,
        pupilPremium: false,
        lookedAfter: false,
        consideringHigherEducation: false,
        subjects: [],
      },
      {
        id: 'T1',
        role: 'teacher',
        givenName: 'Bo',
        familyName: 'Ng',
        email: 'bo@school.example',
        send: false,
        pupilPremium: false,
        lookedAfter: false,
        consideringHigherEducation: false,
        subjects: [],
      },
    ]);
  });

  it('accepts lower-case y flags, trims cells and list entries, and drops empty entries', () => {
    const files = {
      'people.csv':
        'id,role,given_name,family_name,email,year_group,send,subjects\n' +
        ' P1 ,pupil, Ann , Lee ,ann@school.example, 9 ,y,\n' +
        'T1,teacher,Bo,Ng,bo@school.example,,, Mathematics ;; Physics ;\n',
    };
    const people = parsed(files).people ?? [];
    expect(people[0]).toMatchObject({ id: 'P1', givenName: 'Ann', familyName: 'Lee', yearGroup: 9, send: true });
    expect(people[1]?.subjects).toEqual(['Mathematics', 'Physics']);
  });

  // Issue 23: what is imported reaches cards as what was typed there does, without the invisible
  // characters (a bidi override that reverses a title, a zero-width space inside a word).
  it('drops invisible format characters from text cells and list entries, keeping joined emoji', () => {
    const files = {
      'people.csv':
        'id,role,given_name,family_name,email,year_group,subjects\n' +
        'P1,pupil,Ann\u202E,Lee\u200B,ann@school.example,9,\n' +
        'T1,teacher,Bo,Ng 👩‍🔬,bo@school.example,,Mathe\u200Bmatics;\u2066Physics\u2069\n',
      'activities.csv':
        'id,date,kind,title,provider_type,provider_access,meaningful\nA1,2026-01-10,employer_encounter,Talk \u202Egnp.exe,,,\n',
    };
    const data = parsed(files);
    expect(data.people?.map(({ givenName, familyName }) => `${givenName} ${familyName}`)).toEqual(['Ann Lee', 'Bo Ng 👩‍🔬']);
    expect(data.people?.[1]?.subjects).toEqual(['Mathematics', 'Physics']);
    expect(data.activities?.[0]?.title).toBe('Talk gnp.exe');
  });

  it('reads year group lists: ranges, single years and a mix', () => {
    const files = { 'curriculum.csv': 'subject,year_groups\nA,7-13\nB,10;11\nC,7-9;12\nD, 13 ; 12 - 12 ;\n' };
    expect(parsed(files).curriculum).toEqual([
      { subject: 'A', yearGroups: [7, 8, 9, 10, 11, 12, 13] },
      { subject: 'B', yearGroups: [10, 11] },
      { subject: 'C', yearGroups: [7, 8, 9, 12] },
      { subject: 'D', yearGroups: [12, 13] },
    ]);
  });

  it('accepts a file with only its header as an empty collection', () => {
    expect(parsed({ 'links.csv': 'id,date,teacher_id,subject,year_group,topic,careers\n' }, smallSchool())).toEqual({ links: [] });
  });

  it('accepts a link for a subject and year group the curriculum does not pair', () => {
    const files = readSmallSchool();
    files['links.csv'] += 'L100,2026-02-02,T002,Latin,9,Roman roads,Civil engineer\n';
    expect(parsed(files).links).toHaveLength(6);
  });

  it('accepts the careers leader as the adviser of a meeting', () => {
    expect(smallSchool().meetings.find((meeting) => meeting.id === 'M003')?.adviserId).toBe('S001');
  });
});

describe('parseSchoolFiles: partial imports', () => {
  it('returns only the files present', () => {
    const files = readSmallSchool();
    const data = parsed({ 'attendance.csv': files['attendance.csv'] }, smallSchool());
    expect(Object.keys(data)).toEqual(['attendance']);
    expect(data.attendance).toHaveLength(25);
  });

  it('checks references against the stored data when the referenced file is not imported', () => {
    const attendance = { 'attendance.csv': 'activity_id,pupil_id\nACT001,P0003\n' };
    expect(parseSchoolFiles(attendance, smallSchool()).ok).toBe(true);
    const result = parseSchoolFiles(attendance, emptySchoolData());
    expect(result).toEqual({
      ok: false,
      errors: [
        { file: 'attendance.csv', line: 2, column: 'activity_id', reason: 'unknown activity ACT001' },
        { file: 'attendance.csv', line: 2, column: 'pupil_id', reason: 'unknown person P0003' },
      ],
    });
  });

  it('checks references against the imported people.csv, not the stored people, when it is present', () => {
    const files = readSmallSchool();
    const rosterWithoutMaya = files['people.csv'].replace(/^P0009,.*\n/m, '');
    const result = parseSchoolFiles({ 'people.csv': rosterWithoutMaya, 'meetings.csv': files['meetings.csv'] }, smallSchool());
    expect(result).toEqual({ ok: false, errors: [{ file: 'meetings.csv', line: 5, column: 'pupil_id', reason: 'unknown person P0009' }] });
  });

  it('parses the same files to the same data every time (stable for re-import)', () => {
    expect(parsed(readSmallSchool())).toEqual(parsed(readSmallSchool()));
  });
});

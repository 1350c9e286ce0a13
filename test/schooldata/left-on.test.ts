// people.csv's left_on column: parsed, checked, written back out.
import { describe, expect, it } from 'vitest';
import { emptySchoolData } from '../../src/domain/school';
import { formatImportError } from '../../src/schooldata/import-error';
import { parseSchoolFiles } from '../../src/schooldata/parse-school-files';
import { writeSchoolFiles } from '../../src/schooldata/write-school-files';

const HEADER = 'id,role,given_name,family_name,email,year_group,form,left_on';
const TODAY = '2026-09-03';

function people(...rows: string[]) {
  return parseSchoolFiles({ 'people.csv': [HEADER, ...rows].join('\n') + '\n' }, emptySchoolData(), { today: TODAY });
}

function errors(...rows: string[]): string[] {
  const result = people(...rows);
  return result.ok ? [] : result.errors.map(formatImportError);
}

describe('people.csv left_on', () => {
  it('reads a leaver’s date, and an empty cell as on roll', () => {
    const result = people('P1,pupil,Ann,Lee,ann@school.example,13,13A,2026-07-17', 'P2,pupil,Ben,Roy,ben@school.example,7,7A,');
    expect(result.ok && result.data.people?.map((person) => [person.id, person.leftOn])).toEqual([
      ['P1', '2026-07-17'],
      ['P2', undefined],
    ]);
  });

  it('accepts a leaving date of today, and a file without the column', () => {
    expect(errors(`P1,pupil,Ann,Lee,ann@school.example,13,13A,${TODAY}`)).toEqual([]);
    const noColumn = parseSchoolFiles(
      { 'people.csv': 'id,role,given_name,family_name,email,year_group\nP1,pupil,Ann,Lee,ann@school.example,9\n' },
      emptySchoolData(),
      { today: TODAY },
    );
    expect(noColumn.ok && noColumn.data.people?.[0]?.leftOn).toBeUndefined();
  });

  it.each([
    { cell: '2026-09-04', reason: 'left_on: 2026-09-04 is in the future: mark someone left on the day they leave, or later' },
    { cell: '17/07/2026', reason: 'left_on: must be a date in the form YYYY-MM-DD (found "17/07/2026")' },
    { cell: '2026-02-30', reason: 'left_on: must be a real calendar date (found "2026-02-30")' },
  ])('refuses left_on “$cell”', ({ cell, reason }) => {
    expect(errors(`P1,pupil,Ann,Lee,ann@school.example,13,13A,${cell}`)).toEqual([`people.csv:2 ${reason}`]);
  });

  it('refuses two people on roll with one email, but lets a leaver’s old email belong to someone on roll', () => {
    expect(errors('P1,pupil,Ann,Lee,ann@school.example,13,13A,', 'P2,teacher,Ann,Leigh,ANN@school.example,,,')).toEqual([
      'people.csv:3 email: duplicate email ANN@school.example (first on line 2)',
    ]);
    expect(errors('P1,pupil,Ann,Lee,ann@school.example,13,13A,2026-07-17', 'P2,teacher,Ann,Leigh,ANN@school.example,,,')).toEqual([]);
  });

  it('is written back out, so parsing what is written gives the leaver back', () => {
    const parsed = people('P1,pupil,Ann,Lee,ann@school.example,13,13A,2026-07-17');
    if (!parsed.ok) throw new Error('expected good rows');
    const data = { ...emptySchoolData(), people: parsed.data.people! };
    const written = writeSchoolFiles(data)['people.csv'];
    expect(written.split('\n')[0]!.endsWith(',left_on')).toBe(true);
    expect(written).toContain(',2026-07-17\n');
    const again = parseSchoolFiles({ 'people.csv': written }, emptySchoolData(), { today: TODAY });
    expect(again.ok && again.data.people).toEqual(data.people);
  });
});

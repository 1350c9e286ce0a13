// activities.csv's invited_year_groups and invited_forms: a planned activity (dated after today)
// says who it is for; parsed, checked per row, and written back out unchanged.
import { describe, expect, it } from 'vitest';
import { emptySchoolData, type Activity } from '../../src/domain/school';
import { formatImportError } from '../../src/schooldata/import-error';
import { parseSchoolFiles } from '../../src/schooldata/parse-school-files';
import { writeSchoolFiles } from '../../src/schooldata/write-school-files';

const HEADER = 'id,date,kind,title,provider_type,provider_access,meaningful,invited_year_groups,invited_forms';
const TODAY = '2026-11-20';

function activities(...rows: string[]) {
  return parseSchoolFiles({ 'activities.csv': [HEADER, ...rows].join('\n') + '\n' }, emptySchoolData(), { today: TODAY });
}

function parsed(...rows: string[]): Activity[] {
  const result = activities(...rows);
  if (!result.ok) throw new Error(result.errors.map(formatImportError).join('\n'));
  return result.data.activities ?? [];
}

function errors(...rows: string[]): string[] {
  const result = activities(...rows);
  return result.ok ? [] : result.errors.map(formatImportError);
}

describe('activities.csv: planned activities', () => {
  it('reads who a planned activity is for: year groups, forms, or both', () => {
    const [byYear, byForm, both] = parsed(
      'PL1,2027-05-14,employer_encounter,Year 10 employer day,,,Y,10,',
      'PL2,2027-02-10,provider_encounter,College visit,further_education_college,Y,Y,,9A;9C',
      'PL3,2027-03-03,labour_market_information,LMI assembly,,,,11;10;11,12B',
    );
    expect(byYear).toMatchObject({ id: 'PL1', invitedYearGroups: [10] });
    expect(byYear).not.toHaveProperty('invitedForms');
    expect(byForm).toMatchObject({ id: 'PL2', invitedForms: ['9A', '9C'] });
    expect(byForm).not.toHaveProperty('invitedYearGroups');
    // Sorted, each once.
    expect(both).toMatchObject({ invitedYearGroups: [10, 11], invitedForms: ['12B'] });
  });

  it('keeps the invitation optional for past activities, and reads files without the columns', () => {
    expect(errors('A1,2026-10-01,employer_encounter,Talk,,,Y,,', `A2,${TODAY},employer_encounter,Talk today,,,Y,,`)).toEqual([]);
    const old = parseSchoolFiles(
      { 'activities.csv': 'id,date,kind,title,provider_access,meaningful\nA1,2026-10-01,employer_encounter,Talk,,Y\n' },
      emptySchoolData(),
      { today: TODAY },
    );
    expect(old.ok && old.data.activities?.[0]).toEqual({
      id: 'A1',
      date: '2026-10-01',
      kind: 'employer_encounter',
      title: 'Talk',
      providerAccess: false,
      meaningful: true,
    });
  });

  it('refuses a planned activity that says nobody it is for, naming the line and column', () => {
    expect(errors('A1,2026-10-01,employer_encounter,Held,,,Y,,', 'PL1,2026-11-21,employer_encounter,Employer day,,,Y,,')).toEqual([
      'activities.csv:3 invited_year_groups: the activity is planned (dated 2026-11-21, after today): say who it is for in ' +
        'invited_year_groups (such as 10;11) or invited_forms (such as 10B)',
    ]);
  });

  it.each([
    { cell: '6', reason: 'invited_year_groups: must list year groups from 7 to 13 separated by ; such as 10;11 (found "6")' },
    { cell: '10;14', reason: 'invited_year_groups: must list year groups from 7 to 13 separated by ; such as 10;11 (found "14")' },
    { cell: '7-9', reason: 'invited_year_groups: must list year groups from 7 to 13 separated by ; such as 10;11 (found "7-9")' },
    { cell: 'Year 10', reason: 'invited_year_groups: must list year groups from 7 to 13 separated by ; such as 10;11 (found "Year 10")' },
  ])('refuses invited_year_groups “$cell”', ({ cell, reason }) => {
    expect(errors(`PL1,2027-05-14,employer_encounter,Employer day,,,Y,${cell},`)).toEqual([`activities.csv:2 ${reason}`]);
  });

  it('refuses a form longer than a form can be', () => {
    expect(errors(`PL1,2027-05-14,employer_encounter,Employer day,,,Y,,${'X'.repeat(21)}`)).toEqual([
      `activities.csv:2 invited_forms: each entry must be at most 20 characters (found 21) ("${'X'.repeat(21)}")`,
    ]);
  });

  it('writes year groups `;`-separated as the contract has them (never as a range), and reads them back the same', () => {
    const planned: Activity[] = [
      {
        id: 'PL1',
        date: '2027-05-14',
        kind: 'employer_encounter',
        title: 'Employer day',
        providerAccess: false,
        meaningful: true,
        invitedYearGroups: [7, 8, 9],
      },
      {
        id: 'PL2',
        date: '2027-02-10',
        kind: 'provider_encounter',
        title: 'College',
        providerType: 'further_education_college',
        providerAccess: true,
        meaningful: true,
        invitedForms: ['9A', '9C'],
      },
      { id: 'A1', date: '2026-10-01', kind: 'employer_encounter', title: 'Held', providerAccess: false, meaningful: true },
    ];
    const text = writeSchoolFiles({ ...emptySchoolData(), activities: planned })['activities.csv'];
    expect(text.split('\n')[0]).toBe(HEADER);
    expect(text).toContain('PL1,2027-05-14,employer_encounter,Employer day,,,Y,7;8;9,\n');
    expect(text).toContain('PL2,2027-02-10,provider_encounter,College,further_education_college,Y,Y,,9A;9C\n');
    const back = parseSchoolFiles({ 'activities.csv': text }, emptySchoolData(), { today: TODAY });
    expect(back.ok && back.data.activities).toEqual(planned);
  });
});

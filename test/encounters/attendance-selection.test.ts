import { describe, expect, it } from 'vitest';
import {
  applyAttendanceEdits,
  applyPicks,
  attendanceFingerprint,
  attendeesOf,
  emptySelection,
  findPupils,
  parseAttendanceEdits,
  selectionFromAttendees,
  type RosterPupil,
} from '../../src/journeys/encounters/attendance-selection';

const pupil = (id: string, givenName: string, familyName: string, yearGroup: number, form: string): RosterPupil => ({
  id,
  givenName,
  familyName,
  yearGroup,
  form,
});

const roster: RosterPupil[] = [
  pupil('a', 'Ava', 'Patel', 9, '9A'),
  pupil('b', 'Ava', 'Patel-Smith', 9, '9B'),
  pupil('c', 'Noah', 'Williams', 9, '9A'),
  pupil('d', 'Zoë', "O'Brien", 9, '9B'),
  pupil('e', 'Noah', 'Walker', 10, '10A'),
  pupil('f', 'Addison', 'Lee', 10, '10A'),
  pupil('g', 'Maya', 'Chen', 10, '10B'),
];

describe('reading the absentee box', () => {
  it('treats bare names as absentees and lets “add:” and “remove:” switch lists', () => {
    expect(parseAttendanceEdits('Ava Patel, Noah W\nremove: zoe; add: Maya Chen, +Noah Walker; -Chen')).toEqual([
      { list: 'removed', term: 'Ava Patel' },
      { list: 'removed', term: 'Noah W' },
      { list: 'removed', term: 'zoe' },
      { list: 'added', term: 'Maya Chen' },
      { list: 'added', term: 'Noah Walker' },
      { list: 'removed', term: 'Chen' },
    ]);
  });

  it('does not mistake a name starting “Add” for the word add', () => {
    expect(parseAttendanceEdits('Addison Lee')).toEqual([{ list: 'removed', term: 'Addison Lee' }]);
  });
});

describe('finding pupils by name', () => {
  it('ignores case, accents and apostrophes, and matches the start of each word', () => {
    expect(findPupils('zoe obrien', roster).map((p) => p.id)).toEqual(['d']);
    expect(findPupils('NOAH w', roster).map((p) => p.id)).toEqual(['c', 'e']);
    expect(findPupils('noah 10a', roster).map((p) => p.id)).toEqual(['e']);
  });

  it('prefers the one pupil whose full name is exactly what was typed', () => {
    expect(findPupils('Ava Patel', roster).map((p) => p.id)).toEqual(['a']);
    expect(findPupils('Ava', roster).map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('a selection of year groups and forms, minus absentees, plus extras', () => {
  it('counts a whole year group minus the names typed', () => {
    const outcome = applyAttendanceEdits(roster, { ...emptySelection(), yearGroups: [9] }, parseAttendanceEdits('Ava Patel, zoe'));
    expect(outcome.notices).toEqual([]);
    expect(outcome.selection.removed).toEqual(['a', 'd']);
    expect(attendeesOf(roster, outcome.selection)).toEqual(['b', 'c']);
  });

  it('adds individuals from outside the groups, and restores an absentee who is “added” back', () => {
    const start = { ...emptySelection(), forms: ['9A'], removed: ['c'] };
    const outcome = applyAttendanceEdits(roster, start, parseAttendanceEdits('add: Maya Chen, Noah Williams'));
    expect(outcome.selection).toMatchObject({ removed: [], added: ['g'] });
    expect(attendeesOf(roster, outcome.selection)).toEqual(['a', 'c', 'g']);
  });

  it('offers the candidates when a name is ambiguous, and explains names it cannot use', () => {
    const outcome = applyAttendanceEdits(
      roster,
      { ...emptySelection(), yearGroups: [9] },
      parseAttendanceEdits('Ava, Maya Chen, Nobody Here; add: Noah Williams'),
    );
    expect(outcome.ambiguous).toEqual([
      { id: 'a', list: 'removed' },
      { id: 'b', list: 'removed' },
    ]);
    expect(outcome.notices).toEqual([
      '“Ava” matches 2 pupils: tick the ones who were not there.',
      'Maya Chen (10B) isn’t on the list, so there was nobody to take off.',
      'I couldn’t find a pupil called “Nobody Here”.',
      'Noah Williams (9A) is already on the list.',
    ]);
    expect(outcome.selection.removed).toEqual([]);
  });

  it('applies the card’s toggles: ticked takes off, unticked puts back', () => {
    const start = { ...emptySelection(), yearGroups: [9], removed: ['a'], added: ['g'] };
    const after = applyPicks(roster, start, [
      { id: 'a', list: 'removed', on: false },
      { id: 'b', list: 'removed', on: true },
      { id: 'g', list: 'added', on: false },
      { id: 'e', list: 'added', on: true },
    ]);
    expect(after).toMatchObject({ removed: ['b'], added: ['e'] });
    expect(attendeesOf(roster, after)).toEqual(['a', 'c', 'd', 'e']);
  });

  it('forgets absentees whose group was unticked and extras whose group was ticked', () => {
    const after = applyPicks(roster, { yearGroups: [10], forms: [], removed: ['a'], added: ['e', 'c'] }, []);
    expect(after).toMatchObject({ removed: [], added: ['c'] });
  });

  it('describes a stored list the short way for editing, exactly', () => {
    const stored = ['b', 'c', 'd', 'g'];
    const selection = selectionFromAttendees(roster, stored);
    expect(selection).toEqual({ yearGroups: [9], forms: [], removed: ['a'], added: ['g'] });
    expect(attendeesOf(roster, selection).sort()).toEqual(stored);
    expect(selectionFromAttendees(roster, [])).toEqual(emptySelection());
    expect(selectionFromAttendees(roster, ['a', 'c'])).toEqual({ yearGroups: [], forms: ['9A'], removed: [], added: [] });
    expect(selectionFromAttendees(roster, ['e', 'f'])).toEqual({ yearGroups: [10], forms: [], removed: ['g'], added: [] });
  });

  it('fingerprints a list whatever its order', () => {
    expect(attendanceFingerprint(['b', 'a'])).toBe(attendanceFingerprint(['a', 'b']));
    expect(attendanceFingerprint(['a'])).not.toBe(attendanceFingerprint(['a', 'b']));
  });
});

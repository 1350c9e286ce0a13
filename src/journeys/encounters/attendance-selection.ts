// Who attended, described the way a careers leader thinks of an assembly: whole year groups and
// forms, minus the absentees, plus any extras. Pure: the cards carry the selection, and storage
// only ever sees the resulting list of pupils.

import { createHash } from 'node:crypto';
import type { Person } from '../../domain/school';

export type RosterPupil = Pick<Person, 'id' | 'givenName' | 'familyName' | 'yearGroup' | 'form'>;

export interface AttendanceSelection {
  yearGroups: number[];
  forms: string[];
  /** Pupils in the chosen groups who were not there. */
  removed: string[];
  /** Pupils outside the chosen groups who were there. */
  added: string[];
}

/** Which of the two lists a name search or a toggle works on. */
export type PickList = 'removed' | 'added';

export interface PupilPick {
  id: string;
  list: PickList;
}

export interface AttendanceEdit {
  list: PickList;
  term: string;
}

export interface EditOutcome {
  selection: AttendanceSelection;
  /** Pupils a search could mean: shown unticked for the leader to choose. */
  ambiguous: PupilPick[];
  /** What the search could not do, in words for the card. */
  notices: string[];
}

/** More matches than this and the leader is asked to type more of the name instead. */
export const MAX_AMBIGUOUS_MATCHES = 8;

export function emptySelection(): AttendanceSelection {
  return { yearGroups: [], forms: [], removed: [], added: [] };
}

function formKey(form: string | undefined): string {
  return (form ?? '').trim().toLowerCase();
}

function inGroups(pupil: RosterPupil, years: ReadonlySet<number>, forms: ReadonlySet<string>): boolean {
  return (pupil.yearGroup !== undefined && years.has(pupil.yearGroup)) || (formKey(pupil.form) !== '' && forms.has(formKey(pupil.form)));
}

function groupTest(selection: AttendanceSelection): (pupil: RosterPupil) => boolean {
  const years = new Set(selection.yearGroups);
  const forms = new Set(selection.forms.map(formKey));
  return (pupil) => inGroups(pupil, years, forms);
}

/** The pupils the selection means, in roster order. */
export function attendeesOf(pupils: readonly RosterPupil[], selection: AttendanceSelection): string[] {
  const inChosenGroups = groupTest(selection);
  const removed = new Set(selection.removed);
  const added = new Set(selection.added);
  return pupils.filter((pupil) => (inChosenGroups(pupil) && !removed.has(pupil.id)) || added.has(pupil.id)).map((pupil) => pupil.id);
}

/** Drops what no longer means anything: absentees outside the groups, extras inside them, repeats, unknown ids. */
export function tidySelection(pupils: readonly RosterPupil[], selection: AttendanceSelection): AttendanceSelection {
  const inChosenGroups = groupTest(selection);
  const byId = new Map(pupils.map((pupil) => [pupil.id, pupil]));
  const keep = (ids: readonly string[], wanted: (pupil: RosterPupil) => boolean) =>
    [...new Set(ids)].filter((id) => {
      const pupil = byId.get(id);
      return pupil !== undefined && wanted(pupil);
    });
  return {
    yearGroups: [...new Set(selection.yearGroups)].sort((a, b) => a - b),
    forms: [...new Set(selection.forms)],
    removed: keep(selection.removed, inChosenGroups),
    added: keep(selection.added, (pupil) => !inChosenGroups(pupil)),
  };
}

/** Takes a pupil off the list: an extra is dropped, a group member becomes an absentee. */
function takeOff(selection: AttendanceSelection, pupil: RosterPupil, inChosenGroups: (pupil: RosterPupil) => boolean): AttendanceSelection {
  if (selection.added.includes(pupil.id)) return { ...selection, added: selection.added.filter((id) => id !== pupil.id) };
  if (inChosenGroups(pupil) && !selection.removed.includes(pupil.id)) return { ...selection, removed: [...selection.removed, pupil.id] };
  return selection;
}

/** Puts a pupil on the list: an absentee is restored, anyone else becomes an extra. */
function putOn(selection: AttendanceSelection, pupil: RosterPupil, inChosenGroups: (pupil: RosterPupil) => boolean): AttendanceSelection {
  if (selection.removed.includes(pupil.id)) return { ...selection, removed: selection.removed.filter((id) => id !== pupil.id) };
  if (!inChosenGroups(pupil) && !selection.added.includes(pupil.id)) return { ...selection, added: [...selection.added, pupil.id] };
  return selection;
}

/**
 * Applies the card's toggles: a ticked "removed" toggle takes the pupil off the list, an unticked
 * one puts them back; "added" toggles the other way round.
 */
export function applyPicks(
  pupils: readonly RosterPupil[],
  selection: AttendanceSelection,
  picks: ReadonlyArray<PupilPick & { on: boolean }>,
): AttendanceSelection {
  const byId = new Map(pupils.map((pupil) => [pupil.id, pupil]));
  let current = tidySelection(pupils, selection);
  const inChosenGroups = groupTest(current);
  for (const pick of picks) {
    const pupil = byId.get(pick.id);
    if (!pupil) continue;
    if (pick.list === 'removed') {
      if (pick.on) current = takeOff(current, pupil, inChosenGroups);
      else current = { ...current, removed: current.removed.filter((id) => id !== pick.id) };
    } else if (pick.on) current = putOn(current, pupil, inChosenGroups);
    else current = { ...current, added: current.added.filter((id) => id !== pick.id) };
  }
  return current;
}

// Whole words only, so "Addison" is a name, not "add" + "ison".
const EDIT_PREFIX = /^(?:(remove|absent|away|add|extra|also)\b|([-+]))\s*:?\s*/i;

/**
 * Reads the search box: "remove: Ava Patel, Noah W; add: Zoë O'Brien". Names are separated by
 * commas, semicolons or new lines; "remove:" / "add:" (or "-" / "+") apply to the names after
 * them; names with neither are absentees, the common case.
 */
export function parseAttendanceEdits(text: string): AttendanceEdit[] {
  const edits: AttendanceEdit[] = [];
  let list: PickList = 'removed';
  for (const raw of text.split(/[,;\n]+/)) {
    let token = raw.trim();
    const prefix = EDIT_PREFIX.exec(token);
    if (prefix) {
      const word = (prefix[1] ?? prefix[2] ?? '').toLowerCase();
      list = word === 'add' || word === 'extra' || word === 'also' || word === '+' ? 'added' : 'removed';
      token = token.slice(prefix[0].length).trim();
    }
    if (token !== '') edits.push({ list, term: token.replace(/\s+/g, ' ') });
  }
  return edits;
}

/** Case, accents and apostrophes don't matter: "zoe obrien" finds Zoë O'Brien. */
export function nameKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function fullNameKey(pupil: RosterPupil): string {
  return nameKey(`${pupil.givenName} ${pupil.familyName}`);
}

/** Pupils whose name (or form) starts each word typed: "ava p", "patel", "noah 11a". Exact full names win. */
export function findPupils(term: string, pool: readonly RosterPupil[]): RosterPupil[] {
  const key = nameKey(term);
  if (key === '') return [];
  const words = key.split(' ');
  const matches = pool.filter((pupil) => {
    const own = [...fullNameKey(pupil).split(' '), nameKey(pupil.form ?? '')];
    return words.every((word) => own.some((part) => part.startsWith(word)));
  });
  const exact = matches.filter((pupil) => fullNameKey(pupil) === key);
  return exact.length === 1 ? exact : matches;
}

export function describePupil(pupil: RosterPupil): string {
  return `${pupil.givenName} ${pupil.familyName}${pupil.form ? ` (${pupil.form})` : ''}`;
}

/** Applies what was typed in the search box, one name at a time. */
export function applyAttendanceEdits(
  pupils: readonly RosterPupil[],
  selection: AttendanceSelection,
  edits: readonly AttendanceEdit[],
): EditOutcome {
  let current = tidySelection(pupils, selection);
  const inChosenGroups = groupTest(current);
  const ambiguous: PupilPick[] = [];
  const notices: string[] = [];
  for (const { list, term } of edits) {
    const attending = new Set(attendeesOf(pupils, current));
    const pool = pupils.filter((pupil) => attending.has(pupil.id) === (list === 'removed'));
    const found = findPupils(term, pool);
    if (found.length === 1) {
      current = list === 'removed' ? takeOff(current, found[0]!, inChosenGroups) : putOn(current, found[0]!, inChosenGroups);
    } else if (found.length > MAX_AMBIGUOUS_MATCHES) {
      notices.push(`“${term}” matches ${found.length} pupils: type more of the name.`);
    } else if (found.length > 1) {
      notices.push(`“${term}” matches ${found.length} pupils: tick the ${list === 'removed' ? 'ones who were not there' : 'ones to add'}.`);
      for (const pupil of found) if (!ambiguous.some((pick) => pick.id === pupil.id)) ambiguous.push({ id: pupil.id, list });
    } else {
      const elsewhere = findPupils(term, pupils);
      const who = elsewhere.length === 1 ? describePupil(elsewhere[0]!) : `“${term}”`;
      if (elsewhere.length === 0) notices.push(`I couldn’t find a pupil called “${term}”.`);
      else if (list === 'removed')
        notices.push(`${who} ${elsewhere.length === 1 ? 'isn’t' : 'aren’t'} on the list, so there was nobody to take off.`);
      else notices.push(`${who} ${elsewhere.length === 1 ? 'is' : 'are'} already on the list.`);
    }
  }
  return { selection: current, ambiguous, notices };
}

/**
 * The shortest description of a stored attendance list, for editing it later: year groups where
 * most pupils (and more than one) attended, then forms likewise, then the absentees and extras
 * that make it exact.
 */
export function selectionFromAttendees(pupils: readonly RosterPupil[], attendeeIds: Iterable<string>): AttendanceSelection {
  const attending = new Set(attendeeIds);
  const mostlyThere = <K>(keyOf: (pupil: RosterPupil) => K | undefined, among: readonly RosterPupil[]): K[] => {
    const tally = new Map<K, { there: number; all: number }>();
    for (const pupil of among) {
      const key = keyOf(pupil);
      if (key === undefined) continue;
      const entry = tally.get(key) ?? { there: 0, all: 0 };
      entry.all++;
      if (attending.has(pupil.id)) entry.there++;
      tally.set(key, entry);
    }
    // A lone attendee reads better as an extra than as "form 10B".
    return [...tally].filter(([, { there, all }]) => there > 1 && there * 2 > all).map(([key]) => key);
  };
  const yearGroups = mostlyThere((pupil) => pupil.yearGroup, pupils).sort((a, b) => a - b);
  const years = new Set(yearGroups);
  const outsideYears = pupils.filter((pupil) => pupil.yearGroup === undefined || !years.has(pupil.yearGroup));
  const forms = mostlyThere((pupil) => (pupil.form?.trim() ? pupil.form.trim() : undefined), outsideYears).sort(compareForms);
  const inChosenGroups = groupTest({ yearGroups, forms, removed: [], added: [] });
  return {
    yearGroups,
    forms,
    removed: pupils.filter((pupil) => inChosenGroups(pupil) && !attending.has(pupil.id)).map((pupil) => pupil.id),
    added: pupils.filter((pupil) => !inChosenGroups(pupil) && attending.has(pupil.id)).map((pupil) => pupil.id),
  };
}

/** "7A" < "7B" < "10A": forms sort by year number, then letter. */
export function compareForms(a: string, b: string): number {
  return a.localeCompare(b, 'en-GB', { numeric: true, sensitivity: 'base' });
}

export function compareByName(a: RosterPupil, b: RosterPupil): number {
  return a.familyName.localeCompare(b.familyName, 'en-GB') || a.givenName.localeCompare(b.givenName, 'en-GB') || a.id.localeCompare(b.id);
}

/** A short stamp of a stored attendance list, so a card can tell it changed since it was drawn. */
export function attendanceFingerprint(pupilIds: Iterable<string>): string {
  return createHash('sha256')
    .update([...pupilIds].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);
}

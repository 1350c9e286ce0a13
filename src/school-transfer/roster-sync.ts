// people.csv is the school's whole roster (docs/school-data-format.md, "Leavers and the school year"):
// whoever is on roll in storage but absent from the file has left. Pure: the import decides what to do.
import { onRollOn, type IsoDate, type Person } from '../domain/school';

/** How a leaver is listed: never by name, so it can be printed and logged. */
export interface RosterEntry {
  id: string;
  role: Person['role'];
  yearGroup?: number;
}

export function rosterEntry(person: Person): RosterEntry {
  return person.yearGroup === undefined
    ? { id: person.id, role: person.role }
    : { id: person.id, role: person.role, yearGroup: person.yearGroup };
}

/** Stored people on roll today whose id the imported roster leaves out. */
export function absentFromRoster(imported: readonly Person[], stored: readonly Person[], today: IsoDate): Person[] {
  const listed = new Set(imported.map((person) => person.id));
  return stored.filter((person) => !listed.has(person.id) && onRollOn(person, today));
}

/**
 * The roster to write: the imported rows, plus the absent people marked left today. Leavers already
 * stored and absent from the file keep their own date (a shorter file need not repeat them).
 */
export function rosterWithLeavers(imported: readonly Person[], absent: readonly Person[], today: IsoDate): Person[] {
  return [...imported, ...absent.map((person) => ({ ...person, leftOn: today }))];
}

/** "P0042 (pupil, Year 13)": one line of the list an import prints. */
export function describeRosterEntry(entry: RosterEntry): string {
  return entry.yearGroup === undefined ? `${entry.id} (${entry.role})` : `${entry.id} (${entry.role}, Year ${entry.yearGroup})`;
}

import { fullName, type Person } from '../../domain/school';
import { spellingDistance } from '../../domain/spelling-distance';
import type { Services } from '../../services';
import { rosterPupils } from './record-store';

// Staff open a pupil's record by roster id ("record P0001") or by name ("record Ava Patel").

export type PupilLookup = { kind: 'one'; pupil: Person } | { kind: 'several'; pupils: Person[] } | { kind: 'none'; closest: Person[] };

/** A name typed with up to this many slips (a letter missed, added, changed or swapped) is offered. */
export const NAME_SLIPS_ALLOWED = 2;
const SUGGESTIONS_SHOWN = 3;

/** Pupils whose name is within NAME_SLIPS_ALLOWED of the query, nearest first. */
export function closestPupils(query: string, pupils: readonly Person[]): Person[] {
  const typed = nameKey(query);
  // "Al" is two slips from "Jo": a name this short says too little to guess from.
  if (typed.length < 5) return [];
  // One word typed ("Patell") is a given name or a surname; more is the whole name, either way round.
  const spellings = (pupil: Person) =>
    typed.includes(' ') ? [fullName(pupil), `${pupil.familyName} ${pupil.givenName}`] : [pupil.givenName, pupil.familyName];
  const distanceTo = (pupil: Person) =>
    Math.min(...spellings(pupil).map((spelling) => spellingDistance(typed, nameKey(spelling), NAME_SLIPS_ALLOWED)));
  return pupils
    .map((pupil) => ({ pupil, distance: distanceTo(pupil) }))
    .filter(({ distance }) => distance <= NAME_SLIPS_ALLOWED)
    .sort((a, b) => a.distance - b.distance || fullName(a.pupil).localeCompare(fullName(b.pupil)) || a.pupil.id.localeCompare(b.pupil.id))
    .slice(0, SUGGESTIONS_SHOWN)
    .map(({ pupil }) => pupil);
}

/** Lower case, accents off, one space between words: "Siân  Łukasiewicz" finds "sian lukasiewicz". */
export function nameKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' -]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every word typed starts a word of the pupil's name, in any order ("ava pat", "patel ava"). */
export function nameMatches(query: string, person: Person): boolean {
  const words = nameKey(fullName(person)).split(/[ -]/);
  const typed = nameKey(query).split(' ').filter(Boolean);
  return typed.length > 0 && typed.every((part) => words.some((word) => word.startsWith(part)));
}

export async function findPupils(services: Services, schoolId: string, query: string): Promise<PupilLookup> {
  const trimmed = query.trim();
  const pupils = await rosterPupils(services, schoolId);
  const byId = pupils.find((pupil) => pupil.id.toLowerCase() === trimmed.toLowerCase());
  if (byId) return { kind: 'one', pupil: byId };
  const exact = pupils.filter((pupil) => nameKey(fullName(pupil)) === nameKey(trimmed));
  if (exact.length === 1) return { kind: 'one', pupil: exact[0]! };
  const matches = pupils.filter((pupil) => nameMatches(trimmed, pupil));
  if (matches.length === 0) return { kind: 'none', closest: closestPupils(trimmed, pupils) };
  if (matches.length === 1) return { kind: 'one', pupil: matches[0]! };
  return { kind: 'several', pupils: matches.sort((a, b) => fullName(a).localeCompare(fullName(b)) || a.id.localeCompare(b.id)) };
}

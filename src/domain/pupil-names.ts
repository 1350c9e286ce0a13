// Pupils' names as people type them: any case, accents or not, either way round, with a slip or
// two ("Ava Patell"). Pure, for opening a record by name and for finding a name in a message.

import { fullName, type Person } from './school';
import { spellingDistance } from './spelling-distance';

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

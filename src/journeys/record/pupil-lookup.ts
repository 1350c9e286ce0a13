import { odata } from '@azure/data-tables';
import { fullName, type Person } from '../../domain/school';
import type { Services } from '../../services';

// Staff open a pupil's record by roster id ("record P0001") or by name ("record Ava Patel").

export type PupilLookup = { kind: 'one'; pupil: Person } | { kind: 'several'; pupils: Person[] } | { kind: 'none' };

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
  const pupils = await services.school.collections.people.list(schoolId, odata`role eq ${'pupil'}`);
  const byId = pupils.find((pupil) => pupil.id.toLowerCase() === trimmed.toLowerCase());
  if (byId) return { kind: 'one', pupil: byId };
  const exact = pupils.filter((pupil) => nameKey(fullName(pupil)) === nameKey(trimmed));
  if (exact.length === 1) return { kind: 'one', pupil: exact[0]! };
  const matches = pupils.filter((pupil) => nameMatches(trimmed, pupil));
  if (matches.length === 0) return { kind: 'none' };
  if (matches.length === 1) return { kind: 'one', pupil: matches[0]! };
  return { kind: 'several', pupils: matches.sort((a, b) => fullName(a).localeCompare(fullName(b)) || a.id.localeCompare(b.id)) };
}

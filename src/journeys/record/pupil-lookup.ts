import { fullName, type Person } from '../../domain/school';
import { closestPupils, nameKey, nameMatches } from '../../domain/pupil-names';
import type { Services } from '../../services';
import { rosterPupils } from './record-store';

// Staff open a pupil's record by roster id ("record P0001") or by name ("record Ava Patel").

export type PupilLookup = { kind: 'one'; pupil: Person } | { kind: 'several'; pupils: Person[] } | { kind: 'none'; closest: Person[] };

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

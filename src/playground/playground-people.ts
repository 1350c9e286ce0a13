// Who to be in the Playground for a role, and who shares the group chat and team with them.
import type { Person, Role } from '../domain/school';
import { DEMO_PEOPLE } from '../schooldata/demo-school';
import { PLAYGROUND_OTHER_USER_COUNT } from './playground-profile';

/** The fixed demo person for each role, so "--as pupil" is always Ava Patel on the demo school. */
export const DEMO_PERSON_ID_BY_ROLE: Record<Role, string> = {
  pupil: DEMO_PEOPLE.pupilYear10.id,
  teacher: DEMO_PEOPLE.teacher.id,
  careers_leader: DEMO_PEOPLE.careersLeader.id,
  careers_adviser: DEMO_PEOPLE.adviser.id,
  senco: DEMO_PEOPLE.senco.id,
  admin: DEMO_PEOPLE.admin.id,
};

export interface PlaygroundCast {
  you: Person;
  others: Person[];
}

/**
 * The demo person for the role when the roster has them, else the roster's first person with
 * that role (by id, so the choice is stable); undefined when nobody has the role. The others are
 * the remaining fixed demo people first, then the roster in id order, from your side of the school
 * only: staff share the Careers team with staff (the digest is never posted into a team with
 * pupils), pupils their group chat with pupils.
 */
export function choosePlaygroundCast(people: readonly Person[], role: Role): PlaygroundCast | undefined {
  const byId = [...people].sort((a, b) => a.id.localeCompare(b.id));
  const demo = byId.find((person) => person.id === DEMO_PERSON_ID_BY_ROLE[role] && person.role === role);
  const you = demo ?? byId.find((person) => person.role === role);
  if (!you) return undefined;

  const demoIds = new Set<string>(Object.values(DEMO_PEOPLE).map((person) => person.id));
  const others = [...byId.filter((person) => demoIds.has(person.id)), ...byId.filter((person) => !demoIds.has(person.id))]
    .filter((person) => person.id !== you.id && (person.role === 'pupil') === (you.role === 'pupil'))
    .slice(0, PLAYGROUND_OTHER_USER_COUNT);
  return { you, others };
}

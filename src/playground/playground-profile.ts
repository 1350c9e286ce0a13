// The Playground's `.m365agentsplayground.yml`: who "you" are in its fake Teams, and who else is in
// its group chat and team. The bot reads the signed-in user's UPN back through the roster API
// (TeamsInfo.getMember), so naming a roster person's email here signs you in as them.
import { createHash } from 'node:crypto';
import { fullName, type Person } from '../domain/school';

/** Fake tenant used when no WAYPOINT_TENANT_ID is configured. Not registered anywhere. */
export const PLAYGROUND_TENANT_ID = '7e5a1d2c-9b0f-4c1e-8a3d-00000000f00d';
export const PLAYGROUND_BOT = { id: '28:waypoint-playground-bot', name: 'Waypoint' } as const;

// The Playground's schema insists on exactly five other users, and on at most one channel besides
// General (which it always adds itself, with the team's id as its conversation id).
export const PLAYGROUND_OTHER_USER_COUNT = 5;

export type PlaygroundPerson = Pick<Person, 'id' | 'givenName' | 'familyName' | 'email'>;

export interface PlaygroundProfileInput {
  /** The person you are signed in as. */
  currentUser: PlaygroundPerson;
  /** Others in the group chat and team: the first five are used, and stand-ins fill any gap. */
  otherUsers?: readonly PlaygroundPerson[];
  /** Defaults to PLAYGROUND_TENANT_ID. */
  tenantId?: string;
}

export interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

/** A stable fake AAD object id (UUID-shaped) for a roster id, so identities survive restarts. */
export function fakeAadObjectId(personId: string): string {
  const hex = createHash('sha256').update(`waypoint-playground:${personId}`).digest('hex');
  // Version 4 / variant bits set so it looks like any other Entra ID object id.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A stable fake Teams user id ("29:" is the prefix Teams gives user ids) for a roster id. */
export function fakeTeamsUserId(personId: string): string {
  return `29:waypoint-${personId.toLowerCase()}`;
}

export function playgroundUser(person: PlaygroundPerson): PlaygroundUser {
  return {
    id: fakeTeamsUserId(person.id),
    name: fullName(person),
    userPrincipleName: person.email,
    aadObjectId: fakeAadObjectId(person.id),
    givenName: person.givenName,
    surname: person.familyName,
    email: person.email,
  };
}

/** The yml text for the Playground. Pure: the same input always gives the same text. */
export function playgroundProfileYaml(input: PlaygroundProfileInput): string {
  const tenantId = input.tenantId ?? PLAYGROUND_TENANT_ID;
  const others = (input.otherUsers ?? []).filter((person) => person.id !== input.currentUser.id).slice(0, PLAYGROUND_OTHER_USER_COUNT);
  for (let index = others.length; index < PLAYGROUND_OTHER_USER_COUNT; index++) others.push(standInVisitor(index + 1));

  const lines = [
    '# Written by Waypoint (src/playground/playground-profile.ts) before each Playground start: edits are lost.',
    'version: "0.1.1"',
    `tenantId: ${quoted(tenantId)}`,
    'bot:',
    `  id: ${quoted(PLAYGROUND_BOT.id)}`,
    `  name: ${quoted(PLAYGROUND_BOT.name)}`,
    'currentUser:',
    ...userLines(playgroundUser(input.currentUser), '  '),
    'users:',
    ...others.flatMap((person) =>
      userLines(playgroundUser(person), '    ').map((line, index) => (index === 0 ? `  - ${line.trimStart()}` : line)),
    ),
    'personalChat:',
    `  id: ${quoted(`a:waypoint-personal-${input.currentUser.id.toLowerCase()}`)}`,
    'groupChat:',
    `  id: ${quoted('19:waypoint-careers-group@thread.v2')}`,
    `  name: ${quoted('Careers group chat')}`,
    'team:',
    // The team's id is also its General channel's conversation id.
    `  id: ${quoted('19:waypoint-careers-general@thread.tacv2')}`,
    `  name: ${quoted('Careers')}`,
    `  aadGroupId: ${quoted(fakeAadObjectId('team:careers'))}`,
    '  channels: []',
    '',
  ];
  return lines.join('\n');
}

/** Someone outside the roster, so the group chat has its five members even in a tiny school. */
function standInVisitor(number: number): PlaygroundPerson {
  return { id: `visitor-${number}`, givenName: 'Visitor', familyName: String(number), email: `visitor${number}@playground.invalid` };
}

function userLines(user: PlaygroundUser, indent: string): string[] {
  return (Object.keys(user) as Array<keyof PlaygroundUser>).map((key) => `${indent}${key}: ${quoted(user[key])}`);
}

/** YAML double-quoted scalar: JSON string syntax is a subset of it, so names with colons or quotes stay safe. */
function quoted(value: string): string {
  return JSON.stringify(value);
}

import { ROLE_LABELS } from '../domain/roles';
import { fullName, type Person } from '../domain/school';

/**
 * What `npm run playground` prints once both are up. It names the bot's own address (its port is
 * chosen at start), because the development job triggers are called on it, and says how to see
 * messages the bot sends to other people, which a one-person Playground never shows.
 */
export function playgroundReadyMessage(options: { playgroundUrl: string; botUrl: string; you: Person; schoolId: string }): string {
  return [
    '',
    'The Microsoft 365 Agents Playground is ready.',
    `  Open ${options.playgroundUrl} in your browser.`,
    `  Signed in as ${describePerson(options.you)}, in school "${options.schoolId}".`,
    '  Type "help" in the personal chat to start. Press Ctrl+C to stop.',
    `  The bot listens at ${options.botUrl}. To run the weekly digest job as if it were that time`,
    '  (after "post the digest here" in a channel; the school’s digest day and hour, Monday 08:00 by default):',
    `    curl -X POST ${options.botUrl}/dev/jobs/weekly-digest -H 'content-type: application/json' -d '{"at":"2026-11-30T08:00:00Z"}'`,
    '  Messages to other people (an adviser’s notice of a booking, a nudge to a teacher) go to their',
    '  chats, not yours: stop and start again with --as that role to read them.',
    '',
  ].join('\n');
}

function describePerson(person: Person): string {
  const role = person.role === 'pupil' && person.yearGroup !== undefined ? `Pupil, Year ${person.yearGroup}` : ROLE_LABELS[person.role];
  return `${fullName(person)} (${role}, ${person.email}, roster id ${person.id})`;
}

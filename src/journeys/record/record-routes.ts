import { type CardVerb, type MessageCommand, cardCommand, cardVerb } from '../../bot/route';
import { ROLE_GROUP_NAMES } from '../../domain/roles';
import type { Role } from '../../domain/school';
import { findTypedRecord, myRecord, PUPIL_RECORD_PATTERN, openRecord, planForm, savePlans } from './record-journey';
import { recentActivities } from '../encounters/attendance-journey';
import { RECORDING_ROLES } from '../encounters/encounter-verbs';
import { RECORD_VERBS } from './record-verbs';
import { MY_PLANS, MY_RECORD, PUPIL_RECORD } from './record-examples';

// Who may open a careers record: the pupil (their own), and the staff who guide pupils.
// Teachers and administrators may not.
export const RECORD_READERS: readonly Role[] = ['careers_adviser', 'careers_leader', 'senco'];
const PUPILS: readonly Role[] = ['pupil'];

/**
 * Why "record Ava Patel" opens nothing for this role, and who can. Administrators manage the
 * school's data and settings; a pupil's guidance notes are for the staff who guide them.
 */
export function recordRefusal(role: Role): string | undefined {
  // Pupils get the usual answer (their help card offers "my record"); staff are told why, and who may.
  if (role === 'pupil') return undefined;
  // In the words every refusal ends with ("… can do that in Waypoint. Type “help” …"), naming who may.
  const readers = RECORD_READERS.map((reader) => ROLE_GROUP_NAMES[reader]);
  const who = `${readers.slice(0, -1).join(', ')} or ${readers.at(-1)}`;
  const instead =
    role === 'admin'
      ? 'As an administrator you can see the benchmark report and the gaps, which count pupils without opening anyone’s record. '
      : role === 'teacher'
        ? 'As a teacher you can log careers links and take the register for an activity. '
        : '';
  return (
    `Sorry, only ${who} can open a pupil’s careers record, which holds the advice they were given. ${instead}If you need ` +
    `something from a record, please ask one of them, as only they can do that in Waypoint. Type “help” to see what you can do.`
  );
}

export const myRecordCommand = cardCommand({
  name: 'my record',
  understood: MY_RECORD,
  pattern: /^\s*(show\s+)?my\s+(careers\s+)?record\s*[.!?]?\s*$/i,
  roles: PUPILS,
  help: {
    title: 'My careers record',
    description: 'Your guidance meetings, encounters, careers information and plans in one place, and what is still to come.',
    command: 'my record',
  },
  answer: (turn) => myRecord(turn),
});

export const myPlansCommand = cardCommand({
  name: 'my plans',
  understood: MY_PLANS,
  pattern: /^\s*(update\s+|change\s+)?my\s+(plans|aspirations?|intended\s+destination)\s*[.!?]?\s*$/i,
  roles: PUPILS,
  answer: (turn) => planForm(turn),
});

export const pupilRecordCommand = cardCommand({
  name: 'pupil record',
  understood: PUPIL_RECORD,
  pattern: PUPIL_RECORD_PATTERN,
  roles: RECORD_READERS,
  refusal: recordRefusal,
  takesAnyWords: true,
  help: {
    title: 'Pupil record',
    description: 'Open a pupil’s careers record by name or id, e.g. “record Ava Patel” or “record P0001”.',
    command: 'record',
  },
  answer: findTypedRecord,
});

export const RECORD_COMMANDS: readonly MessageCommand[] = [myRecordCommand, myPlansCommand, pupilRecordCommand];

export const RECORD_CARD_VERBS: readonly CardVerb[] = [
  cardVerb({ verb: RECORD_VERBS.open, roles: [...PUPILS, ...RECORD_READERS], handle: (turn, data) => openRecord(turn, data) }),
  cardVerb({ verb: RECORD_VERBS.plansForm, roles: PUPILS, handle: (turn) => planForm(turn) }),
  // Opens the existing "attendance" card, where staff add the pupil to an activity's attendance.
  cardVerb({ verb: RECORD_VERBS.addToActivity, roles: RECORDING_ROLES, handle: (turn) => recentActivities(turn) }),
  cardVerb({ verb: RECORD_VERBS.savePlans, roles: PUPILS, handle: (turn, data) => savePlans(turn, data) }),
];

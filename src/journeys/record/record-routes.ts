import { type CardVerb, type MessageCommand, cardCommand, cardVerb } from '../../bot/route';
import type { Role } from '../../domain/school';
import { findTypedRecord, myRecord, PUPIL_RECORD_PATTERN, openRecord, planForm, savePlans } from './record-journey';
import { recentActivities } from '../encounters/attendance-journey';
import { RECORDING_ROLES } from '../encounters/encounter-verbs';
import { RECORD_VERBS } from './record-verbs';

// Who may open a careers record: the pupil (their own), and the staff who guide pupils.
// Teachers and administrators may not.
const RECORD_READERS: readonly Role[] = ['careers_adviser', 'careers_leader', 'senco'];
const PUPILS: readonly Role[] = ['pupil'];

export const myRecordCommand = cardCommand({
  name: 'my record',
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
  pattern: /^\s*(update\s+|change\s+)?my\s+(plans|aspirations?|intended\s+destination)\s*[.!?]?\s*$/i,
  roles: PUPILS,
  answer: (turn) => planForm(turn),
});

export const pupilRecordCommand = cardCommand({
  name: 'pupil record',
  pattern: PUPIL_RECORD_PATTERN,
  roles: RECORD_READERS,
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

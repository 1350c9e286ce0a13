import { randomUUID } from 'node:crypto';
import { cardVerb, type CardVerb, type MessageCommand, replyWith } from '../../bot/route';
import type { ActivityKind } from '../../domain/school';
import { openAttendance, recentActivities, saveAttendanceCard, updateAttendance } from './attendance-journey';
import { editActivity, saveActivity, startActivity } from './encounter-journey';
import { ACTIVITY_VERBS, ATTENDANCE_VERBS } from './encounter-verbs';
import { RECORDING_ROLES } from './encounter-verbs';

const KIND_WORDS: ReadonlyArray<[RegExp, ActivityKind]> = [
  [/^employer\s+encounter$/i, 'employer_encounter'],
  [/^(work(place)?\s+experience|part[-\s]time\s+job)$/i, 'workplace_experience'],
  [/^provider\s+encounter$/i, 'provider_encounter'],
  [/^(lmi|labour[-\s]market\s+information)$/i, 'labour_market_information'],
];

const RECORD_PATTERN =
  /^\s*(?:record|log|add|new)\s+(?:an?\s+)?(?:careers\s+)?(activity|encounter|event|employer\s+encounter|provider\s+encounter|work(?:place)?\s+experience|part[-\s]time\s+job|lmi|labour[-\s]market\s+information)\s*[.!]?\s*$/i;

export const recordActivityCommand: MessageCommand = {
  name: 'record activity',
  pattern: RECORD_PATTERN,
  roles: RECORDING_ROLES,
  help: {
    title: 'Record an activity',
    description: 'Record an employer encounter, workplace experience, provider encounter or labour-market information, with its “meaningful” checklist, then take attendance.',
    command: 'record activity',
  },
  async handle(turn) {
    const words = RECORD_PATTERN.exec(turn.context.activity.text ?? '')?.[1]?.replace(/\s+/g, ' ') ?? '';
    const kind = KIND_WORDS.find(([pattern]) => pattern.test(words))?.[1];
    await replyWith(turn, startActivity(turn, { draftId: randomUUID(), kind }));
  },
};

export const attendanceCommand: MessageCommand = {
  name: 'attendance',
  pattern: /^\s*(?:(?:take|record|edit|add|do)\s+)?(?:the\s+)?(?:attendance|register)\s*[.!?]?\s*$/i,
  roles: RECORDING_ROLES,
  help: {
    title: 'Attendance',
    description: 'Record who came to an activity: whole year groups or forms, minus absentees by name.',
    command: 'attendance',
  },
  async handle(turn) {
    await replyWith(turn, await recentActivities(turn));
  },
};

export const ENCOUNTER_COMMANDS: readonly MessageCommand[] = [recordActivityCommand, attendanceCommand];

export const ENCOUNTER_CARD_VERBS: readonly CardVerb[] = [
  cardVerb({ verb: ACTIVITY_VERBS.start, roles: RECORDING_ROLES, handle: async (turn, data) => startActivity(turn, data) }),
  cardVerb({ verb: ACTIVITY_VERBS.kind, roles: RECORDING_ROLES, handle: async (turn, data) => startActivity(turn, data) }),
  cardVerb({ verb: ACTIVITY_VERBS.save, roles: RECORDING_ROLES, handle: (turn, data) => saveActivity(turn, data) }),
  cardVerb({ verb: ACTIVITY_VERBS.edit, roles: RECORDING_ROLES, handle: (turn, data) => editActivity(turn, data) }),
  cardVerb({ verb: ATTENDANCE_VERBS.open, roles: RECORDING_ROLES, handle: (turn, data) => openAttendance(turn, data) }),
  cardVerb({ verb: ATTENDANCE_VERBS.update, roles: RECORDING_ROLES, handle: (turn, data) => updateAttendance(turn, data) }),
  cardVerb({ verb: ATTENDANCE_VERBS.save, roles: RECORDING_ROLES, handle: (turn, data) => saveAttendanceCard(turn, data) }),
];

import { cardCommand, cardVerb, type CardVerb, type MessageCommand } from '../../bot/route';
import { openAttendance, recentActivities, saveAttendanceCard, updateAttendance } from './attendance-journey';
import { editActivity, RECORD_ACTIVITY_PATTERN, saveActivity, startActivity, startActivityFromMessage } from './encounter-journey';
import { ACTIVITY_VERBS, ATTENDANCE_VERBS, RECORDING_ROLES } from './encounter-verbs';
import { saveAttendanceFromPlan } from './plan-attendance-journey';
import { PLAN_ATTENDANCE_VERBS } from './plan-attendance-verbs';
import { ATTENDANCE, RECORD_ACTIVITY } from './encounter-examples';

// The encounters' commands and card verbs; what each does is in encounter-journey.ts and attendance-journey.ts.

export const recordActivityCommand: MessageCommand = {
  name: 'record activity',
  understood: RECORD_ACTIVITY,
  pattern: RECORD_ACTIVITY_PATTERN,
  roles: RECORDING_ROLES,
  help: {
    title: 'Record an activity',
    description:
      'Record an employer encounter, workplace experience, provider encounter or labour-market information, with its ' +
      '“meaningful” checklist, then take attendance.',
    command: 'record activity',
  },
  handle: startActivityFromMessage,
};

export const attendanceCommand = cardCommand({
  name: 'attendance',
  understood: ATTENDANCE,
  pattern: /^\s*(?:(?:take|record|edit|add|do)\s+)?(?:the\s+)?(?:attendance|register)\s*[.!?]?\s*$/i,
  roles: RECORDING_ROLES,
  help: {
    title: 'Attendance',
    description: 'Record who came to an activity: whole year groups or forms, minus absentees by name.',
    command: 'attendance',
  },
  answer: recentActivities,
});

export const ENCOUNTER_COMMANDS: readonly MessageCommand[] = [recordActivityCommand, attendanceCommand];

export const ENCOUNTER_CARD_VERBS: readonly CardVerb[] = [
  cardVerb({ verb: ACTIVITY_VERBS.start, roles: RECORDING_ROLES, handle: async (turn, data) => startActivity(turn, data) }),
  cardVerb({ verb: ACTIVITY_VERBS.kind, roles: RECORDING_ROLES, handle: async (turn, data) => startActivity(turn, data) }),
  cardVerb({ verb: ACTIVITY_VERBS.save, roles: RECORDING_ROLES, handle: (turn, data) => saveActivity(turn, data) }),
  cardVerb({ verb: ACTIVITY_VERBS.edit, roles: RECORDING_ROLES, handle: (turn, data) => editActivity(turn, data) }),
  cardVerb({ verb: ATTENDANCE_VERBS.open, roles: RECORDING_ROLES, handle: (turn, data) => openAttendance(turn, data) }),
  cardVerb({ verb: ATTENDANCE_VERBS.update, roles: RECORDING_ROLES, handle: (turn, data) => updateAttendance(turn, data) }),
  cardVerb({ verb: ATTENDANCE_VERBS.save, roles: RECORDING_ROLES, handle: (turn, data) => saveAttendanceCard(turn, data) }),
  cardVerb({ verb: PLAN_ATTENDANCE_VERBS.save, roles: RECORDING_ROLES, handle: (turn, data) => saveAttendanceFromPlan(turn, data) }),
];

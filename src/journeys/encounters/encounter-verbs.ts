import type { Role } from '../../domain/school';

// The careers team and any teacher may record what they ran; pupils may not. Teachers change only
// what they recorded (encounter-records.ts, mayChange).
export const RECORDING_ROLES: readonly Role[] = ['careers_leader', 'careers_adviser', 'teacher'];

export const ACTIVITY_VERBS = {
  start: 'activity.start',
  kind: 'activity.kind',
  save: 'activity.save',
  edit: 'activity.edit',
} as const;

export const ATTENDANCE_VERBS = {
  open: 'attendance.open',
  update: 'attendance.update',
  save: 'attendance.save',
} as const;

import type { Role } from '../../domain/school';

// Pupil-level gaps name pupils and their SEND, pupil premium and looked-after flags: only the
// staff who act on them may see them, never pupils or classroom teachers.
export const REPORT_ROLES: readonly Role[] = ['careers_leader', 'admin', 'senco', 'careers_adviser'];

export const REPORT_VERBS = {
  show: 'report.show',
  pupils: 'report.pupils',
  gaps: 'report.gaps',
} as const;

import { ROLES, type Role } from './school';

export const ALL_ROLES: readonly Role[] = ROLES;
export const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'pupil');

export const ROLE_LABELS: Record<Role, string> = {
  pupil: 'Pupil',
  teacher: 'Teacher',
  careers_leader: 'Careers leader',
  careers_adviser: 'Careers adviser',
  senco: 'SENCO',
  admin: 'Administrator',
};

/** How a sentence names everyone with a role: "only teachers or the careers leader can…". */
export const ROLE_GROUP_NAMES: Record<Role, string> = {
  pupil: 'pupils',
  teacher: 'teachers',
  careers_leader: 'the careers leader',
  careers_adviser: 'careers advisers',
  senco: 'the SENCO',
  admin: 'administrators',
};

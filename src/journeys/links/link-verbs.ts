import { STAFF_ROLES } from '../../domain/roles';

// Anyone on the staff may log a link for a lesson they taught; pupils may not.
export const LINK_ROLES = STAFF_ROLES;

// Every card verb of the link journey, in one place so cards and routes agree.
export const LINK_VERBS = {
  start: 'link.start',
  chooseSubject: 'link.subject',
  save: 'link.save',
  edit: 'link.edit',
  undo: 'link.undo',
  remove: 'link.delete',
  mine: 'link.mine',
  coverage: 'link.coverage',
} as const;

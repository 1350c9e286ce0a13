import type { MessageCommand } from '../../bot/route';
import { ALL_ROLES } from '../../domain/roles';
import { optOutOfNudges } from './nudge-opt-outs';

export const stopNudgesCommand: MessageCommand = {
  name: 'stop',
  pattern: /^\s*(stop|stop\s+(the\s+)?(nudges|reminders|messages)|unsubscribe)\s*[.!]?\s*$/i,
  roles: ALL_ROLES,
  async handle(turn) {
    await optOutOfNudges(turn.services, turn.sender.schoolId, turn.sender.person.id, turn.occurredAt);
    await turn.context.sendActivity('Done: I won’t send you any more reminders about careers links or meetings. You can still use everything in Waypoint; type “help” to see what.');
  },
};

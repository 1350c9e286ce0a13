import { cardVerb, type CardVerb, type MessageCommand } from '../../bot/route';
import { adaptiveCard, heading, textBlock } from '../../cards/adaptive-card';
import { MESSAGE_TEACHERS_ROLES, preview, send } from './message-teachers';
import { MESSAGE_TEACHERS_VERBS } from './nudge-verbs';
import { ALL_ROLES } from '../../domain/roles';
import type { Role } from '../../domain/school';
import { optOutOfNudges } from './nudge-store';
import { STOP_NUDGES } from './nudge-examples';

// What "stop" covers, per message kind: every nudge and reminder to do something (teachers' and
// the careers leader's "log a link" nudges, pupils' "book a meeting" nudges and reminders of the
// actions they agreed, advisers' "record your meeting" reminders). Messages about a meeting itself (a pupil's reminder the day before,
// an offered time, a booking, move or cancellation for its adviser) still come: the reply says so.

export const stopNudgesCommand: MessageCommand = {
  name: 'stop',
  understood: STOP_NUDGES,
  pattern: /^\s*(stop|stop\s+(the\s+)?(nudges|reminders|messages)|unsubscribe)\s*[.!]?\s*$/i,
  roles: ALL_ROLES,
  async handle(turn) {
    await optOutOfNudges(turn.services, turn.sender.schoolId, turn.sender.person.id, turn.occurredAt);
    await turn.context.sendActivity(stopReply(turn.sender.person.role));
  },
};

/** Exactly what "stop" stops for someone with this role, and what they will still get. */
export function stopReply(role: Role): string {
  const still = 'You can still use everything in Waypoint; type “help” to see what.';
  if (role === 'pupil') {
    return (
      'Done: I won’t send you any more nudges to book a careers meeting, or reminders of the actions you agreed at one (“my ' +
      'actions” still lists them), or ask how useful an activity you went to was. ' +
      'I’ll still message you about a meeting itself: ' +
      `a reminder the day before one you’ve booked, a time an adviser offers you, and another time if you miss one. ${still}`
    );
  }
  const advises = role === 'careers_adviser' || role === 'careers_leader';
  const stopped = advises
    ? 'Done: I won’t send you any more reminders to log careers links or to record your meetings (your diary still lists the ' +
      'ones to record). I’ll still tell you when a pupil books, moves or cancels a meeting with you.'
    : 'Done: I won’t send you any more reminders to log careers links, from me or from the careers leader.';
  const digest =
    role === 'careers_leader' || role === 'admin'
      ? ' The weekly digest goes to your team’s channel: say “stop the digest” there to end it.'
      : '';
  return `${stopped}${digest} ${still}`;
}

export const NUDGE_CARD_VERBS: readonly CardVerb[] = [
  cardVerb({ verb: MESSAGE_TEACHERS_VERBS.preview, roles: MESSAGE_TEACHERS_ROLES, handle: preview }),
  cardVerb({ verb: MESSAGE_TEACHERS_VERBS.send, roles: MESSAGE_TEACHERS_ROLES, handle: send }),
  cardVerb({
    verb: MESSAGE_TEACHERS_VERBS.cancel,
    roles: MESSAGE_TEACHERS_ROLES,
    handle: async () => adaptiveCard([heading('Not sent'), textBlock('I haven’t messaged anyone.')]),
  }),
];

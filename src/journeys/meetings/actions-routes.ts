import { type CardVerb, type MessageCommand, cardCommand, cardVerb } from '../../bot/route';
import type { Role } from '../../domain/school';
import { diary } from './diary-journey';
import { markDone, myActions } from './actions-journey';
import { ACTIONS_VERBS } from './actions-verbs';
import { MY_ACTIONS } from './meeting-examples';

// Pupils see and tick off the actions agreed at their careers meetings; the meeting's adviser and
// the careers leader may tick them off too (from the diary or the pupil's record).
const PUPILS: readonly Role[] = ['pupil'];
const MARKERS: readonly Role[] = ['pupil', 'careers_adviser', 'careers_leader'];

export const myActionsCommand = cardCommand({
  name: 'my actions',
  understood: MY_ACTIONS,
  pattern: /^\s*(my\s+)?(agreed\s+)?actions\s*[.!?]?\s*$/i,
  roles: PUPILS,
  help: {
    title: 'My actions',
    description: 'What you agreed to do at your careers meetings, and by when; mark each done.',
    command: 'my actions',
  },
  answer: (turn) => myActions(turn),
});

export const ACTIONS_COMMANDS: readonly MessageCommand[] = [myActionsCommand];

export const ACTIONS_CARD_VERBS: readonly CardVerb[] = [
  cardVerb({ verb: ACTIONS_VERBS.mine, roles: PUPILS, handle: (turn) => myActions(turn) }),
  cardVerb({
    verb: ACTIONS_VERBS.markDone,
    roles: MARKERS,
    handle: (turn, data) =>
      markDone(turn, data, (after, notice) => (after.sender.person.role === 'pupil' ? myActions(after, notice) : diary(after, notice))),
  }),
];

import { z } from 'zod/v4';
import { defineVerb, NO_DATA } from '../../cards/card-verb';

// Every card verb of the agreed-actions journey: its name and the data it carries, defined once
// so the cards that send it and the route that receives it agree.

const actionId = z.string().min(1).max(120);

export const ACTIONS_VERBS = {
  /** The pupil's own actions, open and done. */
  mine: defineVerb('actions.mine', NO_DATA),
  /** Marks one action done: the pupil concerned, their adviser or the careers leader. */
  markDone: defineVerb('actions.done', z.object({ actionId })),
} as const;

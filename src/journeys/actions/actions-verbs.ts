import { z } from 'zod/v4';
import type { VerbDefinition } from '../../bot/verb-definition';

// Every card verb of the agreed-actions journey: its name and the data it carries, defined once
// so the cards that send it and the route that receives it agree.

const actionId = z.string().min(1).max(120);

export const ACTIONS_VERBS = {
  /** The pupil's own actions, open and done. */
  mine: { name: 'actions.mine', data: z.object({}) },
  /** Marks one action done: the pupil concerned, their adviser or the careers leader. */
  markDone: { name: 'actions.done', data: z.object({ actionId }) },
} as const satisfies Record<string, VerbDefinition>;

import { z } from 'zod/v4';

// Every card verb of the agreed-actions journey: its name and the data it carries, defined once
// so the cards that send it and the route that receives it agree.

const actionId = z.string().min(1).max(120);

export const ACTIONS_VERBS = {
  /** The pupil's own actions, open and done. */
  mine: { name: 'actions.mine', data: z.object({}) },
  /** Marks one action done: the pupil concerned, their adviser or the careers leader. */
  markDone: { name: 'actions.done', data: z.object({ actionId }) },
} as const;

export type ActionsVerb = (typeof ACTIONS_VERBS)[keyof typeof ACTIONS_VERBS];

/** A button's data, typed by the verb's own schema. */
export function verbData<Verb extends ActionsVerb>(_verb: Verb, data: z.input<Verb['data']>): Record<string, unknown> {
  return data as Record<string, unknown>;
}

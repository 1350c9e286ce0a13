import { z } from 'zod/v4';

/**
 * One card verb: its name and the schema of the data its buttons send. The card builders
 * (executeAction, formAction) and the route (cardVerb in src/bot/route.ts) both take it, so a card
 * that sends data its handler would refuse does not compile.
 */
export interface VerbDefinition<Schema extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly data: Schema;
}

export function defineVerb<Schema extends z.ZodType>(name: string, data: Schema): VerbDefinition<Schema> {
  return { name, data };
}

/** What a button may carry for its verb: z.input, so defaults and coercions may be left to the schema. */
export type VerbData<Verb extends VerbDefinition> = z.input<Verb['data']>;

/** For a verb whose buttons send nothing. */
export const NO_DATA = z.object({});

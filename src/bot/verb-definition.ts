import type { z } from 'zod/v4';

/** One card verb: its name and the zod schema of the data its buttons carry (cards and routes share it). */
export interface VerbDefinition<Schema extends z.ZodType = z.ZodType> {
  name: string;
  data: Schema;
}

/** A button's data, checked at compile time against the verb's own schema. */
export function verbData<Verb extends VerbDefinition>(_verb: Verb, data: z.input<Verb['data']>): Record<string, unknown> {
  return data as Record<string, unknown>;
}

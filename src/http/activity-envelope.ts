import { ActivityTypes } from 'botbuilder';
import { z } from 'zod/v4';
import type { BodyReading } from './read-json-body';

// The least an activity must be for the adapter to handle it rather than fail with a 500: anything
// else is the sender's mistake (400). What passes is handed on untouched.
const activityEnvelope = z.object({
  type: z.enum(Object.values(ActivityTypes) as [string, ...string[]]),
  id: z.string().max(512).optional(),
  text: z.string().optional(),
  name: z.string().max(512).optional(),
});

export function checkActivityEnvelope(value: unknown): BodyReading {
  if (activityEnvelope.safeParse(value).success) return { ok: true, value };
  return { ok: false, status: 400, message: 'The body is not a Bot Framework activity.' };
}

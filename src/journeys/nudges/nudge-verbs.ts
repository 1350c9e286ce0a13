import { z } from 'zod/v4';
import { defineVerb, NO_DATA } from '../../cards/card-verb';

// Every card verb of the nudges, with the data its buttons send, so cards and routes agree.
const subjects = z.array(z.string().min(1).max(100)).max(40);
const yearGroup = z.coerce.number().int().min(7).max(13);
const missingEntry = z.object({ yearGroup, subjects });
// Cards posted before one item stood for every year group carry a single year group.
export const previewData = z.union([
  z.object({ missing: z.array(missingEntry).min(1).max(7) }),
  z.object({ yearGroup, subjects }).transform(({ yearGroup, subjects }) => ({ missing: [{ yearGroup, subjects }] })),
]);
export const sendData = z.object({
  missing: z.array(missingEntry).min(1).max(7),
  teacherIds: z.array(z.string().min(1).max(100)).min(1).max(500),
});

export const MESSAGE_TEACHERS_VERBS = {
  preview: defineVerb('digest.nudge', previewData),
  send: defineVerb('digest.nudge.send', sendData),
  cancel: defineVerb('digest.nudge.cancel', NO_DATA),
} as const;

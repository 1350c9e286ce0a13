import { z } from 'zod/v4';
import { optionalText, typedText } from '../../cards/card-fields';
import { defineVerb } from '../../cards/card-verb';

// Every card verb of the careers record, with the data its buttons send, so cards and routes agree.
export const openRecordData = z.object({ pupilId: z.string().min(1).max(50).optional() });
export const planData = z.object({ kind: optionalText(20), destination: typedText(2000) });

export const RECORD_VERBS = {
  open: defineVerb('record.open', openRecordData),
  plansForm: defineVerb('record.plansForm', openRecordData),
  savePlans: defineVerb('record.savePlans', planData),
  /** Staff who record activities: the recent activities, to add the pupil to one's attendance. */
  addToActivity: defineVerb('record.addToActivity', openRecordData),
} as const;

import type { z } from 'zod/v4';
import { LEARNED_MAX_LENGTH } from '../../domain/pupil-feedback';
import { oneLine } from '../../domain/typed-text';
import type { answerData } from './feedback-verbs';

// What a feedback card sent, checked once: the rating is 1 to 5 (the verb's schema), the line
// about what was learned is optional and short.

export interface FeedbackDraft {
  activityId: string;
  rating: number;
  learned?: string;
}

export type FeedbackCheck = { ok: true; draft: FeedbackDraft } | { ok: false; message: string };

export function validateFeedback(data: z.output<typeof answerData>): FeedbackCheck {
  const learned = oneLine(data.learned);
  if (learned.length > LEARNED_MAX_LENGTH) {
    return {
      ok: false,
      message:
        `“One thing you learned” can be at most ${LEARNED_MAX_LENGTH} characters (yours has ${learned.length}). ` +
        'Shorten it and tap your answer again.',
    };
  }
  return { ok: true, draft: { activityId: data.activityId, rating: data.rating, ...(learned ? { learned } : {}) } };
}

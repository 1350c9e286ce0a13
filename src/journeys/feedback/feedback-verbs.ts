import { z } from 'zod/v4';
import { defineVerb, NO_DATA } from '../../cards/card-verb';
import { typedText } from '../../cards/card-fields';
import type { Role } from '../../domain/school';

// Every card verb of the pupil-feedback journey: its name and the data its buttons send.

/** Who answers: the pupils who attended. Who reads the results: the careers team. */
export const FEEDBACK_ANSWER_ROLES: readonly Role[] = ['pupil'];
export const FEEDBACK_RESULT_ROLES: readonly Role[] = ['careers_leader', 'careers_adviser'];

// Loose on the text's length here: feedback-submission.ts says what is too long, in words.
export const answerData = z.object({
  activityId: z.string().min(1).max(120),
  rating: z.coerce.number().int().min(1).max(5),
  learned: typedText(10_000),
});

export const FEEDBACK_VERBS = {
  /** One tap: the rating the button carries, with the optional line typed above it. */
  answer: defineVerb('feedback.answer', answerData),
  /** The results per activity, for the careers team. */
  results: defineVerb('feedback.results', NO_DATA),
} as const;

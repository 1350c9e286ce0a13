import { cardCommand, cardVerb, type CardVerb, type MessageCommand } from '../../bot/route';
import { answerFeedback, feedbackResults } from './feedback-journey';
import { FEEDBACK_ANSWER_ROLES, FEEDBACK_RESULT_ROLES, FEEDBACK_VERBS } from './feedback-verbs';
import { FEEDBACK } from './feedback-examples';

// Pupils' feedback after an activity; what each does is in feedback-journey.ts.

export const feedbackCommand = cardCommand({
  name: 'feedback',
  understood: FEEDBACK,
  pattern: /^\s*(?:(?:show|see)\s+)?(?:the\s+)?(?:pupil(?:s|s’|s')?\s+)?feedback\s*[.!?]?\s*$/i,
  roles: FEEDBACK_RESULT_ROLES,
  help: {
    title: 'Pupil feedback',
    description: 'How useful pupils found each activity this year, and what they learned (shown once 5 have answered).',
    command: 'feedback',
  },
  answer: feedbackResults,
});

export const FEEDBACK_COMMANDS: readonly MessageCommand[] = [feedbackCommand];

export const FEEDBACK_CARD_VERBS: readonly CardVerb[] = [
  cardVerb({ verb: FEEDBACK_VERBS.answer, roles: FEEDBACK_ANSWER_ROLES, handle: (turn, data) => answerFeedback(turn, data) }),
  cardVerb({ verb: FEEDBACK_VERBS.results, roles: FEEDBACK_RESULT_ROLES, handle: (turn) => feedbackResults(turn) }),
];

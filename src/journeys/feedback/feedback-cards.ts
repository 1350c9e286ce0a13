import type { AdaptiveCard } from '@microsoft/teams-ai';
import { adaptiveCard, container, formAction, heading, plainText, textBlock, textInput, type CardElement } from '../../cards/adaptive-card';
import { formatUkDate } from '../../domain/calendar';
import { FEWEST_ANSWERS_SHOWN, LEARNED_MAX_LENGTH, type FeedbackResult } from '../../domain/pupil-feedback';
import type { Activity } from '../../domain/school';
import { FEEDBACK_VERBS } from './feedback-verbs';

/** "How useful was ...?": one tap on a number answers, with the optional line typed above it. */
export function feedbackRequestCard(activity: Pick<Activity, 'id' | 'title' | 'date'>, attention?: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading('How useful was it?'),
      plainText(`How useful was ${activity.title} on ${formatUkDate(activity.date)}? 1 to 5: 1 is not useful, 5 is very useful.`),
      ...(attention ? [textBlock(attention, { color: 'Attention' })] : []),
      textInput('learned', 'One thing you learned (optional)', { maxLength: LEARNED_MAX_LENGTH, multiline: true }),
      textBlock('Only the careers team sees answers, and never with your name.', { subtle: true }),
    ],
    [1, 2, 3, 4, 5].map((rating) => formAction(String(rating), FEEDBACK_VERBS.answer, { activityId: activity.id, rating })),
  );
}

export function feedbackThanksCard(activity: Pick<Activity, 'title' | 'date'>, rating: number): AdaptiveCard {
  return adaptiveCard([
    heading('Thank you'),
    plainText(`You rated ${activity.title} on ${formatUkDate(activity.date)} ${rating} out of 5. It helps make the next one better.`),
  ]);
}

export interface ActivityFeedback {
  activity: Pick<Activity, 'title' | 'date'>;
  result: FeedbackResult;
}

/** Lines of what pupils learned shown per activity; the rest are counted. */
const LEARNED_LINES = 10;

function resultBlock({ activity, result }: ActivityFeedback): CardElement {
  const title = plainText(`${activity.title}, ${formatUkDate(activity.date)}`, { weight: 'Bolder' });
  if (!result.shown) {
    return container(
      [title, textBlock(`Fewer than ${FEWEST_ANSWERS_SHOWN} answers so far: results show from ${FEWEST_ANSWERS_SHOWN}.`, { subtle: true })],
      { separator: true },
    );
  }
  const more = result.learned.length - LEARNED_LINES;
  return container(
    [
      title,
      textBlock(`Average ${result.average.toFixed(1)} out of 5, from ${result.count} pupils.`),
      ...(result.learned.length > 0 ? [textBlock('What they learned:', { subtle: true })] : []),
      ...result.learned.slice(0, LEARNED_LINES).map((line) => plainText(`• ${line}`)),
      ...(more > 0 ? [textBlock(`and ${more} more`, { subtle: true })] : []),
    ],
    { separator: true },
  );
}

/** The results per activity, newest first, for the careers team; no pupil is named. */
export function feedbackResultsCard(activities: readonly ActivityFeedback[], yearLabel: string): AdaptiveCard {
  return adaptiveCard([
    heading('Pupil feedback'),
    textBlock(
      activities.length === 0
        ? `No pupil has answered about an activity in ${yearLabel} yet. Pupils are asked after their attendance is saved.`
        : `${activities.length} activit${activities.length === 1 ? 'y' : 'ies'} in ${yearLabel} with answers from pupils. ` +
            `Results show once ${FEWEST_ANSWERS_SHOWN} pupils have answered.`,
      { subtle: true },
    ),
    ...activities.map(resultBlock),
  ]);
}

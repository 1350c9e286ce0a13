import type { AdaptiveCard } from '@microsoft/teams-ai';
import type { z } from 'zod/v4';
import type { Turn } from '../../bot/route';
import { academicYearOf } from '../../domain/calendar';
import { feedbackResult } from '../../domain/pupil-feedback';
import { schoolDateOf } from '../../domain/school-time';
import { encodeKey } from '../../storage/keys';
import { feedbackRequestCard, feedbackResultsCard, feedbackThanksCard } from './feedback-cards';
import { answersByActivity, attendedActivity, saveFeedback } from './feedback-store';
import { validateFeedback } from './feedback-submission';
import type { answerData } from './feedback-verbs';

// A pupil answers the feedback card in one tap; the careers team reads the results per activity.

const NOT_YOURS = 'This card is for the pupils who were at that activity, so I didn’t save an answer.';

/** Saves the pupil's answer (a second answer replaces the first); only a pupil who attended may answer. */
export async function answerFeedback(turn: Turn, data: z.output<typeof answerData>): Promise<AdaptiveCard | string> {
  const { schoolId, person } = turn.sender;
  const collections = turn.services.school.collections;
  const stored = await collections.activities.get(schoolId, encodeKey(data.activityId));
  if (!stored) return 'That activity is no longer on record, so there is nothing to answer about.';
  if (!(await attendedActivity(turn.services, schoolId, data.activityId, person.id))) return NOT_YOURS;
  const checked = validateFeedback(data);
  if (!checked.ok) return feedbackRequestCard(stored.item, checked.message);
  await saveFeedback(turn.services, schoolId, { ...checked.draft, pupilId: person.id, answeredAt: turn.occurredAt });
  return feedbackThanksCard(stored.item, checked.draft.rating);
}

/** Every activity of this academic year that pupils answered about, newest first, each under the 5-answer rule. */
export async function feedbackResults(turn: Turn): Promise<AdaptiveCard> {
  const { schoolId } = turn.sender;
  const year = academicYearOf(schoolDateOf(turn.services.now()));
  const answers = await answersByActivity(turn.services, schoolId);
  const activities = (await turn.services.school.collections.activities.list(schoolId))
    .filter((activity) => activity.date >= year.start && answers.has(activity.id))
    .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
  return feedbackResultsCard(
    activities.map((activity) => ({ activity, result: feedbackResult(answers.get(activity.id) ?? []) })),
    year.label,
  );
}

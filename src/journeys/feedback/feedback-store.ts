import { odata } from '@azure/data-tables';
import { z } from 'zod/v4';
import { asksForFeedback, isoWeekOf, type PupilFeedback } from '../../domain/pupil-feedback';
import { onRollOn, type Activity, type IsoDate } from '../../domain/school';
import type { Services } from '../../services';
import { compoundKey } from '../../storage/keys';
import type { CollectionCodec } from '../../storage/school-collection';
import { peopleOptedOut } from '../nudges/nudge-store';
import { feedbackRequestCard } from './feedback-cards';

// Pupils' answers, one row per activity and pupil (a second answer replaces the first), and the
// asking: once attendance is saved on either attendance card, the fan-out job asks the pupils in
// the background. Teams-only: no CSV carries them.

export const pupilFeedbackCodec: CollectionCodec<PupilFeedback> = {
  table: 'pupilFeedback',
  rowKey: (answer) => compoundKey(answer.activityId, answer.pupilId),
  schema: z.object({
    activityId: z.string(),
    pupilId: z.string(),
    rating: z.number().int().min(1).max(5),
    learned: z.string().optional(),
    answeredAt: z.string(),
  }),
};

/** Enough at once to be quick for a whole school, few enough not to flood storage. */
const PARALLEL_PUPILS = 16;

/**
 * Queues the feedback card for each pupil who attended, once a week at most: the message key is
 * the pupil's ISO week of `today` (the day attendance was saved, school time), so a second
 * activity that week asks nothing and queues nothing, and a repeated run queues nothing twice.
 * Never to a leaver or after "stop". Run by the fan-out job, off the turn: the roster and the
 * opt-outs are read once, then two writes per pupil. Returns how many cards were queued now.
 */
export async function askForFeedback(
  services: Services,
  schoolId: string,
  activity: Activity,
  pupilIds: readonly string[],
  today: IsoDate,
): Promise<number> {
  if (!asksForFeedback(activity.date, today) || pupilIds.length === 0) return 0;
  const [pupils, optedOut] = await Promise.all([
    services.school.collections.people.list(schoolId, odata`role eq 'pupil'`),
    peopleOptedOut(services, schoolId),
  ]);
  const askable = new Set(pupils.filter((pupil) => onRollOn(pupil, today) && !optedOut.has(pupil.id)).map((pupil) => pupil.id));
  const asked = pupilIds.filter((pupilId) => askable.has(pupilId));
  const week = isoWeekOf(today);
  const card = feedbackRequestCard(activity);
  let queued = 0;
  const askOne = async (pupilId: string) => {
    const to = { kind: 'person' as const, personId: pupilId };
    const outcome = await services.outbox.enqueue({ schoolId, key: `pupil-feedback:${pupilId}:${week}`, to, card });
    if (outcome === 'queued') queued++;
  };
  for (let start = 0; start < asked.length; start += PARALLEL_PUPILS) {
    // Every ask of a group settles before a failure is thrown, so none is still under way when the run stops.
    const settled = await Promise.allSettled(asked.slice(start, start + PARALLEL_PUPILS).map(askOne));
    const failed = settled.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }
  if (queued > 0) services.log.info('feedback.asked', { schoolId, activityId: activity.id, count: queued });
  return queued;
}

/** Keeps the pupil's latest answer for the activity. */
export async function saveFeedback(services: Services, schoolId: string, answer: PupilFeedback): Promise<void> {
  await services.pupilFeedback.upsert(schoolId, answer);
}

/** Every answer for the school's activities, grouped by activity id. */
export async function answersByActivity(services: Services, schoolId: string): Promise<Map<string, PupilFeedback[]>> {
  const byActivity = new Map<string, PupilFeedback[]>();
  for (const answer of await services.pupilFeedback.list(schoolId)) {
    byActivity.set(answer.activityId, [...(byActivity.get(answer.activityId) ?? []), answer]);
  }
  return byActivity;
}

/** The activities dated from `from` on that pupils have answered about: Benchmark 1's evidence of evaluation. */
export async function activitiesWithFeedbackSince(services: Services, schoolId: string, from: IsoDate): Promise<Activity[]> {
  const [answers, activities] = await Promise.all([
    answersByActivity(services, schoolId),
    services.school.collections.activities.list(schoolId, odata`date ge ${from}`),
  ]);
  return activities.filter((activity) => answers.has(activity.id));
}

/** One pupil's answers, for erasure. */
export async function feedbackOfPupil(services: Services, schoolId: string, pupilId: string): Promise<PupilFeedback[]> {
  return services.pupilFeedback.list(schoolId, odata`pupilId eq ${pupilId}`);
}

/** Whether the pupil is recorded as attending the activity: only they may answer about it. */
export async function attendedActivity(services: Services, schoolId: string, activityId: string, pupilId: string): Promise<boolean> {
  const rows = await services.school.collections.attendance.listPartition(schoolId, activityId, odata`pupilId eq ${pupilId}`);
  return rows.length > 0;
}

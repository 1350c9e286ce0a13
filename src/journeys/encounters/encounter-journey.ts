import { randomUUID } from 'node:crypto';
import type { AdaptiveCard } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import { replyWith, type Turn } from '../../bot/route';
import { MEANINGFUL_CRITERIA } from '../../domain/meaningful-checklist';
import { sameActivity, type ActivityKind } from '../../domain/school';
import { schoolDateOf } from '../../domain/school-time';
import { ChangedUnderUsError } from '../../storage/school-collection';
import { storedAttendees } from './attendance-store';
import { isOn } from '../../cards/adaptive-card';
import { activityFormCard, activitySavedCard, chooseKindCard, formKindOf } from './encounter-cards';
import { activityFromDraft, activityIdFor, createActivity, loadActivity, mayChange, replaceActivity } from './encounter-store';
import { checklistInputId, validateActivityForm, type ActivityFieldErrors, type ActivityFormValues } from './encounter-submission';
import { startData, saveData, activityIdData } from './encounter-verbs';

// Recording an activity, top to bottom: choose the kind, fill in the details and the "meaningful"
// checklist, save (once per card), then edit; attendance follows in attendance-journey.ts.

export const NOT_YOURS = 'Sorry, you can only change activities you recorded yourself. Ask the careers leader to change this one.';
export const GONE = 'That activity has been removed, so there is nothing to change.';
const CHANGED = 'Someone changed that activity at the same moment, so I didn’t save yours. Open it again and retry.';

function today(turn: Turn): string {
  return schoolDateOf(turn.services.now());
}

const KIND_WORDS: ReadonlyArray<[RegExp, ActivityKind]> = [
  [/^employer\s+encounter$/i, 'employer_encounter'],
  [/^(work(place)?\s+experience|part[-\s]time\s+job)$/i, 'workplace_experience'],
  [/^provider\s+encounter$/i, 'provider_encounter'],
  [/^(lmi|labour[-\s]market\s+information)$/i, 'labour_market_information'],
];

/** “record an employer encounter”, “log work experience”, “new activity”: the kind, if named, is read from the words. */
const ACTIVITY_KINDS =
  String.raw`activity|encounter|event|employer\s+encounter|provider\s+encounter|work(?:place)?\s+experience|` +
  String.raw`part[-\s]time\s+job|lmi|labour[-\s]market\s+information`;
export const RECORD_ACTIVITY_PATTERN = new RegExp(
  String.raw`^\s*(?:record|log|add|new)\s+(?:an?\s+)?(?:careers\s+)?(${ACTIVITY_KINDS})\s*[.!]?\s*$`,
  'i',
);

/** A typed “record …” command: the activity card, on the kind it names if any. */
export async function startActivityFromMessage(turn: Turn): Promise<void> {
  const words = RECORD_ACTIVITY_PATTERN.exec(turn.context.activity.text ?? '')?.[1]?.replace(/\s+/g, ' ') ?? '';
  const kind = KIND_WORDS.find(([pattern]) => pattern.test(words))?.[1];
  await replyWith(turn, startActivity(turn, { draftId: randomUUID(), kind }));
}

/** The kind chooser, or straight to the form when the kind is known (typed, or tapped on the chooser). */
export function startActivity(turn: Turn, data: z.output<typeof startData>): AdaptiveCard {
  const draftId = data.draftId ?? randomUUID();
  return data.kind ? activityFormCard({ draftId, kind: data.kind, values: {}, today: today(turn) }) : chooseKindCard(draftId);
}

function formValues(data: z.output<typeof saveData>): ActivityFormValues {
  return { ...data, checks: data };
}

function redrawForm(turn: Turn, data: z.output<typeof saveData>, errors: ActivityFieldErrors): AdaptiveCard {
  const ticked = MEANINGFUL_CRITERIA[data.kind].filter((criterion) => isOn(data[checklistInputId(criterion.id)]));
  return activityFormCard({
    draftId: data.draftId,
    kind: data.kind,
    values: {
      ...data,
      providerAccess: isOn(data.providerAccess),
      partTimeJob: isOn(data.partTimeJob),
      ticked: ticked.map((criterion) => criterion.id),
    },
    errors,
    today: today(turn),
    editing: data.editing,
  });
}

export async function saveActivity(turn: Turn, data: z.output<typeof saveData>): Promise<AdaptiveCard | string> {
  const validation = validateActivityForm(data.kind, formValues(data), today(turn));
  if (!validation.ok) return redrawForm(turn, data, validation.errors);

  if (!data.editing) {
    const activity = activityFromDraft(activityIdFor(data.draftId), validation.draft, turn.sender.person.id);
    if ((await createActivity(turn, activity)) === 'created') return activitySavedCard(activity, { updated: false, attendees: 0 });
    // A second delivery of the same card shows what the first one stored.
    const stored = await loadActivity(turn, activity.id);
    if (!stored) return GONE;
    if (stored.item.recordedBy !== turn.sender.person.id) return NOT_YOURS;
    return activitySavedCard(stored.item, { updated: false, attendees: (await storedAttendees(turn, activity.id)).length });
  }

  const stored = await loadActivity(turn, data.editing);
  if (!stored) return GONE;
  if (!mayChange(turn, stored.item)) return NOT_YOURS;
  // The encounter card does not show who a plan is for, or who took its attendance: editing keeps them as they were.
  const { invitedYearGroups, invitedForms, attendanceTakenBy } = stored.item;
  const updated = {
    ...activityFromDraft(stored.item.id, validation.draft, stored.item.recordedBy),
    ...(invitedYearGroups ? { invitedYearGroups } : {}),
    ...(invitedForms ? { invitedForms } : {}),
    ...(attendanceTakenBy ? { attendanceTakenBy } : {}),
  };
  const attendees = (await storedAttendees(turn, updated.id)).length;
  if (sameActivity(stored.item, updated)) return activitySavedCard(stored.item, { updated: true, attendees });
  try {
    await replaceActivity(turn, updated, stored.etag);
  } catch (error) {
    if (error instanceof ChangedUnderUsError) return CHANGED;
    throw error;
  }
  return activitySavedCard(updated, { updated: true, attendees });
}

export async function editActivity(turn: Turn, data: z.output<typeof activityIdData>): Promise<AdaptiveCard | string> {
  const stored = await loadActivity(turn, data.activityId);
  if (!stored) return GONE;
  const activity = stored.item;
  if (!mayChange(turn, activity)) return NOT_YOURS;
  const kind: ActivityKind = formKindOf(activity);
  // An imported activity has no checklist: its "meaningful" flag stands for all of it or none.
  const ticked = activity.checklist ?? (activity.meaningful ? MEANINGFUL_CRITERIA[kind].map((criterion) => criterion.id) : []);
  return activityFormCard({
    draftId: randomUUID(),
    kind,
    values: {
      date: activity.date,
      title: activity.title,
      organisation: activity.organisation ?? '',
      providerType: activity.providerType ?? '',
      providerAccess: activity.providerAccess,
      partTimeJob: activity.partTimeJob === true,
      ticked,
    },
    today: today(turn),
    editing: activity.id,
  });
}

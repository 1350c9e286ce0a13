import { randomUUID } from 'node:crypto';
import type { AdaptiveCard } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import { replyWith, type Turn } from '../../bot/route';
import { isOn } from '../../cards/adaptive-card';
import { isPlanned } from '../../domain/planned-activities';
import { yearsInEnglish } from '../../domain/calendar';
import { messageDetails } from '../../domain/message-details';
import { sameActivity, type Activity } from '../../domain/school';
import { schoolDateOf } from '../../domain/school-time';
import {
  cancelPlannedActivity,
  createPlannedActivity,
  loadPlannedActivity,
  plannedActivities,
  rosterForms,
  updatePlannedActivity,
  type PlanOutcome,
} from '../../storage/planned-activity-store';
import { cancelledCard, confirmCancelCard, moveCard, planFormCard, plansListCard, planSavedCard } from './planning-cards';
import { PLAN_YEAR_GROUPS, planDateError, validatePlanForm, type PlanDraft } from './planning-submission';
import { confirmCancelData, moveData, planIdData, savePlanData, startPlanData } from './planning-verbs';

// Planning ahead, top to bottom: the plan (the school's planned activities), plan one (one card,
// saved once per card), edit it, move it to another day, cancel it (after naming it). Every change
// is made over the version the card was drawn from. The forecast in the report reads the plan.

const GONE =
  'That planned activity has been cancelled or removed, so there is nothing to change. Type “planned activities” to see the plan.';
const NOT_YOURS = 'Sorry, you can only change activities you planned yourself. Ask the careers leader to change this one.';
const HELD = 'That activity’s day has come, so it is no longer a plan: take its attendance (type “attendance”) or edit it there.';
const CHANGED =
  'Someone changed that planned activity since you opened it, so I didn’t save yours. Type “planned activities” to open it again.';

function today(turn: Turn): string {
  return schoolDateOf(turn.services.now());
}

/** The careers team may change any plan; a teacher only those they planned. */
function mayChange(turn: Turn, activity: Activity): boolean {
  const { role, id } = turn.sender.person;
  return role === 'careers_leader' || role === 'careers_adviser' || activity.recordedBy === id;
}

async function audit(turn: Turn, action: string, subject: string): Promise<void> {
  await turn.services.audit.record(
    turn.sender.schoolId,
    { actorId: turn.sender.person.id, action, subject, at: turn.occurredAt },
    turn.context.activity.id ?? `${action}:${subject}`,
  );
}

/**
 * “plan an activity”, “plan an employer encounter”, “plan an employer talk for year 9 on 14 May”,
 * “plan a uni trip for Y12 next friday”: the card, with whatever the message names filled in.
 */
export const PLAN_ACTIVITY_PATTERN = new RegExp(
  String.raw`^\s*plan\s+(?:an?\s+|another\s+|the\s+|some\s+|our\s+)?(?:new\s+)?(?:careers\s+)?` +
    String.raw`(?:activity|event|employer|provider|college|fe\s+college|uni|university|sixth[\s-]form|apprenticeship|training\s+provider|` +
    String.raw`work|workplace|job\s+shadowing|lmi|labour[-\s]market|careers\s+fair|mock\s+interviews?|guest\s+speaker|industry|` +
    String.raw`site\s+visit|trip|visit|talk)\b.*$`,
  'i',
);

/** “planned activities”, “show the planned activities”, “what's planned”. */
export const PLANNED_ACTIVITIES_PATTERN =
  /^\s*(?:show\s+(?:me\s+)?)?(?:the\s+|our\s+)?(?:planned\s+activities|activities\s+planned|what(?:'|’)?s\s+planned)\s*[.!?]?\s*$/i;

/** Typed exactly or in other words: the card opens with the kind, year groups, date and provider the message names. */
export async function startPlanFromMessage(turn: Turn): Promise<void> {
  const details = messageDetails(turn.context.activity.text ?? '', { now: turn.services.now() });
  const years = details.yearGroups.filter((yearGroup) => (PLAN_YEAR_GROUPS as readonly number[]).includes(yearGroup));
  const activity = details.activity;
  const title = activity
    ? [sentenceCase(activity.words), years.length > 0 ? `for ${yearsInEnglish(years)}` : ''].filter(Boolean).join(' ')
    : '';
  await replyWith(
    turn,
    planFormCard({
      draftId: randomUUID(),
      values: {
        ...(activity ? { kind: activity.kind, title } : {}),
        ...(activity?.providerType ? { providerType: activity.providerType } : {}),
        ...(years.length > 0 ? { yearGroups: years.join(',') } : {}),
        // A plan is for a day still to come; a day already here is left for the person to choose.
        ...(details.date && details.date > today(turn) ? { date: details.date } : {}),
      },
    }),
  );
}

function sentenceCase(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/** The planning card, empty or prefilled from a gap (its year group, and the kind that closes it). */
export async function startPlan(turn: Turn, data: z.output<typeof startPlanData>): Promise<AdaptiveCard> {
  return planFormCard({
    draftId: data.draftId ?? randomUUID(),
    values: {
      ...(data.kind ? { kind: data.kind } : {}),
      ...(data.yearGroup ? { yearGroups: String(data.yearGroup) } : {}),
      ...(data.providerAccess ? { providerAccess: true, providerType: 'further_education_college' } : {}),
    },
  });
}

export async function listPlans(turn: Turn): Promise<AdaptiveCard> {
  const plans = await plannedActivities(turn.services.school, turn.sender.schoolId, today(turn));
  return plansListCard(plans, { mayChange: (activity) => mayChange(turn, activity) });
}

/** The planned activity this draft makes, keeping whatever the stored one has that the card does not show. */
function activityOf(id: string, draft: PlanDraft, base: Partial<Activity>): Activity {
  const { organisation: _o, providerType: _p, invitedYearGroups: _y, invitedForms: _f, ...kept } = base;
  // Planned as a meaningful encounter (labour-market information has no checklist); the checklist is ticked when it is held.
  const meaningful =
    base.kind === draft.kind && base.meaningful !== undefined ? base.meaningful : draft.kind !== 'labour_market_information';
  return { ...kept, ...draft, id, meaningful };
}

export async function savePlan(turn: Turn, data: z.output<typeof savePlanData>): Promise<AdaptiveCard | string> {
  const { school } = turn.services;
  const schoolId = turn.sender.schoolId;
  const day = today(turn);
  const validation = validatePlanForm(data, day, await rosterForms(school, schoolId, day));
  if (!validation.ok) {
    return planFormCard({
      draftId: data.draftId,
      values: { ...data, providerAccess: isOn(data.providerAccess) },
      errors: validation.errors,
      ...(data.editing && data.etag ? { editing: { activityId: data.editing, etag: data.etag } } : {}),
    });
  }

  if (!data.editing) {
    // The card's own key: a second delivery of the same tap finds it planned and plans nothing more.
    const id = `PL-${data.draftId}`;
    const outcome = await createPlannedActivity(
      school,
      schoolId,
      activityOf(id, validation.draft, { recordedBy: turn.sender.person.id }),
      day,
    );
    if (!outcome.ok) return refusalText(outcome);
    await audit(turn, 'plan.create', id);
    const stored = await loadPlannedActivity(school, schoolId, id);
    if (!stored) return GONE;
    return planSavedCard(stored.item, { heading: 'Activity planned', canChange: mayChange(turn, stored.item) });
  }

  const stored = await loadPlannedActivity(school, schoolId, data.editing);
  if (!stored) return GONE;
  if (!mayChange(turn, stored.item)) return NOT_YOURS;
  const updated = activityOf(stored.item.id, validation.draft, stored.item);
  return applyChange(turn, updated, data.etag ?? '', 'plan.edit', 'Planned activity updated');
}

/** Saves a change over the version read; a redelivered tap whose change is already stored is shown as saved. */
async function applyChange(turn: Turn, updated: Activity, etag: string, action: string, heading: string): Promise<AdaptiveCard | string> {
  const { school } = turn.services;
  const outcome = await updatePlannedActivity(school, turn.sender.schoolId, updated, etag, today(turn));
  if (!outcome.ok) {
    if (outcome.refused === 'changed') {
      const now = await loadPlannedActivity(school, turn.sender.schoolId, updated.id);
      if (now && sameActivity(now.item, updated)) return planSavedCard(now.item, { heading, canChange: true });
    }
    return refusalText(outcome);
  }
  await audit(turn, action, updated.id);
  return planSavedCard(updated, { heading, canChange: true });
}

function refusalText(outcome: Extract<PlanOutcome, { ok: false }>): string {
  switch (outcome.refused) {
    case 'not-found':
      return GONE;
    case 'changed':
      return CHANGED;
    case 'not-planned':
      return HELD;
    case 'nobody-invited':
      return 'Say who it is for: choose year groups or name forms.';
  }
}

/** The stored plan a button names, if this person may change it and it is still planned. */
async function changeable(turn: Turn, activityId: string) {
  const stored = await loadPlannedActivity(turn.services.school, turn.sender.schoolId, activityId);
  if (!stored) return GONE;
  if (!mayChange(turn, stored.item)) return NOT_YOURS;
  if (!isPlanned(stored.item, today(turn))) return HELD;
  return stored;
}

export async function editPlan(turn: Turn, data: z.output<typeof planIdData>): Promise<AdaptiveCard | string> {
  const stored = await changeable(turn, data.activityId);
  if (typeof stored === 'string') return stored;
  const activity = stored.item;
  return planFormCard({
    draftId: randomUUID(),
    values: {
      kind: activity.kind,
      date: activity.date,
      title: activity.title,
      organisation: activity.organisation ?? '',
      providerType: activity.providerType ?? '',
      providerAccess: activity.providerAccess,
      yearGroups: (activity.invitedYearGroups ?? []).join(','),
      forms: (activity.invitedForms ?? []).join(', '),
    },
    editing: { activityId: activity.id, etag: stored.etag },
  });
}

export async function movePlan(turn: Turn, data: z.output<typeof planIdData>): Promise<AdaptiveCard | string> {
  const stored = await changeable(turn, data.activityId);
  if (typeof stored === 'string') return stored;
  return moveCard(stored.item, stored.etag);
}

export async function saveMove(turn: Turn, data: z.output<typeof moveData>): Promise<AdaptiveCard | string> {
  const stored = await loadPlannedActivity(turn.services.school, turn.sender.schoolId, data.activityId);
  if (!stored) return GONE;
  if (!mayChange(turn, stored.item)) return NOT_YOURS;
  const error = planDateError(data.date, today(turn));
  if (error) return moveCard(stored.item, data.etag, error);
  return applyChange(turn, { ...stored.item, date: data.date.trim() }, data.etag, 'plan.move', 'Planned activity moved');
}

export async function cancelPlan(turn: Turn, data: z.output<typeof planIdData>): Promise<AdaptiveCard | string> {
  const stored = await changeable(turn, data.activityId);
  if (typeof stored === 'string') return stored;
  return confirmCancelCard(stored.item, stored.etag);
}

/** Cancels the plan named on the card, only as it was when the card was drawn; already gone is done. */
export async function confirmCancel(turn: Turn, data: z.output<typeof confirmCancelData>): Promise<AdaptiveCard | string> {
  const { school } = turn.services;
  const stored = await loadPlannedActivity(school, turn.sender.schoolId, data.activityId);
  if (!stored) return cancelledCard(undefined);
  if (!mayChange(turn, stored.item)) return NOT_YOURS;
  if (stored.etag !== data.etag) return CHANGED;
  const outcome = await cancelPlannedActivity(school, turn.sender.schoolId, data.activityId, today(turn), data.etag);
  if (!outcome.ok) return refusalText(outcome);
  await audit(turn, 'plan.cancel', data.activityId);
  return cancelledCard(stored.item);
}

/** The same fields and values, whatever order the keys were written in. */

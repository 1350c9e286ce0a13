import type { AdaptiveCard } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import type { Turn } from '../../bot/route';
import { messageDetails } from '../../domain/message-details';
import { fullName, type Destination, type Person } from '../../domain/school';
import { schoolDateOf } from '../../domain/school-time';
import { plannedActivitiesFor } from '../../storage/planned-activity-store';
import { recordActions } from '../meetings/actions-journey';
import { audit, schoolNow } from '../meetings/meeting-store';
import { findPupils } from './pupil-lookup';
import { validatePlanForm } from './plans-submission';
import { didYouMeanCard, pickPupilCard, planFormCard, pupilRecordCard, type StaffRecordActions } from './record-cards';
import type { PupilRecordData } from './record-data';
import { destinationsOf, loadPupilRecord, rosterPupils, saveDestination } from './record-store';
import { RECORDING_ROLES } from '../encounters/encounter-verbs';
import { MEETING_ADVISERS } from '../meetings/meeting-verbs';
import { openRecordData, planData } from './record-verbs';

// The careers record (Benchmark 3): a pupil's own, or any pupil's for careers advisers, the
// careers leader and the SENCO. Pupils add or change their aspiration and intended destination.

const NOT_YOURS = 'Sorry, you can only see your own careers record.';

function today(turn: Turn): string {
  return schoolDateOf(turn.services.now());
}

/** Staff actions follow the verbs their role may use, so no button leads to a refusal. */
function staffActionsFor(turn: Turn, record: PupilRecordData, now: string): StaffRecordActions {
  const role = turn.sender.person.role;
  const advises = MEETING_ADVISERS.includes(role);
  const started = record.meetings.find((meeting) => meeting.status === 'booked' && meeting.startsAt <= now);
  return {
    ...(advises && started ? { recordMeetingId: started.id } : {}),
    offerTime: advises,
    addToActivity: RECORDING_ROLES.includes(role),
  };
}

async function recordCard(turn: Turn, pupil: Person, notice?: string): Promise<AdaptiveCard> {
  const ownView = turn.sender.person.id === pupil.id;
  const now = schoolNow(turn.services);
  const record = await loadPupilRecord(turn.services, turn.sender.schoolId, pupil, today(turn), { staffView: !ownView, now });
  if (!ownView) {
    // Staff opening a child's record is worth a trail of its own.
    await audit(turn, 'record.view', pupil.id);
    turn.services.log.info('record.viewed', { schoolId: turn.sender.schoolId, viewerId: turn.sender.person.id, pupilId: pupil.id });
  }
  const agreedActions = await recordActions(turn, pupil);
  // What the plan holds for their year group or form: never another pupil's anything.
  const comingUp = await plannedActivitiesFor(turn.services.school, turn.sender.schoolId, pupil, today(turn));
  return pupilRecordCard(record, {
    ownView,
    agreedActions,
    comingUp,
    ...(notice ? { notice } : {}),
    ...(ownView ? {} : { staffActions: staffActionsFor(turn, record, now) }),
  });
}

export async function myRecord(turn: Turn, notice?: string): Promise<AdaptiveCard> {
  return recordCard(turn, turn.sender.person, notice);
}

// "record the meeting" and "record a link" belong to other journeys; everything else after
// "record" is a pupil's name or id.
export const PUPIL_RECORD_PATTERN =
  /^\s*(?:careers\s+)?record(?:\s+(?:for\s+|of\s+)?(?!(?:the\s+|a\s+|my\s+)?(?:meetings?|(?:careers?\s+)?links?)\s*[.!?]?\s*$)(.+?))?\s*$/i;

/**
 * “record Ava Patel”: the pupil's record, the pupils it could mean, or the nearest names. Asked in
 * other words (“show me Ava's file”, “pull up Ava Patel”: free text the bot understood as this
 * command), the name is wherever the message has it.
 */
export async function findTypedRecord(turn: Turn): Promise<AdaptiveCard | string> {
  const text = turn.context.activity.text ?? '';
  const typed = PUPIL_RECORD_PATTERN.exec(text);
  if (typed) return findRecord(turn, typed[1] ?? '');
  const pupils = await rosterPupils(turn.services, turn.sender.schoolId);
  const { pupil } = messageDetails(text, { now: turn.services.now(), pupils });
  if (!pupil) return findRecord(turn, '');
  const shown = pupil.typed.slice(0, 60);
  if (pupil.matches.length === 1) return recordCard(turn, pupil.matches[0]!);
  if (pupil.matches.length > 1)
    return pickPupilCard(
      shown,
      [...pupil.matches].sort((a, b) => fullName(a).localeCompare(fullName(b)) || a.id.localeCompare(b.id)),
    );
  return didYouMeanCard(shown, pupil.closest);
}

/** "record Ava Patel" / "record P0001": one match opens it, several give a pick list. */
export async function findRecord(turn: Turn, query: string): Promise<AdaptiveCard | string> {
  const trimmed = query.trim();
  if (trimmed === '') return 'Whose record? Type “record” and a pupil’s name or id, e.g. “record Ava Patel” or “record P0001”.';
  const found = await findPupils(turn.services, turn.sender.schoolId, trimmed);
  if (found.kind === 'none' && found.closest.length > 0) return didYouMeanCard(trimmed.slice(0, 60), found.closest);
  if (found.kind === 'none') return `I couldn’t find a pupil called “${trimmed.slice(0, 60)}”. Try their surname or their school id.`;
  if (found.kind === 'several') return pickPupilCard(trimmed.slice(0, 60), found.pupils);
  return recordCard(turn, found.pupil);
}

export async function openRecord(turn: Turn, data: z.output<typeof openRecordData>): Promise<AdaptiveCard | string> {
  const { sender } = turn;
  const pupilId = data.pupilId ?? sender.person.id;
  if (sender.person.role === 'pupil') return pupilId === sender.person.id ? myRecord(turn) : NOT_YOURS;
  if (pupilId === sender.person.id) return 'Type “record” and a pupil’s name or id to open their careers record.';
  const pupil = await turn.services.school.getPerson(sender.schoolId, pupilId);
  if (!pupil || pupil.role !== 'pupil') return 'I can’t find that pupil on the roster.';
  return recordCard(turn, pupil);
}

async function currentPlans(turn: Turn): Promise<{ aspiration?: string; intended?: string }> {
  const rows = await destinationsOf(turn.services, turn.sender.schoolId, turn.sender.person.id);
  const latest = (kind: Destination['kind']) =>
    rows.filter((row) => row.kind === kind).sort((a, b) => b.date.localeCompare(a.date))[0]?.destination;
  const aspiration = latest('aspiration');
  const intended = latest('intended');
  return { ...(aspiration ? { aspiration } : {}), ...(intended ? { intended } : {}) };
}

export async function planForm(turn: Turn): Promise<AdaptiveCard> {
  return planFormCard(await currentPlans(turn));
}

/** The pupil's aspiration or intended destination, saved for today (saveDestination). */
export async function savePlans(turn: Turn, data: z.output<typeof planData>): Promise<AdaptiveCard> {
  const { services, sender } = turn;
  const validation = validatePlanForm(data);
  if (!validation.ok) return planFormCard(await currentPlans(turn), data, validation.errors);
  const row: Destination = { pupilId: sender.person.id, kind: validation.kind, date: today(turn), destination: validation.destination };
  await saveDestination(services, sender.schoolId, row);
  await audit(turn, 'destination.save', `${row.pupilId}:${row.kind}:${row.date}`);
  services.log.info('destination.saved', { schoolId: sender.schoolId, pupilId: sender.person.id, kind: row.kind });
  return myRecord(turn, validation.kind === 'aspiration' ? 'Saved what you’d like to do one day.' : 'Saved what you plan to do next.');
}

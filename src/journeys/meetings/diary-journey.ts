import type { AdaptiveCard } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import type { Turn } from '../../bot/route';
import { addDays, datePart, formatUkDateTime } from '../../domain/calendar';
import { fullName, type Meeting } from '../../domain/school';
import { ChangedUnderUsError, type Stored } from '../../storage/school-collection';
import { diaryActions } from './actions-journey';
import { syncActionsOfMeeting } from './action-store';
import { meetingOver } from './booking-store';
import { diaryCard, recordedCard, recordFormCard, type DiaryRow } from './diary-cards';
import { runFollowUps, saveOrConfirm } from './follow-up-steps';
import { offerPupilAnotherMeeting, pupilLabel, undeliveredNotices } from './meeting-notices';
import { audit, freeSlots, getMeeting, meetingsSince, openRequests, peopleById, schoolNow } from './meeting-store';
import { ACTION_ROWS, parseActions, validateOutcomeForm, type OutcomeFormValues } from './outcome-submission';
import { recordFormData } from './meeting-verbs';

// The adviser's diary (the careers leader sees every adviser's) and recording a meeting:
// attended with advice and agreed actions, or missed, which offers the pupil another time.

/** Meetings this far back still show when their record is missing. */
const LOOK_BACK_DAYS = 60;
const UPCOMING_DAYS = 14;
const UPCOMING_ROWS = 15;

const isLeader = (turn: Turn) => turn.sender.person.role === 'careers_leader';
const blank = (text: string) => text.trim() === '';

function recordState(meeting: Meeting, now: string): DiaryRow['toRecord'] {
  if (meeting.status === 'booked' && meeting.startsAt <= now) return 'outcome';
  if (meeting.status === 'completed' && (blank(meeting.advice) || blank(meeting.agreedActions))) return 'notes';
  return undefined;
}

export async function diary(turn: Turn, notice?: string): Promise<AdaptiveCard> {
  const { services, sender } = turn;
  const now = schoolNow(services);
  const today = now.slice(0, 10);
  const meetings = await meetingsSince(
    services,
    sender.schoolId,
    addDays(today, -LOOK_BACK_DAYS),
    isLeader(turn) ? undefined : sender.person.id,
  );
  meetings.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const people = await peopleById(
    services,
    sender.schoolId,
    meetings.flatMap((meeting) => [meeting.pupilId, meeting.adviserId]),
  );
  const notInCalendar = (await services.calendar?.notInCalendar(sender.schoolId)) ?? new Set<string>();
  const rowOf = (meeting: Meeting): DiaryRow => {
    const pupil = people.get(meeting.pupilId);
    const adviser = people.get(meeting.adviserId);
    return {
      meetingId: meeting.id,
      startsAt: meeting.startsAt,
      minutes: meeting.durationMinutes ?? 30,
      place: meeting.place ?? 'Place not set',
      pupilName: pupil ? pupilLabel(pupil) : 'A pupil no longer on the roster',
      ...(isLeader(turn) && adviser ? { adviserName: fullName(adviser) } : {}),
      ...(meeting.topic ? { topic: meeting.topic } : {}),
      ...(recordState(meeting, now) ? { toRecord: recordState(meeting, now) } : {}),
      started: meeting.startsAt <= now && meeting.status !== 'cancelled' && meeting.status !== 'requested',
      ...(meeting.status === 'booked' && meeting.startsAt > now && notInCalendar.has(meeting.id)
        ? { notInCalendar: isLeader(turn) ? 'the adviser’s' : 'your' }
        : {}),
    };
  };
  const toRecord = meetings.filter((meeting) => datePart(meeting.startsAt) < today && recordState(meeting, now) !== undefined);
  const todays = meetings.filter(
    (meeting) => datePart(meeting.startsAt) === today && meeting.status !== 'cancelled' && meeting.status !== 'requested',
  );
  const horizon = addDays(today, UPCOMING_DAYS);
  const upcoming = meetings
    .filter((meeting) => meeting.status === 'booked' && datePart(meeting.startsAt) > today && datePart(meeting.startsAt) <= horizon)
    .slice(0, UPCOMING_ROWS);
  const free = await freeSlots(services, sender.schoolId, { limit: 1000, ...(isLeader(turn) ? {} : { adviserId: sender.person.id }) });
  const waiting = await openRequests(services, sender.schoolId);
  const undelivered = await undeliveredLines(turn);
  return diaryCard({
    whose: isLeader(turn) ? 'all advisers' : fullName(sender.person),
    today,
    toRecord: toRecord.map(rowOf),
    todays: todays.map(rowOf),
    upcoming: upcoming.map(rowOf),
    freeSlots: free.filter((slot) => datePart(slot.startsAt) <= horizon).length,
    openRequests: waiting.length,
    ...(notice ? { notice } : {}),
    undelivered: { forLeader: isLeader(turn), lines: undelivered },
    agreedActions: await diaryActions(turn),
  });
}

/** The careers leader sees every undelivered meeting notice and whose it was; an adviser their own. */
async function undeliveredLines(turn: Turn): Promise<string[]> {
  const { services, sender } = turn;
  const notices = (await undeliveredNotices(services, sender.schoolId)).filter(
    (notice) => isLeader(turn) || notice.personId === sender.person.id,
  );
  if (!isLeader(turn)) return notices.map((notice) => notice.summary);
  const people = await peopleById(
    services,
    sender.schoolId,
    notices.map((notice) => notice.personId),
  );
  return notices.map((notice) => {
    const person = people.get(notice.personId);
    const to = person ? (person.role === 'pupil' ? pupilLabel(person) : fullName(person)) : 'someone no longer on the roster';
    return `To ${to}: ${notice.summary}`;
  });
}

const NOT_IN_DIARY = 'Sorry, I can’t find that meeting in your diary.';

/** A meeting the sender may record: their own, or any for the careers leader; it must have started. */
async function recordableMeeting(turn: Turn, meetingId: string): Promise<Stored<Meeting> | string> {
  const stored = await getMeeting(turn.services, turn.sender.schoolId, meetingId);
  if (!stored || (!isLeader(turn) && stored.item.adviserId !== turn.sender.person.id)) return NOT_IN_DIARY;
  const meeting = stored.item;
  if (meeting.status === 'cancelled') return 'That meeting was cancelled, so there is nothing to record.';
  if (meeting.status === 'requested') return 'That is a request, not a meeting yet. Offer the pupil a time first.';
  if (meeting.startsAt > schoolNow(turn.services))
    return `You can record this meeting once it has started (${formatUkDateTime(meeting.startsAt)}).`;
  return stored;
}

async function formFor(
  turn: Turn,
  meeting: Meeting,
  values: Partial<OutcomeFormValues>,
  errors?: Parameters<typeof recordFormCard>[0]['errors'],
): Promise<AdaptiveCard> {
  const pupils = await peopleById(turn.services, turn.sender.schoolId, [meeting.pupilId]);
  const pupil = pupils.get(meeting.pupilId);
  return recordFormCard({
    meetingId: meeting.id,
    pupilName: pupil ? pupilLabel(pupil) : 'A pupil no longer on the roster',
    startsAt: meeting.startsAt,
    ...(meeting.topic ? { topic: meeting.topic } : {}),
    values,
    ...(errors ? { errors } : {}),
    ...(!errors && parseActions(meeting.agreedActions) === undefined ? { earlierActions: meeting.agreedActions } : {}),
  });
}

export async function recordForm(turn: Turn, data: z.output<typeof recordFormData>): Promise<AdaptiveCard | string> {
  const stored = await recordableMeeting(turn, data.meetingId);
  if (typeof stored === 'string') return stored;
  const meeting = stored.item;
  const values: Partial<OutcomeFormValues> = { outcome: meeting.status === 'missed' ? 'missed' : 'attended', advice: meeting.advice };
  (parseActions(meeting.agreedActions) ?? []).forEach((action, index) => {
    const n = ACTION_ROWS[index]!;
    Object.assign(values, { [`who${n}`]: action.who, [`what${n}`]: action.what, [`by${n}`]: action.by });
  });
  return formFor(turn, meeting, values);
}

export async function recordOutcome(turn: Turn, data: { meetingId: string } & OutcomeFormValues): Promise<AdaptiveCard | string> {
  const { services, sender } = turn;
  const stored = await recordableMeeting(turn, data.meetingId);
  if (typeof stored === 'string') return stored;
  const meeting = stored.item;
  const validation = validateOutcomeForm(data, datePart(meeting.startsAt));
  if (!validation.ok) return formFor(turn, meeting, data, validation.errors);
  const { outcome } = validation;
  const advice = outcome.status === 'completed' ? outcome.advice : '';
  const agreedActions = outcome.status === 'completed' ? outcome.agreedActions : '';
  const pupils = await peopleById(services, sender.schoolId, [meeting.pupilId]);
  const pupil = pupils.get(meeting.pupilId);
  const cardInput = {
    pupilName: pupil ? pupilLabel(pupil) : 'A pupil no longer on the roster',
    startsAt: meeting.startsAt,
    status: outcome.status,
    advice,
    agreedActions,
  };
  // Delivered twice, or saved again unchanged: nothing to write, but the steps after it run again.
  if (meeting.status !== outcome.status || meeting.advice !== advice || meeting.agreedActions !== agreedActions) {
    const recorded: Meeting = {
      ...meeting,
      status: outcome.status,
      advice,
      agreedActions,
      outcomeRecordedAt: services.now().toISOString(),
      outcomeRecordedBy: sender.person.id,
    };
    try {
      const saved = await saveOrConfirm(
        () => services.school.collections.meetings.replace(sender.schoolId, recorded, stored.etag),
        async () => {
          const now = (await getMeeting(services, sender.schoolId, meeting.id))?.item;
          return now !== undefined && now.status === recorded.status && now.advice === advice && now.agreedActions === agreedActions;
        },
      );
      if (saved === 'unknown')
        return (
          'I lost touch with Waypoint’s records part-way, so I can’t tell yet whether the meeting was recorded. Open your ' +
          'diary in a minute to see it.'
        );
    } catch (error) {
      if (error instanceof ChangedUnderUsError)
        return 'Someone changed that meeting at the same moment, so I didn’t save yours. Open your diary and try again.';
      throw error;
    }
    services.log.info('meeting.recorded', { schoolId: sender.schoolId, meetingId: meeting.id, status: outcome.status });
  }
  const recorded: Meeting = { ...meeting, status: outcome.status, advice, agreedActions };
  const pending = await runFollowUps(services, { schoolId: sender.schoolId, meetingId: meeting.id }, [
    { name: 'marker', run: () => meetingOver(services, sender.schoolId, recorded) },
    {
      name: 'actions',
      pending: 'that the agreed actions are listed for follow-up',
      run: () => syncActionsOfMeeting(services, sender.schoolId, recorded),
    },
    ...(recorded.status === 'missed'
      ? [
          {
            name: 'offer',
            pending: 'that the pupil is offered another meeting',
            run: () => offerPupilAnotherMeeting({ services, schoolId: sender.schoolId }, recorded),
          },
        ]
      : []),
    { name: 'audit', run: () => audit(turn, 'meeting.record', meeting.id) },
  ]);
  // Finishing sends the same record again: saved already, so only the unfinished steps run.
  return recordedCard({ ...cardInput, pending, finishData: { ...data, meetingId: meeting.id } });
}

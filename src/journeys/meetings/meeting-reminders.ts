import { adaptiveCard, executeAction, heading, textBlock } from '../../cards/adaptive-card';
import { addDays, datePart, formatUkDateTime, schoolDaysBetween, termDatesCovering, type TermDates } from '../../domain/calendar';
import type { IsoDate, Meeting, Person } from '../../domain/school';
import { instantOfSchoolTime, schoolDateTimeOf } from '../../domain/school-time';
import { runForEachSchool, type SchoolJob } from '../../scheduling/school-jobs';
import type { Services } from '../../services';
import { hasOptedOut } from '../nudges/nudge-store';
import { meetingFacts } from './meeting-card-parts';
import { pupilLabel, viewOf } from './meeting-notices';
import { remindableMeetings, schoolsWithRemindableMeetings } from './meeting-store';
import { MEETING_VERBS } from './meeting-verbs';

// The scheduled job's meeting reminders, for every school: pupils the day before their meeting,
// and advisers whose past meeting still lacks an outcome or notes after two school days. Each
// message's key names the meeting (and its time), so running the job again queues nothing new.

/** Meetings older than this are left to the Benchmark 3 nudges rather than a reminder each. */
const NOTES_LOOK_BACK_DAYS = 28;
const NOTES_GRACE_SCHOOL_DAYS = 2;
/** A run before this school-local time holds pupils' reminders back until then. */
const PUPIL_REMINDERS_FROM = '08:00';

export interface ReminderCounts {
  pupilReminders: number;
  adviserReminders: number;
}

const blank = (text: string) => text.trim() === '';

/** The days the job looks at, as of `local`: the notes look-back up to the end of tomorrow. */
function reminderWindow(local: string): [from: IsoDate, to: IsoDate] {
  const today = local.slice(0, 10);
  return [addDays(today, -NOTES_LOOK_BACK_DAYS), addDays(today, 2)];
}

export const meetingReminderJob: SchoolJob<ReminderCounts> = {
  name: 'meeting-reminders',
  schools: (services, now) => schoolsWithRemindableMeetings(services, ...reminderWindow(schoolDateTimeOf(now))),
  runForSchool: remindSchool,
};

/** Every school's reminders, each school on its own (see runForEachSchool), counted together. */
export async function queueMeetingReminders(services: Services, now: Date): Promise<ReminderCounts> {
  const run = await runForEachSchool(services, meetingReminderJob, now);
  const counts: ReminderCounts = { pupilReminders: 0, adviserReminders: 0 };
  for (const { result } of run.done) {
    counts.pupilReminders += result.pupilReminders;
    counts.adviserReminders += result.adviserReminders;
  }
  services.log.info('meetings.reminders_queued', { ...counts, schoolsFailed: run.failed.length });
  return counts;
}

async function remindSchool(services: Services, schoolId: string, now: Date): Promise<ReminderCounts> {
  const local = schoolDateTimeOf(now);
  const today = local.slice(0, 10);
  const tomorrow = addDays(today, 1);
  const meetings = await remindableMeetings(services, schoolId, ...reminderWindow(local));
  const counts: ReminderCounts = { pupilReminders: 0, adviserReminders: 0 };
  const notBefore =
    local.slice(11, 16) < PUPIL_REMINDERS_FROM ? instantOfSchoolTime(`${today}T${PUPIL_REMINDERS_FROM}`).toISOString() : undefined;
  const { settings } = await services.settings.get(schoolId);
  const terms = termDatesCovering(addDays(today, -NOTES_LOOK_BACK_DAYS), today, settings.termDates);
  for (const meeting of meetings) {
    if (meeting.status === 'booked' && datePart(meeting.startsAt) === tomorrow) {
      if (await remindPupil(services, schoolId, meeting, notBefore)) counts.pupilReminders++;
    } else if (notesOverdue(meeting, local, terms)) {
      if (await remindAdviser(services, schoolId, meeting)) counts.adviserReminders++;
    }
  }
  return counts;
}

/** A past meeting with no outcome, or completed without advice and actions, two full school days on. */
function notesOverdue(meeting: Meeting, local: string, terms: TermDates): boolean {
  const missing =
    (meeting.status === 'booked' && meeting.startsAt <= local) ||
    (meeting.status === 'completed' && (blank(meeting.advice) || blank(meeting.agreedActions)));
  if (!missing) return false;
  const day = datePart(meeting.startsAt);
  const today = local.slice(0, 10);
  return schoolDaysBetween(addDays(day, 1), addDays(today, -1), terms) >= NOTES_GRACE_SCHOOL_DAYS;
}

async function remindPupil(services: Services, schoolId: string, meeting: Meeting, notBefore: string | undefined): Promise<boolean> {
  const adviser = await services.school.getPerson(schoolId, meeting.adviserId);
  const outcome = await services.outbox.enqueue({
    schoolId,
    key: `meeting-reminder:${meeting.id}:${meeting.startsAt}`,
    to: { kind: 'person', personId: meeting.pupilId },
    card: adaptiveCard(
      [
        heading('Your careers meeting is tomorrow'),
        meetingFacts(viewOf(meeting, adviser)),
        textBlock('Bring any questions you have. If you can’t make it, please tell your careers adviser.', { subtle: true }),
      ],
      [executeAction('My meeting', MEETING_VERBS.mine, {})],
    ),
    ...(notBefore ? { notBefore } : {}),
  });
  return outcome === 'queued';
}

async function remindAdviser(services: Services, schoolId: string, meeting: Meeting): Promise<boolean> {
  // "stop" covers this reminder; the adviser's diary still lists the meeting to record.
  if (await hasOptedOut(services, schoolId, meeting.adviserId)) return false;
  const pupil: Person | undefined = await services.school.getPerson(schoolId, meeting.pupilId);
  const who = pupil ? pupilLabel(pupil) : 'a pupil';
  const sentence =
    meeting.status === 'booked'
      ? `You haven’t recorded whether ${who} came to their careers meeting on ${formatUkDateTime(meeting.startsAt)}.`
      : `Your careers meeting with ${who} on ${formatUkDateTime(meeting.startsAt)} still has no advice or agreed actions recorded.`;
  const outcome = await services.outbox.enqueue({
    schoolId,
    key: `meeting-notes-due:${meeting.id}`,
    to: { kind: 'person', personId: meeting.adviserId },
    card: adaptiveCard(
      [
        heading('A meeting still to record'),
        textBlock(sentence),
        textBlock('Benchmark 3 needs the advice and agreed actions after every guidance meeting.', { subtle: true }),
      ],
      [executeAction('Record it now', MEETING_VERBS.recordForm, { meetingId: meeting.id })],
    ),
  });
  return outcome === 'queued';
}

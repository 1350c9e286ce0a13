import { odata } from '@azure/data-tables';
import { PUPILS_SIDE } from '../domain/agreed-actions';
import { addDays, isSchoolDay, weekday, type TermDates } from '../domain/calendar';
import type { Activity, IsoDate, Meeting } from '../domain/school';
import { plansWaitingForAttendance } from '../journeys/encounters/plan-attendance-store';
import { actionsOfPupil, syncActionsOfMeeting } from '../journeys/meetings/action-store';
import type { MeetingRequest } from '../journeys/meetings/meeting-codecs';
import { openRequests, schoolNow, termDatesUntil } from '../journeys/meetings/meeting-store';
import { formatActions } from '../journeys/meetings/outcome-submission';
import { DEMO_PEOPLE } from '../schooldata/demo-school';
import type { Services } from '../services';
import { encodeKey } from '../storage/keys';
import { isDemoSchool } from './demo-slots';

// Something waiting for each role's main job on the demo school, counted from the day it starts:
// the adviser has a meeting to record and a pupil's request, the careers leader a plan whose
// attendance is due, and the demo pupil an agreed action coming up. A later start adds only what
// is gone by then (recorded, answered, taken or done), dated from its own day, so a restart never doubles them.

/** The demo pupil's agreed action falls due this many days after the start. */
const ACTION_DUE_IN_DAYS = 2;
const DEMO_PLACE = 'Careers office';
/** The diary still lists a meeting to record this far back (diary-journey.ts). */
const RECORD_LOOK_BACK_DAYS = 60;

export interface DemoTaskDays {
  /** The school day before the start: the meeting to record and the plan were on it. */
  yesterday: IsoDate;
  /** The school day before that: the demo pupil's meeting that agreed her action. */
  actionAgreedOn: IsoDate;
  /** A weekday soon after the start, inside the pupil's reminder window. */
  actionDue: IsoDate;
}

/** The last school day before `date` (a weekday, when the terms show none in the last four months). */
export function schoolDayBefore(date: IsoDate, terms: TermDates): IsoDate {
  for (let day = addDays(date, -1); day >= addDays(date, -120); day = addDays(day, -1)) if (isSchoolDay(day, terms)) return day;
  let day = addDays(date, -1);
  while (weekday(day) > 5) day = addDays(day, -1);
  return day;
}

/** The days the demo's waiting tasks are dated, relative to the day it starts (pure). */
export function demoTaskDays(today: IsoDate, terms: TermDates): DemoTaskDays {
  const yesterday = schoolDayBefore(today, terms);
  let actionDue = addDays(today, ACTION_DUE_IN_DAYS);
  while (weekday(actionDue) > 5) actionDue = addDays(actionDue, 1);
  return { yesterday, actionAgreedOn: schoolDayBefore(yesterday, terms), actionDue };
}

export interface DemoTasksAdded {
  meetingToRecord: boolean;
  request: boolean;
  planForAttendance: boolean;
  pupilAction: boolean;
}

/**
 * Adds each waiting task the demo school lacks today. Ids are keyed by the day, so two starts on
 * one day (or a retried write) create each once. Only the demo school, recognised by its adviser.
 */
export async function topUpDemoTasks(services: Services, schoolId: string): Promise<DemoTasksAdded | undefined> {
  if (!(await isDemoSchool(services, schoolId))) return undefined;
  const now = schoolNow(services);
  const today = now.slice(0, 10);
  const days = demoTaskDays(today, await termDatesUntil(services, schoolId, today, addDays(today, -150)));
  const added: DemoTasksAdded = {
    meetingToRecord: await addMeetingToRecord(services, schoolId, today, days),
    request: await addWaitingRequest(services, schoolId, today, days),
    planForAttendance: await addPlanForAttendance(services, schoolId, today, days),
    pupilAction: await addPupilAction(services, schoolId, today, days),
  };
  services.log.info('demo.tasks_topped_up', { schoolId, ...added });
  return added;
}

async function addMeetingToRecord(services: Services, schoolId: string, today: IsoDate, days: DemoTaskDays): Promise<boolean> {
  const { adviser, pupilYear11 } = DEMO_PEOPLE;
  const { meetings } = services.school.collections;
  const since = addDays(today, -RECORD_LOOK_BACK_DAYS);
  const waiting = await meetings.list(
    schoolId,
    odata`adviserId eq ${adviser.id} and status eq ${'booked'} and startsAt ge ${since} and startsAt lt ${today}`,
  );
  if (waiting.length > 0) return false;
  const meeting: Meeting = {
    id: `DEMO-RECORD-${days.yesterday}`,
    pupilId: pupilYear11.id,
    adviserId: adviser.id,
    startsAt: `${days.yesterday}T10:00`,
    status: 'booked',
    advice: '',
    agreedActions: '',
    topic: 'Sixth form or an apprenticeship after Year 11',
    place: DEMO_PLACE,
    durationMinutes: 30,
  };
  return (await meetings.createOnce(schoolId, meeting)) === 'created';
}

/**
 * From a Year 11 pupil other than the two fixed ones (so the demo pupils' own booking stays theirs
 * to try) with no meeting booked, so the adviser can offer them a time.
 */
async function addWaitingRequest(services: Services, schoolId: string, today: IsoDate, days: DemoTaskDays): Promise<boolean> {
  if ((await openRequests(services, schoolId)).length > 0) return false;
  const booked = await services.school.collections.meetings.list(schoolId, odata`status eq ${'booked'} and startsAt ge ${today}`);
  const unavailable = new Set<string>([
    DEMO_PEOPLE.pupilYear10.id,
    DEMO_PEOPLE.pupilYear11.id,
    ...booked.map((meeting) => meeting.pupilId),
  ]);
  const people = await services.school.collections.people.list(schoolId);
  const pupil = people
    .filter((person) => person.role === 'pupil' && person.yearGroup === 11 && !unavailable.has(person.id) && person.leftOn === undefined)
    .sort((a, b) => a.id.localeCompare(b.id))[0];
  if (!pupil) return false;
  const request: MeetingRequest = {
    id: `DEMO-REQUEST-${days.yesterday}`,
    pupilId: pupil.id,
    reason: 'I would like help choosing my college courses.',
    preferredTimes: 'Any lunchtime',
    requestedAt: `${days.yesterday}T12:15:00.000Z`,
    status: 'open',
  };
  return (await services.meetingTables.requests.createOnce(schoolId, request)) === 'created';
}

/** Planned by the careers leader for the demo pupil's form, so its attendance card comes to her. */
async function addPlanForAttendance(services: Services, schoolId: string, today: IsoDate, days: DemoTaskDays): Promise<boolean> {
  const waiting = await plansWaitingForAttendance(services, schoolId, today);
  if (waiting.some((plan) => plan.recordedBy === DEMO_PEOPLE.careersLeader.id)) return false;
  const plan: Activity = {
    id: `DEMO-PLAN-${days.yesterday}`,
    date: days.yesterday,
    kind: 'employer_encounter',
    title: 'Local employers careers talk',
    providerAccess: false,
    meaningful: true,
    recordedBy: DEMO_PEOPLE.careersLeader.id,
    invitedForms: ['10A'],
  };
  return (await services.school.collections.activities.createOnce(schoolId, plan)) === 'created';
}

async function addPupilAction(services: Services, schoolId: string, today: IsoDate, days: DemoTaskDays): Promise<boolean> {
  const { pupilYear10, adviser } = DEMO_PEOPLE;
  // One left open, even overdue, is still hers to try: a second alike would read as a duplicate.
  const actions = await actionsOfPupil(services, schoolId, pupilYear10.id);
  if (actions.some((action) => action.status === 'open' && PUPILS_SIDE.includes(action.who))) return false;
  const meeting: Meeting = {
    id: `DEMO-ACTIONS-${today}`,
    pupilId: pupilYear10.id,
    adviserId: adviser.id,
    startsAt: `${days.actionAgreedOn}T13:30`,
    status: 'completed',
    advice: 'Talked through A levels, T Levels and apprenticeships in engineering.',
    agreedActions: formatActions([{ who: 'Pupil', what: 'Look up two engineering apprenticeships', by: days.actionDue }]),
    place: DEMO_PLACE,
    durationMinutes: 30,
  };
  const { meetings } = services.school.collections;
  const created = (await meetings.createOnce(schoolId, meeting)) === 'created';
  // Also when it existed (a start that failed between the two writes), from what is stored.
  await syncActionsOfMeeting(
    services,
    schoolId,
    created ? meeting : ((await meetings.get(schoolId, encodeKey(meeting.id)))?.item ?? meeting),
  );
  return created;
}

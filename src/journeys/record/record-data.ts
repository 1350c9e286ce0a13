import { odata } from '@azure/data-tables';
import { buildPupilRecords, type PupilRecord } from '../../domain/benchmarks/pupil-records';
import type { RuleContext } from '../../domain/benchmarks/rules';
import { academicYearOf } from '../../domain/calendar';
import { pupilNextStep, pupilProgress, PUPIL_VOICE, staffVoice, type NextStep, type ProgressLine } from '../../domain/pupil-progress';
import type { Activity, IsoDate, Meeting, Person, SchoolData } from '../../domain/school';
import type { Services } from '../../services';

/** Everything one pupil's careers record shows, read for that pupil only. */
export interface PupilRecordData {
  pupil: Person;
  asOf: IsoDate;
  /** Attended activities dated on or before today, newest first. */
  attended: Activity[];
  meetings: Meeting[];
  destinations: SchoolData['destinations'];
  /** Undefined when the pupil has no year group from 7 to 13. */
  progress?: ProgressLine[];
  /** The pupil's one next step; undefined when there is no progress to judge. */
  nextStep?: NextStep;
  advisers: Map<string, Person>;
}

/** `now` is the school's local date-time, so a meeting later today still counts as coming up. */
export async function loadPupilRecord(
  services: Services,
  schoolId: string,
  pupil: Person,
  asOf: IsoDate,
  options: { staffView: boolean; now: string },
): Promise<PupilRecordData> {
  const { collections } = services.school;
  const [attendance, meetings, destinations] = await Promise.all([
    collections.attendance.list(schoolId, odata`pupilId eq ${pupil.id}`),
    collections.meetings.list(schoolId, odata`pupilId eq ${pupil.id}`),
    collections.destinations.list(schoolId, odata`pupilId eq ${pupil.id}`),
  ]);
  const wanted = new Set(attendance.map((row) => row.activityId));
  // A pupil attends tens of activities; the school holds hundreds, so one scan beats many reads.
  const activities =
    wanted.size === 0
      ? []
      : (await collections.activities.list(schoolId, odata`date le ${asOf}`)).filter((activity) => wanted.has(activity.id));
  const data: SchoolData = { people: [pupil], curriculum: [], activities, attendance, links: [], meetings, destinations };
  const records = buildPupilRecords(data, asOf);
  const record: PupilRecord | undefined = records.pupils[0];
  const context: RuleContext = { asOf, academicYear: academicYearOf(asOf) };
  const adviserIds = [...new Set(meetings.map((meeting) => meeting.adviserId))];
  const advisers = await Promise.all(adviserIds.map((id) => services.school.getPerson(schoolId, id)));
  return {
    pupil,
    asOf,
    attended: activities.sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title)),
    meetings: meetings.sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
    destinations,
    ...(record
      ? {
          progress: pupilProgress(record, context, options.staffView ? staffVoice(pupil.givenName) : PUPIL_VOICE),
          nextStep: pupilNextStep(record, context, {
            upcomingMeeting: meetings.some((meeting) => meeting.status === 'booked' && meeting.startsAt >= options.now),
            hasPlans: destinations.length > 0,
          }),
        }
      : {}),
    advisers: new Map(advisers.filter((person) => person !== undefined).map((person) => [person.id, person])),
  };
}

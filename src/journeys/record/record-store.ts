import { odata } from '@azure/data-tables';
import { buildPupilRecords, type PupilRecord } from '../../domain/benchmarks/pupil-records';
import type { RuleContext } from '../../domain/benchmarks/rules';
import { academicYearOf } from '../../domain/calendar';
import { pupilNextStep, pupilProgress, PUPIL_VOICE, staffVoice } from '../../domain/pupil-progress';
import type { Destination, IsoDate, Person, SchoolData } from '../../domain/school';
import type { Services } from '../../services';
import { ChangedUnderUsError } from '../../storage/school-collection';
import { compoundKey } from '../../storage/keys';
import type { PupilRecordData } from './record-data';

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
    destinationsOf(services, schoolId, pupil.id),
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

/** A pupil's aspirations and intended destinations, as recorded. */
export function destinationsOf(services: Services, schoolId: string, pupilId: string): Promise<Destination[]> {
  return services.school.collections.destinations.list(schoolId, odata`pupilId eq ${pupilId}`);
}

/** Saves one destinations.csv row per pupil, kind and day: changing it again the same day replaces it. */
export async function saveDestination(services: Services, schoolId: string, row: Destination): Promise<void> {
  const destinations = services.school.collections.destinations;
  const key = compoundKey(row.pupilId, row.kind, row.date);
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await destinations.get(schoolId, key);
    if (existing?.item.destination === row.destination) break;
    try {
      if (!existing) {
        if ((await destinations.createOnce(schoolId, row)) === 'created') break;
      } else {
        await destinations.replace(schoolId, row, existing.etag);
        break;
      }
    } catch (error) {
      if (!(error instanceof ChangedUnderUsError)) throw error;
    }
  }
}

/** The pupils on the school's roster. */
export function rosterPupils(services: Services, schoolId: string): Promise<Person[]> {
  return services.school.collections.people.list(schoolId, odata`role eq ${'pupil'}`);
}

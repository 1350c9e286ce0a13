import { odata } from '@azure/data-tables';
import { addDays, isSchoolDay, weekday, type TermDates } from '../domain/calendar';
import type { IsoDate, IsoDateTime } from '../domain/school';
import { type Slot } from '../journeys/meetings/meeting-codecs';
import { changeWindowClosed, meetingCutoffHours, schoolNow, termDatesUntil } from '../journeys/meetings/meeting-store';
import { overlaps } from '../journeys/meetings/slot-times';
import { DEMO_PEOPLE } from '../schooldata/demo-school';
import type { Services } from '../services';
import { encodeKey } from '../storage/keys';

/** How far ahead the demo keeps bookable times: enough school days to span a half-term break. */
export const DEMO_SLOT_SCHOOL_DAYS = 12;
const DEMO_SLOT_MINUTES = 30;
const DEMO_SLOT_PLACE = 'Careers office';
const DEMO_SLOT_TIMES = ['10:00', '10:30', '13:30', '14:00'];
/** Time to choose and confirm a slot: a demo pupil who books the first time can still move it. */
const DEMO_BOOKING_MARGIN_HOURS = 1;

/**
 * The demo advisers' bookable times in the next school days after `now` (school-local, pure): the
 * first adviser on Mondays, Wednesdays and Fridays, the second on Tuesdays and Thursdays. None
 * starts inside the school's cut-off for moving or cancelling a meeting (`cutoffHours`, plus a
 * margin), so a pupil who books the first time shown is never told it is too late to change it.
 */
export function demoSlotPlan(
  now: IsoDateTime,
  cutoffHours: number,
  terms: TermDates,
): Array<Pick<Slot, 'adviserId' | 'startsAt' | 'minutes' | 'place'>> {
  const plan: Array<Pick<Slot, 'adviserId' | 'startsAt' | 'minutes' | 'place'>> = [];
  const today: IsoDate = now.slice(0, 10);
  let schoolDays = 0;
  // A summer holiday is about six weeks long; look no further than a term's length ahead.
  for (let date = addDays(today, 1); schoolDays < DEMO_SLOT_SCHOOL_DAYS && date <= addDays(today, 120); date = addDays(date, 1)) {
    if (!isSchoolDay(date, terms)) continue;
    const adviserId = weekday(date) % 2 === 1 ? DEMO_PEOPLE.adviser.id : DEMO_PEOPLE.secondAdviser.id;
    const times = DEMO_SLOT_TIMES.map((time) => `${date}T${time}` as IsoDateTime).filter(
      (startsAt) => !changeWindowClosed(startsAt, now, cutoffHours + DEMO_BOOKING_MARGIN_HOURS),
    );
    if (times.length === 0) continue;
    schoolDays++;
    for (const startsAt of times) plan.push({ adviserId, startsAt, minutes: DEMO_SLOT_MINUTES, place: DEMO_SLOT_PLACE });
  }
  return plan;
}

/** The demo school is the one whose roster has the demo adviser: a real school's data is never topped up. */
export async function isDemoSchool(services: Services, schoolId: string): Promise<boolean> {
  const adviser = await services.school.people.get(schoolId, encodeKey(DEMO_PEOPLE.adviser.id));
  return adviser?.item.email === DEMO_PEOPLE.adviser.email;
}

/**
 * Keeps the demo school bookable: adds the planned times that are missing, each once (keyed by
 * adviser and time, so a second start adds nothing), skipping any that would clash with a time or
 * meeting the adviser already has. Only the demo school, recognised by its demo adviser, gets them.
 */
export async function topUpDemoSlots(services: Services, schoolId: string): Promise<number> {
  if (!(await isDemoSchool(services, schoolId))) return 0;
  const now = schoolNow(services);
  const today = now.slice(0, 10);
  const plan = demoSlotPlan(
    now,
    await meetingCutoffHours(services, schoolId),
    await termDatesUntil(services, schoolId, addDays(today, 120)),
  );
  if (plan.length === 0) return 0;
  const from = plan[0]!.startsAt;
  const to = addDays(plan.at(-1)!.startsAt.slice(0, 10), 1);
  const { slots } = services.meetingTables;
  const existing = await slots.list(schoolId, odata`startsAt ge ${from} and startsAt lt ${to}`);
  const meetings = await services.school.collections.meetings.list(schoolId, odata`startsAt ge ${from} and startsAt lt ${to}`);
  // A demo meeting booked without a slot (from the generated data) still fills the adviser's time.
  const booked = meetings.filter((meeting) => meeting.status === 'booked').map((meeting) => ({ ...meeting, minutes: DEMO_SLOT_MINUTES }));
  const clashes = (planned: Pick<Slot, 'adviserId' | 'startsAt' | 'minutes'>) =>
    existing.some((slot) => slot.adviserId === planned.adviserId && slot.startsAt !== planned.startsAt && overlaps(slot, planned)) ||
    booked.some((meeting) => meeting.adviserId === planned.adviserId && overlaps(meeting, planned));
  let added = 0;
  for (const planned of plan) {
    if (clashes(planned)) continue;
    if ((await slots.createOnce(schoolId, { ...planned, createdBy: planned.adviserId })) === 'created') added++;
  }
  services.log.info('demo.slots_topped_up', { schoolId, added });
  return added;
}

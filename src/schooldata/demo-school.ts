// Northfield Academy: a fictional, deterministic school for demos, docs, tests and benchmarks. The
// same options always give the same data. A few people are fixed (DEMO_PEOPLE) so that tests and the
// docs can rely on them; everyone else is drawn from a seeded generator.
import {
  subjectKey,
  type Activity,
  type Attendance,
  type CurriculumLink,
  type Destination,
  type IsoDate,
  type IsoDateTime,
  type Meeting,
  type MeetingStatus,
  type Person,
  type Role,
  type SchoolData,
} from '../domain/school';
import {
  type ActivityTemplate,
  DEMO_ACTIVITIES,
  DEMO_ADVICE,
  DEMO_ASPIRATIONS,
  DEMO_CURRICULUM,
  DEMO_INTENDED_AFTER_YEAR_11,
  DEMO_INTENDED_AFTER_YEAR_13,
  DEMO_LINK_TOPICS,
  DEMO_TEACHER_SUBJECTS,
} from './demo-catalogue';
import { DEMO_FAMILY_NAMES, DEMO_GIVEN_NAMES } from './demo-names';
import { academicStartYearOf, addDays, daysBetween, isRealIsoDate, weekday } from '../domain/calendar';
import { SeededRandom } from './seeded-random';
import { FIRST_YEAR_GROUP, LAST_YEAR_GROUP } from './year-group-ranges';

export const DEMO_SCHOOL_NAME = 'Northfield Academy';
export const DEMO_EMAIL_DOMAIN = 'northfield.example';

/** The people every demo school has, whatever the seed. */
export const DEMO_PEOPLE = {
  /** Ava Patel, Year 10, form 10A. */
  pupilYear10: { id: 'P0001', email: 'ava.patel@northfield.example', givenName: 'Ava', familyName: 'Patel', yearGroup: 10 },
  /** Noah Williams, Year 11, form 11A. */
  pupilYear11: { id: 'P0002', email: 'noah.williams@northfield.example', givenName: 'Noah', familyName: 'Williams', yearGroup: 11 },
  /** Sam Okafor, teaches Mathematics and Physics. */
  teacher: {
    id: 'T001',
    email: 'sam.okafor@northfield.example',
    givenName: 'Sam',
    familyName: 'Okafor',
    subjects: ['Mathematics', 'Physics'],
  },
  /** Helen Marsh, the careers leader. */
  careersLeader: { id: 'S001', email: 'careers.lead@northfield.example', givenName: 'Helen', familyName: 'Marsh' },
  /** Dan Brooks, careers adviser. */
  adviser: { id: 'A001', email: 'dan.brooks@northfield.example', givenName: 'Dan', familyName: 'Brooks' },
  /** Farah Siddiqui, the second careers adviser. */
  secondAdviser: { id: 'A002', email: 'farah.siddiqui@northfield.example', givenName: 'Farah', familyName: 'Siddiqui' },
  /** Ruth Green, SENCo. */
  senco: { id: 'S002', email: 'ruth.green@northfield.example', givenName: 'Ruth', familyName: 'Green' },
  /** Ian Fox, school office. */
  admin: { id: 'S003', email: 'ian.fox@northfield.example', givenName: 'Ian', familyName: 'Fox' },
} as const;

export interface DemoSchoolOptions {
  /** Everything is dated on or before this day, except meetings booked for the next few weeks. */
  asOf: IsoDate;
  seed?: number;
  /** About 40 by default; ~215 gives a 1,500-pupil school. */
  pupilsPerYear?: number;
  /** Each activity is run this many times a year (more sessions, more attendance rows). Default 1. */
  activitySessions?: number;
}

const DEFAULT_SEED = 20_240_901;
const DEFAULT_PUPILS_PER_YEAR = 40;
const FORM_SIZE = 30;

export function generateDemoSchool(options: DemoSchoolOptions): SchoolData {
  if (!isRealIsoDate(options.asOf)) throw new Error(`asOf must be a date in the form YYYY-MM-DD (got "${options.asOf}")`);
  const random = new SeededRandom(options.seed ?? DEFAULT_SEED);
  const calendar = new DemoCalendar(options.asOf);
  const emails = new EmailBook(Object.values(DEMO_PEOPLE).map((person) => person.email));

  const pupils = generatePupils(random, calendar, emails, options.pupilsPerYear ?? DEFAULT_PUPILS_PER_YEAR);
  const staff = generateStaff(random, emails);
  const { activities, attendance } = generateActivities(random, calendar, pupils, options.activitySessions ?? 1);
  return {
    people: [...pupils, ...staff],
    curriculum: DEMO_CURRICULUM.map((entry) => ({ subject: entry.subject, yearGroups: [...entry.yearGroups] })),
    activities,
    attendance,
    links: generateLinks(random, calendar, staff),
    meetings: generateMeetings(random, calendar, pupils),
    destinations: generateDestinations(random, calendar, pupils),
  };
}

/**
 * A school of about `pupils` pupils with `attendanceRows` attendance rows (exactly, when the
 * activities offer that many), for benchmarks: e.g. 1,500 pupils and 40,000 rows.
 */
export function scaledSchoolForBenchmark(options: { asOf: IsoDate; pupils: number; attendanceRows: number; seed?: number }): SchoolData {
  const pupilsPerYear = Math.max(1, Math.round(options.pupils / (LAST_YEAR_GROUP - FIRST_YEAR_GROUP + 1)));
  const base = { asOf: options.asOf, pupilsPerYear, ...(options.seed === undefined ? {} : { seed: options.seed }) };
  const perSession = generateDemoSchool(base).attendance.length;
  const activitySessions = Math.max(1, Math.ceil(options.attendanceRows / Math.max(1, perSession)));
  const school = generateDemoSchool({ ...base, activitySessions });
  return { ...school, attendance: school.attendance.slice(0, options.attendanceRows) };
}

/** Dates relative to the as-of day: A is the academic year containing it. */
class DemoCalendar {
  readonly currentYearStart: IsoDate;
  readonly previousYearStart: IsoDate;

  constructor(readonly asOf: IsoDate) {
    const year = academicStartYearOf(asOf);
    this.currentYearStart = `${year}-09-01`;
    this.previousYearStart = `${year - 1}-09-01`;
  }

  /** 0 for the current academic year, 1 for the one before. */
  yearsBefore(date: IsoDate): number {
    return academicStartYearOf(this.asOf) - academicStartYearOf(date);
  }

  /**
   * A weekday between `from` and `to`, or undefined when it falls after the as-of day (it has not
   * happened yet). Drawing from the whole window and then dropping future days, rather than squeezing
   * the window up to the as-of day, keeps early-year dates as sparse as they would really be.
   */
  pastSchoolDay(random: SeededRandom, from: IsoDate, to: IsoDate): IsoDate | undefined {
    const date = schoolDayIn(random, from, to);
    return date !== undefined && date <= this.asOf ? date : undefined;
  }
}

function schoolDayIn(random: SeededRandom, from: IsoDate, last: IsoDate): IsoDate | undefined {
  if (last < from) return undefined;
  const day = random.integer(0, daysBetween(from, last));
  for (const shift of [0, 1, -1, 2, -2]) {
    const date = addDays(from, day + shift);
    if (date >= from && date <= last && weekday(date) <= 5) return date;
  }
  return undefined;
}

/** Orders ids and ISO dates the same way whatever the machine's locale. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function nearestWeekday(date: IsoDate): IsoDate {
  const dayOfWeek = weekday(date);
  if (dayOfWeek === 6) return addDays(date, -1);
  if (dayOfWeek === 7) return addDays(date, 1);
  return date;
}

/** Hands out `given.family@` addresses, numbering repeats (`ava.patel2@`). */
class EmailBook {
  private readonly taken: Set<string>;

  constructor(reserved: readonly string[]) {
    this.taken = new Set(reserved);
  }

  addressFor(givenName: string, familyName: string): string {
    const stem = `${emailPart(givenName)}.${emailPart(familyName)}`;
    for (let suffix = 1; ; suffix += 1) {
      const address = `${stem}${suffix === 1 ? '' : suffix}@${DEMO_EMAIL_DOMAIN}`;
      if (!this.taken.has(address)) {
        this.taken.add(address);
        return address;
      }
    }
  }
}

/** Zoë → zoe, O'Brien → obrien, Da Silva → dasilva, Pryce-Jones → pryce-jones. */
function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z-]/g, '');
}

function generatePupils(random: SeededRandom, calendar: DemoCalendar, emails: EmailBook, pupilsPerYear: number): Person[] {
  const fixed = [DEMO_PEOPLE.pupilYear10, DEMO_PEOPLE.pupilYear11];
  const pupils: Person[] = [];
  let nextNumber = fixed.length + 1;
  const formCount = Math.max(1, Math.ceil(pupilsPerYear / FORM_SIZE));
  const academicYear = academicStartYearOf(calendar.asOf);

  for (let yearGroup = FIRST_YEAR_GROUP; yearGroup <= LAST_YEAR_GROUP; yearGroup += 1) {
    for (let place = 0; place < pupilsPerYear; place += 1) {
      const fixedPupil = place === 0 ? fixed.find((pupil) => pupil.yearGroup === yearGroup) : undefined;
      const givenName = fixedPupil?.givenName ?? random.pick(DEMO_GIVEN_NAMES);
      const familyName = fixedPupil?.familyName ?? random.pick(DEMO_FAMILY_NAMES);
      const id = fixedPupil?.id ?? `P${String(nextNumber++).padStart(4, '0')}`;
      // A pupil is in Year N in the academic year in which they turn N + 5.
      const firstPossibleBirthday = `${academicYear - yearGroup - 5}-09-01`;
      const sixthForm = yearGroup >= 12;
      pupils.push({
        id,
        role: 'pupil',
        givenName,
        familyName,
        email: fixedPupil?.email ?? emails.addressFor(givenName, familyName),
        yearGroup,
        form: `${yearGroup}${String.fromCharCode(65 + (place % formCount))}`,
        dateOfBirth: addDays(firstPossibleBirthday, random.integer(0, 364)),
        send: random.chance(0.15),
        pupilPremium: fixedPupil === DEMO_PEOPLE.pupilYear10 ? true : random.chance(0.25),
        lookedAfter: random.chance(0.02),
        consideringHigherEducation: sixthForm && random.chance(0.5),
        subjects: [],
      });
    }
  }
  return pupils.sort((a, b) => byCodeUnits(a.id, b.id));
}

function generateStaff(random: SeededRandom, emails: EmailBook): Person[] {
  const staffMember = (
    id: string,
    role: Role,
    givenName: string,
    familyName: string,
    email: string,
    subjects: readonly string[] = [],
  ): Person => ({
    id,
    role,
    givenName,
    familyName,
    email,
    send: false,
    pupilPremium: false,
    lookedAfter: false,
    consideringHigherEducation: false,
    subjects: [...subjects],
  });
  const { teacher, careersLeader, adviser, secondAdviser, senco, admin } = DEMO_PEOPLE;
  const teachers = [staffMember(teacher.id, 'teacher', teacher.givenName, teacher.familyName, teacher.email, teacher.subjects)];
  DEMO_TEACHER_SUBJECTS.forEach((subjects, index) => {
    const givenName = random.pick(DEMO_GIVEN_NAMES);
    const familyName = random.pick(DEMO_FAMILY_NAMES);
    const id = `T${String(index + 2).padStart(3, '0')}`;
    teachers.push(staffMember(id, 'teacher', givenName, familyName, emails.addressFor(givenName, familyName), subjects));
  });
  return [
    ...teachers,
    staffMember(careersLeader.id, 'careers_leader', careersLeader.givenName, careersLeader.familyName, careersLeader.email),
    staffMember(senco.id, 'senco', senco.givenName, senco.familyName, senco.email),
    staffMember(admin.id, 'admin', admin.givenName, admin.familyName, admin.email),
    staffMember(adviser.id, 'careers_adviser', adviser.givenName, adviser.familyName, adviser.email),
    staffMember(secondAdviser.id, 'careers_adviser', secondAdviser.givenName, secondAdviser.familyName, secondAdviser.email),
  ];
}

/** The pupil's year group on a date, or undefined before they joined in Year 7. */
function yearGroupOn(pupil: Person, calendar: DemoCalendar, date: IsoDate): number | undefined {
  const yearGroup = (pupil.yearGroup ?? 0) - calendar.yearsBefore(date);
  return yearGroup >= FIRST_YEAR_GROUP ? yearGroup : undefined;
}

function generateActivities(
  random: SeededRandom,
  calendar: DemoCalendar,
  pupils: readonly Person[],
  sessions: number,
): { activities: Activity[]; attendance: Attendance[] } {
  const planned: { activity: Omit<Activity, 'id'>; pupilIds: string[] }[] = [];
  for (const yearStart of [calendar.previousYearStart, calendar.currentYearStart]) {
    for (const template of DEMO_ACTIVITIES) {
      for (let session = 1; session <= sessions; session += 1) {
        const drawn = schoolDayIn(random, addDays(yearStart, template.window[0]), addDays(yearStart, template.window[1]));
        // This year's activities still to come are the plan: for the year groups that take part.
        if (drawn !== undefined && drawn > calendar.asOf && yearStart === calendar.currentYearStart && session === 1) {
          planned.push({
            activity: { ...fromTemplate(template, drawn, template.title), invitedYearGroups: [...template.years] },
            pupilIds: [],
          });
        }
        const date = drawn !== undefined && drawn <= calendar.asOf ? drawn : undefined;
        if (date === undefined) continue;
        const pupilIds = pupils
          .filter((pupil) => {
            const yearGroup = yearGroupOn(pupil, calendar, date);
            if (yearGroup === undefined || !template.years.includes(yearGroup)) return false;
            // Pupils aiming for university go on more university visits.
            const share =
              template.providerType === 'university' && pupil.consideringHigherEducation
                ? Math.min(0.9, template.share + 0.25)
                : template.share;
            return random.chance(share);
          })
          .map((pupil) => pupil.id);
        planned.push({
          activity: fromTemplate(template, date, sessions === 1 ? template.title : `${template.title} (session ${session})`),
          pupilIds,
        });
      }
    }
  }
  planned.sort((a, b) => byCodeUnits(a.activity.date, b.activity.date));
  const activities: Activity[] = [];
  const attendance: Attendance[] = [];
  planned.forEach(({ activity, pupilIds }, index) => {
    const id = `ACT${String(index + 1).padStart(4, '0')}`;
    activities.push({ id, ...activity });
    for (const pupilId of pupilIds) attendance.push({ activityId: id, pupilId });
  });
  return { activities, attendance };
}

function fromTemplate(template: ActivityTemplate, date: IsoDate, title: string): Omit<Activity, 'id'> {
  return {
    date,
    kind: template.kind,
    title,
    ...(template.providerType === undefined ? {} : { providerType: template.providerType }),
    providerAccess: template.providerAccess ?? false,
    meaningful: template.meaningful,
  };
}

/**
 * The school with `count` planned activities (dated after the as-of day, within its academic year),
 * for the bench: those it has, then the catalogue's activities in turn, each for one year group
 * that takes it or one of its forms.
 */
export function withPlannedActivities(school: SchoolData, asOf: IsoDate, count: number): SchoolData {
  const already = school.activities.filter((activity) => activity.date > asOf).length;
  const yearEnd = `${academicStartYearOf(asOf) + 1}-08-31`;
  const daysLeft = Math.max(1, daysBetween(asOf, yearEnd));
  const forms = [...new Set(school.people.flatMap((person) => (person.role === 'pupil' && person.form ? [person.form] : [])))].sort(
    byCodeUnits,
  );
  const plans: Activity[] = [];
  for (let index = 0; index < count - already; index += 1) {
    const template = DEMO_ACTIVITIES[index % DEMO_ACTIVITIES.length]!;
    const yearGroup = template.years[index % template.years.length]!;
    let date = addDays(asOf, 1 + ((index * 7) % daysLeft));
    while (weekday(date) > 5 && date < yearEnd) date = addDays(date, 1);
    const formsOfYear = forms.filter((form) => form.replace(/[A-Z]+$/, '') === String(yearGroup));
    const form = formsOfYear[index % Math.max(1, formsOfYear.length)];
    const invited = index % 2 === 0 || form === undefined ? { invitedYearGroups: [yearGroup] } : { invitedForms: [form] };
    plans.push({
      id: `PLAN${String(index + 1).padStart(4, '0')}`,
      ...fromTemplate(template, date, `${template.title} (plan ${index + 1})`),
      ...invited,
    });
  }
  return { ...school, activities: [...school.activities, ...plans] };
}

function generateLinks(random: SeededRandom, calendar: DemoCalendar, staff: readonly Person[]): CurriculumLink[] {
  const links: Omit<CurriculumLink, 'id'>[] = [];
  const teachersOf = (subject: string) =>
    staff.filter((person) => person.role === 'teacher' && person.subjects.some((taught) => subjectKey(taught) === subjectKey(subject)));
  // Shares over a whole academic year; links later in the year than the as-of day are dropped.
  for (const [yearStart, share] of [
    [calendar.previousYearStart, 0.6],
    [calendar.currentYearStart, 0.75],
  ] as const) {
    for (const { subject, yearGroups } of DEMO_CURRICULUM) {
      const teachers = teachersOf(subject);
      const topics = DEMO_LINK_TOPICS[subject] ?? [];
      if (teachers.length === 0 || topics.length === 0) continue;
      for (const yearGroup of yearGroups) {
        if (!random.chance(share)) continue;
        const date = calendar.pastSchoolDay(random, yearStart, addDays(yearStart, 320));
        if (date === undefined) continue;
        const [topic, careers] = random.pick(topics);
        links.push({ date, teacherId: random.pick(teachers).id, subject, yearGroup, topic, careers: [...careers] });
      }
    }
  }
  links.sort((a, b) => byCodeUnits(a.date, b.date));
  return links.map((link, index) => ({ id: `L${String(index + 1).padStart(4, '0')}`, ...link }));
}

function generateMeetings(random: SeededRandom, calendar: DemoCalendar, pupils: readonly Person[]): Meeting[] {
  const meetings: Omit<Meeting, 'id'>[] = [];
  const adviser = () => {
    const roll = random.next();
    if (roll < 0.55) return DEMO_PEOPLE.adviser.id;
    return roll < 0.9 ? DEMO_PEOPLE.secondAdviser.id : DEMO_PEOPLE.careersLeader.id;
  };
  const add = (pupil: Person, date: IsoDate, status: MeetingStatus) => {
    const [advice, agreedActions] = status === 'completed' ? recordedGuidance(random) : ['', ''];
    meetings.push({ pupilId: pupil.id, adviserId: adviser(), startsAt: slotOn(random, date), status, advice, agreedActions });
  };
  /** False when the day drawn is still to come. */
  const pastMeeting = (pupil: Person, yearsBefore: 0 | 1, status: MeetingStatus): boolean => {
    const yearStart = yearsBefore === 0 ? calendar.currentYearStart : calendar.previousYearStart;
    const date = calendar.pastSchoolDay(random, addDays(yearStart, 14), addDays(yearStart, 320));
    if (date !== undefined) add(pupil, date, status);
    return date !== undefined;
  };

  // Shares over a whole academic year; meetings later in the year than the as-of day are dropped.
  const completedShare: Record<number, readonly [thisYear: number, lastYear: number]> = {
    10: [0.06, 0],
    11: [0.8, 0.06],
    12: [0.3, 0.06],
    13: [0.6, 0.45],
  };
  let requested = 0;
  let booked = 0;
  for (const pupil of pupils) {
    const yearGroup = pupil.yearGroup ?? 0;
    const [thisYear, lastYear] = completedShare[yearGroup] ?? [pupil.send ? 0.1 : 0.02, 0];
    if (random.chance(lastYear)) pastMeeting(pupil, 1, 'completed');
    const hadMeetingThisYear = random.chance(thisYear) && pastMeeting(pupil, 0, 'completed');
    if (yearGroup >= 10 && random.chance(0.04)) pastMeeting(pupil, 0, random.chance(0.5) ? 'cancelled' : 'missed');
    if (hadMeetingThisYear || yearGroup < 10) continue;
    // Requests waiting for a slot (dated when asked for) and meetings booked for the coming weeks.
    if (requested < 12 && random.chance(0.06)) {
      requested += 1;
      const date = calendar.pastSchoolDay(random, addDays(calendar.asOf, -21), calendar.asOf);
      if (date !== undefined) add(pupil, date, 'requested');
    } else if (booked < 15 && (yearGroup === 11 || yearGroup === 13) && random.chance(0.12)) {
      booked += 1;
      add(pupil, nearestWeekday(addDays(calendar.asOf, random.integer(2, 28))), 'booked');
    }
  }
  meetings.sort((a, b) => byCodeUnits(a.startsAt, b.startsAt) || byCodeUnits(a.pupilId, b.pupilId));
  return meetings.map((meeting, index) => ({ id: `M${String(index + 1).padStart(4, '0')}`, ...meeting }));
}

/** Most completed meetings have advice and actions recorded; a few are missing one (a Benchmark 3 gap). */
function recordedGuidance(random: SeededRandom): readonly [string, string] {
  const [advice, agreedActions] = random.pick(DEMO_ADVICE);
  const roll = random.next();
  if (roll < 0.05) return ['', agreedActions];
  if (roll < 0.1) return [advice, ''];
  return [advice, agreedActions];
}

/** A 20-minute slot between 09:00 and 15:00. */
function slotOn(random: SeededRandom, date: IsoDate): IsoDateTime {
  const minutes = 9 * 60 + 20 * random.integer(0, 18);
  return `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function generateDestinations(random: SeededRandom, calendar: DemoCalendar, pupils: readonly Person[]): Destination[] {
  const destinations: Destination[] = [];
  const springTerm = addDays(calendar.currentYearStart, 126); // early January
  for (const pupil of pupils) {
    const yearGroup = pupil.yearGroup ?? 0;
    if (yearGroup >= 9 && random.chance(0.5)) {
      const date = calendar.pastSchoolDay(random, calendar.previousYearStart, calendar.asOf);
      if (date !== undefined)
        destinations.push({ pupilId: pupil.id, kind: 'aspiration', date, destination: random.pick(DEMO_ASPIRATIONS) });
    }
    if (yearGroup !== 11 && yearGroup !== 13) continue;
    // Intended destinations are mostly recorded from the spring term; a few earlier.
    const inSpring = calendar.asOf >= springTerm;
    if (!random.chance(inSpring ? 0.6 : 0.15)) continue;
    const date = inSpring
      ? calendar.pastSchoolDay(random, springTerm, calendar.asOf)
      : calendar.pastSchoolDay(random, calendar.currentYearStart, calendar.asOf);
    const options = yearGroup === 11 ? DEMO_INTENDED_AFTER_YEAR_11 : DEMO_INTENDED_AFTER_YEAR_13;
    if (date !== undefined) destinations.push({ pupilId: pupil.id, kind: 'intended', date, destination: random.pick(options) });
  }
  return destinations.sort((a, b) => byCodeUnits(a.date, b.date) || byCodeUnits(a.pupilId, b.pupilId));
}

// Every card the bot sends, built from fixed fictional inputs on a fixed day and kept as pretty JSON in
// __snapshots__/<journey>/<card>.json: paste one into the Adaptive Cards Designer (Teams host, schema 1.5)
// to see and review it. A change to a card shows up here as a JSON diff; after reviewing it, accept it
// with `npx vitest run test/cards -u`.
import type { AdaptiveCard } from '@microsoft/teams-ai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HelpEntry } from '../../src/bot/route';
import { curriculumCoverage, linksLoggedBy } from '../../src/domain/benchmarks/curriculum-coverage';
import { computeBenchmarkReport } from '../../src/domain/benchmarks/report';
import { composeDigest } from '../../src/domain/digest/compose-digest';
import { recentLeavers } from '../../src/domain/leavers';
import type { Activity, CurriculumLink, Person } from '../../src/domain/school';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { attendanceCard, attendanceSavedCard, recentActivitiesCard } from '../../src/journeys/encounters/attendance-cards';
import { activityFormCard, activitySavedCard, chooseKindCard } from '../../src/journeys/encounters/encounter-cards';
import { allGapsCard, digestCard } from '../../src/journeys/digest/digest-card';
import { helpCard, notUnderstoodCard } from '../../src/journeys/help/help-card';
import { leaversCard } from '../../src/journeys/leavers/leavers-card';
import {
  alreadyLoggedCard,
  chooseSubjectCard,
  confirmDeleteCard,
  departmentCoverageCard,
  linkDetailsCard,
  linkSavedCard,
  linksRemovedCard,
  myCoverageCard,
  myLinksCard,
  notYourSubjectCard,
} from '../../src/journeys/links/link-cards';
import { availabilityCard, dayCard, slotFormCard, slotsAddedCard, type SlotRow } from '../../src/journeys/meetings/availability-cards';
import {
  askCancelCard,
  bookedMeetingCard,
  cancelledCard,
  confirmBookingCard,
  confirmMoveCard,
  freeSlotsCard,
  noMeetingCard,
  type SlotChoice,
} from '../../src/journeys/meetings/booking-cards';
import { diaryCard, recordFormCard, recordedCard, type DiaryRow } from '../../src/journeys/meetings/diary-cards';
import type { MeetingView } from '../../src/journeys/meetings/meeting-card-parts';
import {
  offerFormCard,
  requestFormCard,
  requestQueueCard,
  requestSentCard,
  type QueueEntry,
} from '../../src/journeys/meetings/request-cards';
import { didYouMeanCard, pickPupilCard, planFormCard, pupilRecordCard } from '../../src/journeys/record/record-cards';
import { pupilListCard, subjectListCard } from '../../src/journeys/report/pupil-list-cards';
import { gapsCard, reportCard } from '../../src/journeys/report/report-cards';
import { settingsCard, settingsSavedCard } from '../../src/journeys/settings/settings-cards';
import { calendarCard, calendarSavedCard } from '../../src/journeys/settings/calendar-cards';
import { calendarFormValues, describeCalendar } from '../../src/journeys/settings/calendar-submission';
import { actionReminderCard, myActionsCard } from '../../src/journeys/meetings/action-cards';
import {
  cancelledCard as planCancelledCard,
  confirmCancelCard as confirmPlanCancelCard,
  moveCard as movePlanCard,
  planFormCard as planActivityFormCard,
  plansListCard,
  planSavedCard,
} from '../../src/journeys/planning/planning-cards';
import type { FollowedAction } from '../../src/domain/agreed-actions';
import { alreadyTakenCard, planAttendanceCard } from '../../src/journeys/encounters/plan-attendance-cards';
import { feedbackRequestCard, feedbackResultsCard, feedbackThanksCard } from '../../src/journeys/feedback/feedback-cards';
import { feedbackResult } from '../../src/domain/pupil-feedback';
import { DEMO_PEOPLE, DEMO_SCHOOL_NAME, generateDemoSchool } from '../../src/schooldata/demo-school';

const agreedAction: FollowedAction = {
  id: 'M-1.1',
  meetingId: 'M-1',
  pupilId: 'P0001',
  adviserId: 'S0002',
  who: 'Pupil',
  what: 'Book onto the college open evening',
  by: '2026-03-06',
  status: 'open',
};

// Tue 3 Mar 2026, mid-morning in the UK: inside the spring term, so every benchmark has a deadline ahead.
const TODAY = '2026-03-03';
const NOW = new Date('2026-03-03T10:15:00Z');

// The demo school (fictional names, a fixed seed) gives the report, digest, coverage and leavers cards real rows.
const school = generateDemoSchool({ asOf: TODAY });
const settings = defaultSchoolSettings({
  schoolName: DEMO_SCHOOL_NAME,
  programmeUrl: 'https://northfield.example/careers',
  careersLeader: { name: 'Helen Marsh', email: DEMO_PEOPLE.careersLeader.email, phone: '01632 960123' },
  policyReviewDate: '2026-09-01',
});
const report = computeBenchmarkReport(school, TODAY, settings);
const digest = composeDigest(report, { asOf: '2026-02-24', rows: report.rows.map((row) => ({ ...row, met: Math.max(0, row.met - 2) })) });
const coverage = curriculumCoverage(school, TODAY);
const personById = (id: string): Person => {
  const found = school.people.find((person) => person.id === id);
  if (!found) throw new Error(`The demo school has no ${id}`);
  return found;
};
const ava = personById(DEMO_PEOPLE.pupilYear10.id);
const noah = personById(DEMO_PEOPLE.pupilYear11.id);
const sam = personById(DEMO_PEOPLE.teacher.id);
const helen = personById(DEMO_PEOPLE.careersLeader.id);
// Two fictional Year 13 pupils who left last summer, one with an actual destination recorded.
const leaver = (id: string, givenName: string, familyName: string): Person => ({
  ...noah,
  id,
  givenName,
  familyName,
  email: `${id}@northfield.example`,
  yearGroup: 13,
  form: '13A',
  leftOn: '2025-07-18',
});
const schoolWithLeavers = {
  ...school,
  people: [...school.people, leaver('P9001', 'Maya', 'Lewis'), leaver('P9002', 'Oliver', 'Shaw')],
  destinations: [
    ...school.destinations,
    { pupilId: 'P9001', kind: 'intended' as const, date: '2025-03-01', destination: 'University: nursing' },
    { pupilId: 'P9001', kind: 'actual' as const, date: '2025-10-01', destination: 'University of Leeds: nursing' },
    { pupilId: 'P9002', kind: 'intended' as const, date: '2025-03-01', destination: 'Apprenticeship: electrician' },
  ],
};
const yearElevenPupils = school.people.filter((person) => person.role === 'pupil' && person.yearGroup === 11);

const employerTalk: Activity = {
  id: 'ACT-0042',
  date: '2026-02-26',
  kind: 'employer_encounter',
  title: 'Careers talk: civil engineering',
  organisation: 'Brightwater Engineering',
  providerAccess: false,
  meaningful: true,
  checklist: ['interaction', 'range', 'task', 'feedback'],
  recordedBy: helen.id,
};
// A plan whose day has passed, for the plan's attendance card and the feedback cards.
const employerDayPassed: Activity = {
  id: 'PLAN-0007',
  date: '2026-03-02',
  kind: 'employer_encounter',
  title: 'Year 10 employer day',
  providerAccess: false,
  meaningful: true,
  recordedBy: helen.id,
  invitedYearGroups: [10],
};
const yearTenPupils = school.people
  .filter((person) => person.role === 'pupil' && person.yearGroup === 10)
  .sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName));
const collegeVisit: Activity = {
  id: 'ACT-0043',
  date: '2026-02-12',
  kind: 'provider_encounter',
  providerType: 'further_education_college',
  title: 'Riverside College open morning',
  organisation: 'Riverside College',
  providerAccess: true,
  meaningful: false,
};

const employerDay: Activity = {
  id: 'PL-0001',
  date: '2026-05-14',
  kind: 'employer_encounter',
  title: 'Year 10 employer day',
  organisation: 'Brightwater Engineering',
  providerAccess: false,
  meaningful: true,
  recordedBy: helen.id,
  invitedYearGroups: [10],
};
const collegeTaster: Activity = {
  id: 'PL-0002',
  date: '2026-04-21',
  kind: 'provider_encounter',
  providerType: 'further_education_college',
  title: 'Riverside College taster',
  providerAccess: true,
  meaningful: true,
  invitedForms: ['9A', '9B'],
};

const mathsLinks: CurriculumLink[] = [
  {
    id: 'LNK-1',
    date: '2026-03-02',
    teacherId: sam.id,
    subject: 'Mathematics',
    yearGroup: 9,
    topic: 'Ratio and proportion',
    careers: ['Nurse', 'Pharmacist'],
  },
  {
    id: 'LNK-2',
    date: '2026-03-02',
    teacherId: sam.id,
    subject: 'Mathematics',
    yearGroup: 10,
    topic: 'Ratio and proportion',
    careers: ['Nurse', 'Pharmacist'],
  },
  {
    id: 'LNK-3',
    date: '2026-02-10',
    teacherId: sam.id,
    subject: 'Physics',
    yearGroup: 11,
    topic: 'Electricity',
    careers: ['Electrician'],
    note: 'Visit from an apprentice',
  },
];

const meetingView: MeetingView = {
  startsAt: '2026-03-05T10:20',
  minutes: 20,
  place: 'Careers office (room B12)',
  adviserName: 'Dan Brooks',
  pupilName: 'Ava Patel (Year 10, 10A)',
  topic: 'Apprenticeships in engineering',
};
const slot = (slotKey: string, startsAt: string): SlotChoice => ({
  ...meetingView,
  slotKey,
  startsAt,
  topic: undefined,
  pupilName: undefined,
});
const freeSlots = [
  slot('A001|2026-03-05T10:20', '2026-03-05T10:20'),
  slot('A001|2026-03-05T10:40', '2026-03-05T10:40'),
  slot('A001|2026-03-06T09:00', '2026-03-06T09:00'),
];
const slotRows: SlotRow[] = [
  {
    slotKey: 'A001|2026-03-05T10:20',
    startsAt: '2026-03-05T10:20',
    minutes: 20,
    place: 'Careers office (room B12)',
    state: 'Booked: Ava Patel (Year 10)',
    removable: false,
  },
  {
    slotKey: 'A001|2026-03-05T10:40',
    startsAt: '2026-03-05T10:40',
    minutes: 20,
    place: 'Careers office (room B12)',
    state: 'Free',
    removable: true,
  },
];
const diaryRow = (meetingId: string, startsAt: string, extra: Partial<DiaryRow> = {}): DiaryRow => ({
  meetingId,
  startsAt,
  minutes: 20,
  place: 'Careers office (room B12)',
  pupilName: 'Noah Williams (Year 11, 11A)',
  started: false,
  ...extra,
});
const queueEntry: QueueEntry = {
  requestId: 'REQ-7',
  pupilName: 'Noah Williams (Year 11, 11A)',
  reason: 'I want to know about sixth form or college for computing',
  preferredTimes: 'Tuesday lunchtime',
  age: 'waiting 3 school days',
  waitingWith: 'Dan Brooks',
};
const helpEntries: HelpEntry[] = [
  { title: 'Book a meeting', description: 'See the careers adviser’s free times and book one.', command: 'book a meeting' },
  { title: 'My meeting', description: 'See, move or cancel your booked meeting.', command: 'my meeting' },
  { title: 'My careers record', description: 'Your encounters, meetings, advice and actions agreed.', command: 'my record' },
  { title: 'Update my plans', description: 'Tell us what you hope to do next.', command: 'my plans' },
  { title: 'Ask for a meeting', description: 'When none of the free times suit you.', command: 'ask for a meeting' },
  { title: 'Stop reminders', description: 'No more reminders from Waypoint.', command: 'stop' },
  { title: 'My details', description: 'What Waypoint knows about you.', command: 'my details' },
];

/** Card name (its snapshot's path under __snapshots__, without .json) and how to build it. */
const CARDS: Record<string, () => AdaptiveCard> = {
  'help/welcome': () => helpCard(ava, helpEntries, { view: 'welcome' }),
  'help/help-in-a-shared-chat': () => helpCard(helen, helpEntries, { view: 'help', shared: true }),
  'help/all': () => helpCard(ava, helpEntries, { view: 'all' }),
  'help/not-understood': () => notUnderstoodCard(helpEntries),

  'links/choose-subject': () => chooseSubjectCard('draft-1', ['Mathematics', 'Physics'], 'Mathematics'),
  'links/not-your-subject': () => notYourSubjectCard('draft-1', 'Geography', ['Mathematics', 'Physics']),
  'links/details-with-errors': () =>
    linkDetailsCard({
      draftId: 'draft-1',
      subject: 'Mathematics',
      taughtYearGroups: [9, 10, 11],
      suggestions: ['Nurse', 'Pharmacist', 'Engineer'],
      values: { yearGroups: '9', topic: '', careerChoices: 'Nurse', date: TODAY },
      errors: { topic: 'Say what the lesson was about.' },
      today: TODAY,
      editing: [],
    }),
  'links/saved': () => linkSavedCard(mathsLinks.slice(0, 2), { updated: false }),
  'links/removed': () => linksRemovedCard(2),
  'links/confirm-delete': () => confirmDeleteCard(mathsLinks.slice(0, 2), 0),
  'links/updated': () => linkSavedCard(mathsLinks.slice(0, 2), { updated: true }),
  'links/undo-after-edit': () => confirmDeleteCard(mathsLinks.slice(0, 2), 0, { afterEdit: true }),
  'links/already-logged': () =>
    alreadyLoggedCard(mathsLinks.slice(0, 1), {
      draftId: 'draft-2',
      subject: 'Mathematics',
      yearGroups: '9',
      topic: 'Ratio',
      careerChoices: '',
      otherCareers: 'Nurse',
      date: '2026-03-02',
      note: '',
    }),
  'links/my-links': () => myLinksCard(mathsLinks, '2025-26', 0),
  'links/my-coverage': () => myCoverageCard(coverage, sam.subjects),
  'links/department-coverage': () => departmentCoverageCard(coverage, { scope: 'school', namesColleagues: true }),
  'links/department-coverage-teacher': () =>
    departmentCoverageCard(coverage, { scope: 'subjects', subjects: sam.subjects, ownLinks: linksLoggedBy(school.links, sam.id, TODAY) }),

  'encounters/choose-kind': () => chooseKindCard('draft-2'),
  'encounters/activity-form': () =>
    activityFormCard({
      draftId: 'draft-2',
      kind: 'provider_encounter',
      values: {
        date: '2026-02-12',
        title: 'Riverside College open morning',
        providerType: 'further_education_college',
        providerAccess: true,
        ticked: ['interaction'],
      },
      errors: { organisation: 'Name the college or provider.' },
      today: TODAY,
    }),
  'encounters/activity-saved': () => activitySavedCard(employerTalk, { updated: false, attendees: 31 }),
  'encounters/attendance': () =>
    attendanceCard({
      activity: employerTalk,
      yearGroups: [
        { yearGroup: 10, pupils: 40 },
        { yearGroup: 11, pupils: 40 },
      ],
      forms: [
        { form: '10A', pupils: 30 },
        { form: '10B', pupils: 10 },
      ],
      selection: { yearGroups: [10], forms: [], removed: [ava.id], added: [noah.id] },
      toggles: [
        { id: ava.id, list: 'removed', on: true, label: 'Ava Patel (10A)' },
        { id: noah.id, list: 'added', on: true, label: 'Noah Williams (11A)' },
      ],
      count: 40,
      editing: false,
      basedOn: 'empty',
      notices: ['Added Noah Williams (11A).'],
    }),
  'encounters/attendance-saved': () => attendanceSavedCard(employerTalk, 40, false),
  'encounters/recent-activities': () => recentActivitiesCard([employerTalk, collegeVisit]),

  'meetings/free-slots': () => freeSlotsCard({ slots: freeSlots, mode: { kind: 'book' }, laterFrom: '2026-03-09T09:00' }),
  'meetings/confirm-booking': () => confirmBookingCard(freeSlots[0]!, { topic: 'Apprenticeships' }),
  'meetings/confirm-move': () => confirmMoveCard('MTG-1', meetingView, freeSlots[2]!),
  'meetings/booked': () =>
    bookedMeetingCard({
      meetingId: 'MTG-1',
      view: meetingView,
      changeUntil: '2026-03-04T10:20',
      changeable: true,
      title: 'Your meeting is booked',
    }),
  'meetings/booked-online': () =>
    bookedMeetingCard({
      meetingId: 'MTG-1',
      view: { ...meetingView, place: 'Online (Microsoft Teams)' },
      changeUntil: '2026-03-04T10:20',
      changeable: true,
      title: 'Your careers meeting',
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_example%40thread.v2/0',
    }),
  'meetings/no-meeting': () => noMeetingCard(),
  'meetings/no-meeting-with-a-request': () => noMeetingCard({ requestedAt: '2026-03-02T12:30:00Z', requestId: 'REQ-7' }),
  'meetings/ask-cancel': () => askCancelCard('MTG-1', meetingView),
  'meetings/cancelled': () => cancelledCard('MTG-1', meetingView),
  'meetings/request-form': () => requestFormCard({ reason: '' }, { reason: 'Say what you would like help with.' }),
  'meetings/request-sent': () =>
    requestSentCard({ reason: 'Sixth form or college for computing', preferredTimes: 'Tuesday lunchtime' }, TODAY),
  'meetings/request-queue': () => requestQueueCard([queueEntry, { ...queueEntry, requestId: 'REQ-8', offered: 'Thu 5 Mar 2026, 10:40' }]),
  'meetings/offer-form': () => offerFormCard(queueEntry, freeSlots),
  'meetings/slot-form': () =>
    slotFormCard({
      advisers: [
        { id: 'A001', name: 'Dan Brooks' },
        { id: 'A002', name: 'Farah Siddiqui' },
      ],
      values: {
        adviserId: 'A001',
        date: '2026-03-10',
        start: '09:00',
        end: '12:00',
        length: '20',
        placeKind: 'room',
        room: 'B12',
        repeat: '',
      },
      errors: { end: 'The end must be after the start.' },
      today: TODAY,
    }),
  'meetings/slots-added': () =>
    slotsAddedCard({
      adviserName: 'Dan Brooks',
      created: ['2026-03-10T09:00', '2026-03-10T09:20', '2026-03-10T09:40'],
      alreadyThere: 1,
      clashes: 0,
      pastCount: 0,
      skippedDates: [],
      minutes: 20,
      place: 'Careers office (room B12)',
    }),
  'meetings/availability': () => availabilityCard([{ date: '2026-03-05', rows: slotRows }], { laterFrom: '2026-03-09', whose: 'Your' }),
  'meetings/day': () => dayCard('2026-03-05', slotRows),
  'meetings/diary': () =>
    diaryCard({
      whose: 'Your',
      today: TODAY,
      toRecord: [diaryRow('MTG-0', '2026-03-02T14:00', { toRecord: 'outcome', started: true })],
      todays: [diaryRow('MTG-2', '2026-03-03T11:00', { topic: 'College courses in computing' })],
      upcoming: [diaryRow('MTG-1', '2026-03-05T10:20', { pupilName: 'Ava Patel (Year 10, 10A)', notInCalendar: 'your' })],
      freeSlots: 12,
      openRequests: 1,
    }),
  'meetings/record-form': () =>
    recordFormCard({
      meetingId: 'MTG-0',
      pupilName: 'Noah Williams (Year 11, 11A)',
      startsAt: '2026-03-02T14:00',
      topic: 'College courses in computing',
      values: {
        outcome: 'attended',
        advice: 'Look at the T Level in digital production at Riverside College.',
        who1: 'Pupil',
        what1: 'Book onto the open evening',
        by1: '2026-03-20',
      },
      errors: { what2: 'Say what the action is.' },
    }),
  'meetings/recorded': () =>
    recordedCard({
      pupilName: 'Noah Williams (Year 11, 11A)',
      startsAt: '2026-03-02T14:00',
      status: 'completed',
      advice: 'Look at the T Level in digital production at Riverside College.',
      agreedActions: 'Pupil: book onto the open evening by Fri 20 Mar 2026',
      finishData: { meetingId: 'M-1', outcome: 'attended' },
    }),

  'record/pupil-own-view': () =>
    pupilRecordCard(
      {
        pupil: ava,
        asOf: TODAY,
        attended: [employerTalk, collegeVisit],
        meetings: [
          {
            id: 'MTG-9',
            pupilId: ava.id,
            adviserId: DEMO_PEOPLE.adviser.id,
            startsAt: '2026-01-20T13:00',
            status: 'completed',
            advice: 'Apprenticeships in engineering suit you.',
            agreedActions: 'Pupil: look at two apprenticeships',
          },
        ],
        destinations: [{ pupilId: ava.id, kind: 'intended', date: '2026-01-20', destination: 'Engineering apprenticeship' }],
        progress: [
          { benchmark: '5', met: true, stillToCome: false, text: 'You have met an employer this school year.' },
          { benchmark: '7', met: false, stillToCome: true, text: 'You have met 1 of 4 kinds of place to study or train.' },
        ],
        nextStep: { kind: 'book_meeting', text: 'Book a meeting with the careers adviser.' },
        advisers: new Map([[DEMO_PEOPLE.adviser.id, personById(DEMO_PEOPLE.adviser.id)]]),
      },
      { ownView: true },
    ),
  'record/pupil-coming-up': () =>
    pupilRecordCard(
      { pupil: ava, asOf: TODAY, attended: [], meetings: [], destinations: [], advisers: new Map() },
      { ownView: true, comingUp: [collegeTaster, employerDay] },
    ),
  'record/plan-form': () =>
    planFormCard(
      { intended: 'Engineering apprenticeship' },
      { kind: 'aspiration', destination: '' },
      { destination: 'Say what you hope to do.' },
    ),
  'record/pick-pupil': () => pickPupilCard('Patel', [ava, noah]),
  'record/did-you-mean': () => didYouMeanCard('Ava Patle', [ava]),

  'report/report': () => reportCard(report, { canEditSettings: true, schoolName: DEMO_SCHOOL_NAME }),
  'report/gaps': () => gapsCard(report),
  'report/gaps-with-plan-buttons': () => gapsCard(report, {}, { canPlan: true }),
  'report/report-with-pupil-feedback': () =>
    reportCard(report, { canEditSettings: true, schoolName: DEMO_SCHOOL_NAME, pupilFeedback: { activities: 3, canOpen: true } }),
  'report/pupil-list': () =>
    pupilListCard({
      asOf: TODAY,
      benchmark: '8',
      yearGroup: 11,
      total: yearElevenPupils.length,
      unmet: yearElevenPupils.slice(0, 5),
      filter: 'all',
      offset: 0,
    }),
  'report/subject-list': () => subjectListCard(TODAY, 9, 12, ['Geography', 'History']),

  'digest/digest': () => digestCard(digest, { schoolName: DEMO_SCHOOL_NAME }),
  'digest/all-gaps': () => allGapsCard(digest),
  'digest/waiting-for-attendance': () =>
    digestCard(
      {
        ...digest,
        waitingForAttendance: [
          { title: 'Year 10 employer day', date: '2026-02-26' },
          { title: 'Year 9 college visit', date: '2026-03-02' },
        ],
      },
      { schoolName: DEMO_SCHOOL_NAME },
    ),

  'settings/settings': () => settingsCard({ settings, etag: 'W/"etag-1"', today: TODAY }),
  'settings/saved': () => settingsSavedCard(settings, TODAY, false),

  'settings/calendar': () => calendarCard({ year: 2025, values: calendarFormValues(settings, 2025), etag: 'W/"etag-1"' }),
  'settings/calendar-saved': () => calendarSavedCard(2025, describeCalendar(settings, 2025), false),

  'actions/my-actions': () =>
    myActionsCard([agreedAction, { ...agreedAction, id: 'M-1.2', what: 'Send apprenticeship links', who: 'Adviser', by: '2026-03-01' }], {
      today: TODAY,
      canMarkDone: (action) => action.who === 'Pupil',
    }),
  'actions/reminder': () => actionReminderCard(agreedAction, TODAY),

  'planning/form': () => planActivityFormCard({ draftId: 'draft-1', values: { kind: 'employer_encounter', yearGroups: '10' } }),
  'planning/form-errors': () =>
    planActivityFormCard({
      draftId: 'draft-1',
      values: { kind: 'provider_encounter', date: '2026-03-03', title: 'College taster', forms: '9Z', providerAccess: true },
      errors: {
        date: 'Choose a day after today: a plan is for something still to come. Record what has happened with “record activity”.',
        forms: 'There is no form 9Z on the roster. Check the spelling, separate forms with commas, or choose year groups.',
        providerType: 'Choose the kind of provider.',
      },
    }),
  'planning/edit': () =>
    planActivityFormCard({
      draftId: 'draft-2',
      values: { kind: 'employer_encounter', date: employerDay.date, title: employerDay.title, yearGroups: '10', forms: '' },
      editing: { activityId: employerDay.id, etag: 'W/"etag-1"' },
    }),
  'planning/saved': () => planSavedCard(employerDay, { heading: 'Activity planned', canChange: true }),
  'planning/list': () => plansListCard([collegeTaster, employerDay], { mayChange: (activity) => activity.recordedBy === helen.id }),
  'planning/list-empty': () => plansListCard([], { mayChange: () => true }),
  'planning/move': () => movePlanCard(employerDay, 'W/"etag-1"'),
  'planning/confirm-cancel': () => confirmPlanCancelCard(employerDay, 'W/"etag-1"'),
  'planning/cancelled': () => planCancelledCard(employerDay),
  'encounters/plan-attendance': () => planAttendanceCard(employerDayPassed, yearTenPupils.slice(0, 6)),
  'encounters/plan-attendance-year-group': () => planAttendanceCard(employerDayPassed, yearTenPupils),
  'encounters/plan-attendance-taken': () => alreadyTakenCard(employerDayPassed, true),
  'encounters/plan-attendance-taken-otherwise': () => alreadyTakenCard(employerDayPassed, false),

  'feedback/request': () => feedbackRequestCard(employerDayPassed),
  'feedback/request-too-long': () =>
    feedbackRequestCard(
      employerDayPassed,
      '“One thing you learned” can be at most 280 characters (yours has 312). Shorten it and tap your answer again.',
    ),
  'feedback/thanks': () => feedbackThanksCard(employerDayPassed, 4),
  'feedback/results': () =>
    feedbackResultsCard(
      [
        {
          activity: employerDayPassed,
          result: feedbackResult([
            { rating: 5, learned: 'Engineers work in teams' },
            { rating: 4 },
            { rating: 4, learned: 'Apprenticeships pay a wage' },
            { rating: 3 },
            { rating: 5 },
          ]),
        },
        { activity: employerTalk, result: feedbackResult([{ rating: 2 }, { rating: 4 }]) },
      ],
      '2025/26',
    ),
  'feedback/results-none': () => feedbackResultsCard([], '2025/26'),

  'leavers/leavers': () => leaversCard(recentLeavers(schoolWithLeavers, TODAY), TODAY),
  'leavers/none': () => leaversCard(recentLeavers(school, TODAY), TODAY),
};

// Adaptive Cards 1.5 as Teams renders it: what may appear in a body, and which actions.
const ELEMENT_TYPES = new Set([
  'TextBlock',
  'RichTextBlock',
  'Image',
  'ImageSet',
  'Media',
  'Container',
  'ColumnSet',
  'FactSet',
  'ActionSet',
  'Table',
  'Input.Text',
  'Input.Number',
  'Input.Date',
  'Input.Time',
  'Input.Toggle',
  'Input.ChoiceSet',
]);
const ACTION_TYPES = new Set(['Action.Execute', 'Action.Submit', 'Action.OpenUrl', 'Action.ShowCard', 'Action.ToggleVisibility']);
// Teams refuses a message over about 28 KB; a card has to leave room for the activity around it.
const TEAMS_MESSAGE_BYTES = 28 * 1024;

/** Every way this card breaks the 1.5 schema's shape as far as Teams cares: unknown types, input ids missing or repeated, verbs missing. */
function cardProblems(card: AdaptiveCard): string[] {
  const problems: string[] = [];
  const inputIds = new Set<string>();
  const visitAction = (action: Record<string, unknown>, where: string) => {
    if (!ACTION_TYPES.has(String(action.type))) problems.push(`${where}: action type ${String(action.type)}`);
    if (typeof action.title !== 'string' && where.includes('actions')) problems.push(`${where}: an action with no title`);
    if (action.type === 'Action.Execute' && (typeof action.verb !== 'string' || action.verb === ''))
      problems.push(`${where}: Action.Execute with no verb`);
    if (action.type === 'Action.ShowCard') visitCard(action.card as AdaptiveCard, `${where}.card`);
  };
  const visitElement = (element: Record<string, unknown>, where: string) => {
    if (!ELEMENT_TYPES.has(String(element.type))) problems.push(`${where}: element type ${String(element.type)}`);
    if (String(element.type).startsWith('Input.')) {
      const id = element.id;
      if (typeof id !== 'string' || id === '') problems.push(`${where}: an input with no id`);
      else if (inputIds.has(id)) problems.push(`${where}: input id ${id} used twice`);
      else inputIds.add(id);
      // The client will not send a card whose value breaks these, so Save does nothing: the bot checks instead.
      for (const blocking of ['min', 'max', 'isRequired'])
        if (blocking in element) problems.push(`${where}: input ${String(id)} has ${blocking}, which stops Save from sending`);
    }
    if (element.type === 'RichTextBlock') {
      for (const inline of element.inlines as Array<Record<string, unknown>>)
        if (inline.type !== 'TextRun') problems.push(`${where}: inline ${String(inline.type)}`);
    }
    if (element.selectAction) visitAction(element.selectAction as Record<string, unknown>, `${where}.selectAction`);
    for (const [index, item] of ((element.items as Array<Record<string, unknown>>) ?? []).entries())
      visitElement(item, `${where}.items[${index}]`);
    if (element.type === 'Table') {
      // A Table's columns are only widths; its rows hold cells, each a container of elements.
      for (const [index, column] of (element.columns as Array<Record<string, unknown>>).entries())
        if (typeof column.width !== 'number') problems.push(`${where}.columns[${index}]: no width`);
      for (const [index, row] of (element.rows as Array<Record<string, unknown>>).entries()) {
        if (row.type !== 'TableRow') problems.push(`${where}.rows[${index}]: type ${String(row.type)}`);
        const cells = row.cells as Array<Record<string, unknown>>;
        if (cells.length !== (element.columns as unknown[]).length) problems.push(`${where}.rows[${index}]: ${cells.length} cells`);
        for (const [cellIndex, cell] of cells.entries()) {
          if (cell.type !== 'TableCell') problems.push(`${where}.rows[${index}].cells[${cellIndex}]: type ${String(cell.type)}`);
          visitElement({ ...cell, type: 'Container' }, `${where}.rows[${index}].cells[${cellIndex}]`);
        }
      }
      return;
    }
    for (const [index, column] of ((element.columns as Array<Record<string, unknown>>) ?? []).entries()) {
      if (column.type !== 'Column') problems.push(`${where}.columns[${index}]: type ${String(column.type)}`);
      visitElement({ ...column, type: 'Container' }, `${where}.columns[${index}]`);
    }
    for (const [index, action] of ((element.actions as Array<Record<string, unknown>>) ?? []).entries())
      visitAction(action, `${where}.actions[${index}]`);
  };
  const visitCard = (inner: AdaptiveCard, where: string) => {
    if (inner.type !== 'AdaptiveCard') problems.push(`${where}: type ${String(inner.type)}`);
    for (const [index, element] of (inner.body ?? []).entries())
      visitElement(element as Record<string, unknown>, `${where}.body[${index}]`);
    for (const [index, action] of ((inner.actions ?? []) as Array<Record<string, unknown>>).entries())
      visitAction(action, `${where}.actions[${index}]`);
  };
  visitCard(card, 'card');
  return problems;
}

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterAll(() => {
  vi.useRealTimers();
});

describe('every card as Adaptive Card 1.5 JSON', () => {
  for (const [name, build] of Object.entries(CARDS)) {
    it(`${name}: a valid 1.5 card, small enough for Teams, as in __snapshots__/${name}.json`, async () => {
      const card = build();
      expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
      expect(card.body?.length).toBeGreaterThan(0);
      expect(cardProblems(card)).toEqual([]);
      const json = `${JSON.stringify(card, null, 2)}\n`;
      // Nothing is lost on the way to Teams (no undefined, Map or Date in the card).
      expect(JSON.parse(json)).toStrictEqual(card);
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(TEAMS_MESSAGE_BYTES); // as sent: compact JSON
      await expect(json).toMatchFileSnapshot(`./__snapshots__/${name}.json`);
    });
  }
});

describe('the card check itself', () => {
  it('finds an unknown element, a repeated input id, an Execute with no verb, a blocking max and an unknown action', () => {
    const broken = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBox', text: 'not a 1.5 element' },
        { type: 'Input.Text', id: 'topic' },
        { type: 'Container', items: [{ type: 'Input.Text', id: 'topic' }] },
        { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Save' }] },
        { type: 'Input.Date', id: 'date', max: '2026-03-03' },
      ],
      actions: [{ type: 'Action.Http', title: 'Send' }],
    } as unknown as AdaptiveCard;
    expect(cardProblems(broken)).toEqual([
      'card.body[0]: element type TextBox',
      'card.body[2].items[0]: input id topic used twice',
      'card.body[3].actions[0]: Action.Execute with no verb',
      'card.body[4]: input date has max, which stops Save from sending',
      'card.actions[0]: action type Action.Http',
    ]);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/domain/school';
import { slotKeyOf } from '../../src/journeys/meetings/meeting-codecs';
import { importSchoolFolder } from '../../src/school-transfer/import-folder';
import { DEMO_PEOPLE, generateDemoSchool } from '../../src/schooldata/demo-school';
import { formatImportError } from '../../src/schooldata/import-error';
import { encodeKey } from '../../src/storage/keys';
import type { TeamsUser } from '../harness/fake-teams-connector';
import { cardText, SCHOOL_ID, TestBot, type InvokeResult } from '../harness/test-bot';
import { changedTables, snapshotStorage } from './storage-snapshot';

// Hostile, broken and replayed input, from every door a user has: card submissions, typed
// messages and imported CSV files. Every case must tell the user something clear and write
// nothing at all (only the who-spoke tables, identities, conversations and audit, are exempt).

const AS_OF = '2026-03-04';
const NOW = new Date(`${AS_OF}T10:00:00Z`);
const school = generateDemoSchool({ asOf: AS_OF, pupilsPerYear: 3 });
const rosterPerson = (id: string): Person => school.people.find((person) => person.id === id)!;

const INVALID = /^That didn’t work\nThis card sent something I didn’t expect, so nothing was changed\. Type “help” to start again\.$/;
const LONG = 'x'.repeat(10_000);
const ODATA = ["' or 1 eq 1", "') or (PartitionKey ne '", '%27 or 1 eq 1 %27', "\\' or ''='\\", 'P0001\\..\\..\\people'] as const;

// Fixtures made through the real journeys in beforeAll.
const SLOT_BOOKED_BY_AVA = slotKeyOf(DEMO_PEOPLE.adviser.id, '2026-03-10T10:00');
const SLOT_OFFERED_TO_JACK = slotKeyOf(DEMO_PEOPLE.adviser.id, '2026-03-11T10:00');
const SLOT_FREE = slotKeyOf(DEMO_PEOPLE.adviser.id, '2026-03-12T10:00');
const SAMS_LINK = 'm-T001-seed-link-Y9';
const SAMS_ACTIVITY = 'A-seed-activity';
/** Sam's step-2 card, as it was when he pressed Save. */
const SAMS_LINK_CARD = {
  draftId: 'seed-card',
  subject: 'Mathematics',
  yearGroups: '8',
  topic: 'Percentages',
  careerChoices: '',
  otherCareers: 'Accountant',
  date: '',
  note: '',
};
const LEADERS_PAST_MEETING = 'M0001';
const ids = { avasMeeting: '', jacksRequest: '' };

type Who = 'ava' | 'noah' | 'jack' | 'sam' | 'samsColleague' | 'dan' | 'farah' | 'leader';
const PEOPLE: Record<Who, string> = {
  ava: DEMO_PEOPLE.pupilYear10.id,
  noah: DEMO_PEOPLE.pupilYear11.id,
  jack: 'P0003',
  sam: DEMO_PEOPLE.teacher.id,
  samsColleague: 'T002',
  dan: DEMO_PEOPLE.adviser.id,
  farah: DEMO_PEOPLE.secondAdviser.id,
  leader: DEMO_PEOPLE.careersLeader.id,
};

let bot: TestBot;
const users = {} as Record<Who, TeamsUser>;
const folders: string[] = [];

/** What the user sees after pressing a button: the message, or every text on the returned card. */
function answerText(result: InvokeResult): string {
  expect(result.status, `HTTP ${result.status}: ${JSON.stringify(result.body)}`).toBe(200);
  const body = result.body;
  if (body?.type === 'application/vnd.microsoft.activity.message') return String(body.value);
  if (body?.type === 'application/vnd.microsoft.card.adaptive') return cardText({ body: body.value });
  return `unexpected answer: ${JSON.stringify(body)}`;
}

async function press(who: Who, verb: string, data: unknown): Promise<string> {
  return answerText(await bot.execute(users[who], verb, data as Record<string, unknown>));
}

async function type(who: Who, text: string): Promise<string> {
  const replies = await bot.say(users[who], text);
  return replies.map((reply) => (reply.attachments?.length ? cardText(reply) : String(reply.text ?? ''))).join('\n');
}

/** Imports a folder holding exactly these files; answers with the errors as the CLI prints them. */
async function importing(files: Record<string, string | Buffer>): Promise<string> {
  const folder = mkdtempSync(path.join(tmpdir(), 'waypoint-bad-input-'));
  folders.push(folder);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
  const result = await importSchoolFolder(bot.waypoint.services, SCHOOL_ID, folder, DEMO_PEOPLE.careersLeader.id);
  if (result.ok) return `IMPORTED ${JSON.stringify(result.counts)}`;
  return result.errors.map(formatImportError).join('\n');
}

const PEOPLE_HEADER = [
  'id,role,given_name,family_name,email,year_group,form,date_of_birth',
  'send,pupil_premium,looked_after,considering_higher_education,subjects',
].join(',');
const people = (...rows: string[]) => [PEOPLE_HEADER, ...rows].join('\n') + '\n';
const ACTIVITIES_HEADER = 'id,date,kind,title,provider_type,provider_access,meaningful';
const activities = (...rows: string[]) => [ACTIVITIES_HEADER, ...rows].join('\n') + '\n';

/** Binary files a school office might save under a .csv name by mistake. */
const PNG_BYTES = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x00, 0x2c, 0x22, 0x00,
]);
const XLSX_BYTES = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]),
  Buffer.from('[Content_Types].xml'),
  Buffer.from([0xec, 0x97, 0x4d, 0x6f, 0xdb, 0x30, 0x0c, 0x86]),
]);

/** A valid link card from Sam, with one thing changed. */
const samsLinkWith = (change: Record<string, unknown>) => ({
  draftId: 'bad-input-link',
  subject: 'Mathematics',
  yearGroups: '9',
  topic: 'Ratio',
  careerChoices: '',
  otherCareers: 'Nurse',
  date: '',
  note: '',
  ...change,
});
/** A valid activity card from Sam, with one thing changed. */
const samsActivityWith = (change: Record<string, unknown>) => ({
  draftId: 'bad-input-activity',
  kind: 'employer_encounter',
  date: '',
  title: 'Engineering talk',
  organisation: 'Arup',
  ...change,
});
/** A valid record of the careers leader's own past meeting, with one thing changed. */
const leadersRecordWith = (change: Record<string, unknown>) => ({
  meetingId: LEADERS_PAST_MEETING,
  outcome: 'attended',
  advice: 'Look at apprenticeships.',
  who1: 'Pupil',
  what1: 'Visit an open day',
  by1: '2026-06-01',
  ...change,
});

interface BadInput {
  name: string;
  run: () => Promise<string>;
  /** What the user is told. */
  shows: RegExp;
  /** Text the answer must carry back exactly as sent (treated as words, never as a query). */
  echoes?: string;
}

const CASES: BadInput[] = [
  // --- Malformed card submissions: missing fields, wrong types, null, arrays, objects.
  { name: 'link save with no fields at all', run: () => press('sam', 'link.save', {}), shows: INVALID },
  { name: 'link save with the subject as a number', run: () => press('sam', 'link.save', samsLinkWith({ subject: 42 })), shows: INVALID },
  {
    name: 'link save with the topic as an array',
    run: () => press('sam', 'link.save', samsLinkWith({ topic: ['Ratio', 'Proportion'] })),
    shows: INVALID,
  },
  {
    name: 'link save with the topic as a query object',
    run: () => press('sam', 'link.save', samsLinkWith({ topic: { $ne: null } })),
    shows: INVALID,
  },
  { name: 'link save with the topic null', run: () => press('sam', 'link.save', samsLinkWith({ topic: null })), shows: INVALID },
  { name: 'card data that is null instead of an object', run: () => press('sam', 'link.save', null), shows: INVALID },
  { name: 'card data that is a bare string', run: () => press('dan', 'meeting.record', 'attended'), shows: INVALID },
  { name: 'link edit with the ids as a string, not a list', run: () => press('sam', 'link.edit', { linkIds: SAMS_LINK }), shows: INVALID },
  { name: 'link edit with an empty id list', run: () => press('sam', 'link.edit', { linkIds: [] }), shows: INVALID },
  {
    name: 'link undo with more ids than a card ever holds',
    run: () => press('sam', 'link.undo', { linkIds: Array.from({ length: 8 }, (_, i) => `L${i}`) }),
    shows: INVALID,
  },
  {
    name: 'activity save with a kind nobody offers',
    run: () => press('sam', 'activity.save', samsActivityWith({ kind: 'party' })),
    shows: INVALID,
  },
  {
    name: 'activity save with the title as a number',
    run: () => press('sam', 'activity.save', samsActivityWith({ title: 1234 })),
    shows: INVALID,
  },
  {
    name: 'attendance save with absentees as text, not a list',
    run: () => press('sam', 'attendance.save', { activityId: SAMS_ACTIVITY, removed: 'P0001' }),
    shows: INVALID,
  },
  {
    name: 'attendance save with a tick for an unknown list',
    run: () => press('sam', 'attendance.save', { activityId: SAMS_ACTIVITY, picks: [{ id: 'P0001', list: 'everyone' }] }),
    shows: INVALID,
  },
  { name: 'meeting book with no slot', run: () => press('noah', 'meeting.book', { topic: 'Careers' }), shows: INVALID },
  { name: 'meeting book with the slot as a number', run: () => press('noah', 'meeting.book', { slotKey: 12 }), shows: INVALID },
  { name: 'meeting cancel with the meeting id null', run: () => press('ava', 'meeting.cancel', { meetingId: null }), shows: INVALID },
  {
    name: 'meeting request with the reason as an array',
    run: () => press('noah', 'meeting.request', { reason: ['help'], preferredTimes: '' }),
    shows: INVALID,
  },
  {
    name: 'meeting record with the outcome as an object',
    run: () => press('leader', 'meeting.record', leadersRecordWith({ outcome: { status: 'completed' } })),
    shows: INVALID,
  },
  {
    name: 'settings save with the email as an array',
    run: () => press('leader', 'settings.save', { leaderEmail: ['a@b.example', 'c@d.example'] }),
    shows: INVALID,
  },
  {
    name: 'settings save with a number field as an object',
    run: () => press('leader', 'settings.save', { meetingsPerAdviserDay: { value: 8 } }),
    shows: INVALID,
  },
  {
    name: 'term dates save with a date as a list',
    run: () => press('leader', 'settings.saveCalendar', { etag: '', autumnStart: ['2025-09-03'] }),
    shows: INVALID,
  },
  {
    name: 'term dates save with the year in words',
    run: () => press('leader', 'settings.saveCalendar', { etag: '', year: 'next' }),
    shows: INVALID,
  },
  {
    name: 'action done with the action id as an object',
    run: () => press('ava', 'actions.done', { actionId: { id: 'M1.1' } }),
    shows: INVALID,
  },
  {
    name: 'plans save with the destination null',
    run: () => press('noah', 'record.savePlans', { kind: 'aspiration', destination: null }),
    shows: INVALID,
  },
  { name: 'record open with the pupil id as a number', run: () => press('dan', 'record.open', { pupilId: 1 }), shows: INVALID },
  {
    name: 'teacher nudge with a year group in words',
    run: () => press('leader', 'digest.nudge', { yearGroup: 'Year Nine', subjects: ['Mathematics'] }),
    shows: INVALID,
  },
  {
    name: 'teacher nudge with the subjects as text, not a list',
    run: () => press('leader', 'digest.nudge', { yearGroup: 9, subjects: 'Mathematics' }),
    shows: INVALID,
  },
  {
    name: 'report pupils for Benchmark 1 (school-level, no pupils)',
    run: () => press('leader', 'report.pupils', { asOf: AS_OF, benchmark: '1', yearGroup: 9 }),
    shows: INVALID,
  },
  { name: 'report for 30 February', run: () => press('leader', 'report.show', { asOf: '2026-02-30' }), shows: INVALID },
  { name: 'slots on a day written in words', run: () => press('dan', 'slots.day', { date: 'next Tuesday' }), shows: INVALID },

  // --- Oversized fields: 10,000 characters is beyond what any card input holds.
  { name: 'a 10,000-character link topic', run: () => press('sam', 'link.save', samsLinkWith({ topic: LONG })), shows: INVALID },
  {
    name: 'a 10,000-character activity title',
    run: () => press('sam', 'activity.save', samsActivityWith({ title: LONG })),
    shows: INVALID,
  },
  {
    name: 'a 10,000-character meeting topic',
    run: () => press('noah', 'meeting.book', { slotKey: SLOT_FREE, topic: LONG }),
    shows: INVALID,
  },
  {
    name: 'a 10,000-character meeting request',
    run: () => press('noah', 'meeting.request', { reason: LONG, preferredTimes: '' }),
    shows: INVALID,
  },
  {
    name: 'a 10,000-character piece of advice',
    run: () => press('leader', 'meeting.record', leadersRecordWith({ advice: LONG })),
    shows: INVALID,
  },
  {
    name: 'a 10,000-character plan',
    run: () => press('noah', 'record.savePlans', { kind: 'aspiration', destination: LONG }),
    shows: INVALID,
  },
  {
    name: 'a 10,000-character programme web address',
    run: () => press('leader', 'settings.save', { programmeUrl: `https://example.org/${LONG}` }),
    shows: INVALID,
  },
  // Long, but within what the card carries: the field's own limit is explained.
  {
    name: 'a 1,500-character link topic',
    run: () => press('sam', 'link.save', samsLinkWith({ topic: 't'.repeat(1500) })),
    shows: /Keep the topic to 200 characters \(it has 1500\)/,
  },
  {
    name: 'a 500-character activity organisation',
    run: () => press('sam', 'activity.save', samsActivityWith({ organisation: 'o'.repeat(500) })),
    shows: /Keep this to 120 characters \(it has 500\)/,
  },
  {
    name: 'a 5,000-character piece of advice',
    run: () => press('leader', 'meeting.record', leadersRecordWith({ advice: 'a'.repeat(5000) })),
    shows: /Keep the advice to 2000 characters \(it has 5000\)/,
  },
  {
    name: 'a 400-character meeting request',
    run: () => press('noah', 'meeting.request', { reason: 'r'.repeat(400), preferredTimes: '' }),
    shows: /Keep it to 300 characters \(it has 400\)/,
  },
  {
    name: 'a 201-emoji meeting topic (counted in characters)',
    run: () => press('noah', 'meeting.book', { slotKey: SLOT_FREE, topic: '🚀'.repeat(201) }),
    shows: /Keep it to 200 characters \(it has 201\)/,
  },
  {
    name: 'a typed one-line link with a 10,000-character topic',
    run: () => type('sam', `Y9 maths: ${LONG} -> nurse`),
    shows: /I couldn’t record that yet: Keep the topic to 200 characters \(it has 10000\)/,
  },
  {
    name: 'a typed pupil search of 10,000 characters',
    run: () => type('dan', `record ${'y'.repeat(10_000)}`),
    shows: /^I couldn’t find a pupil called “y{60}”\. Try their surname or their school id\.$/,
  },
  {
    name: 'a typed message of 10,000 characters',
    run: () => type('noah', 'z'.repeat(10_000)),
    shows: new RegExp(
      String.raw`^Here is what you can do\. Tap one, or type “help” for more\.\n[^]*` +
        String.raw`Sorry, I didn’t understand that\. Type “help” to see what you can do in Waypoint\.$`,
    ),
  },

  // --- Card actions replayed by someone else, with the first person's ids.
  {
    name: 'pupil B asking to cancel pupil A’s meeting',
    run: () => press('noah', 'meeting.askCancel', { meetingId: ids.avasMeeting }),
    shows: /^Sorry, I can’t find that meeting among yours/,
  },
  {
    name: 'pupil B cancelling pupil A’s meeting',
    run: () => press('noah', 'meeting.cancel', { meetingId: ids.avasMeeting }),
    shows: /^Sorry, I can’t find that meeting among yours/,
  },
  {
    name: 'pupil B moving pupil A’s meeting',
    run: () => press('noah', 'meeting.moveTo', { meetingId: ids.avasMeeting, slotKey: SLOT_FREE }),
    shows: /^Sorry, I can’t find that meeting among yours/,
  },
  {
    name: 'pupil B listing times to move pupil A’s meeting to',
    run: () => press('noah', 'meeting.slots', { meetingId: ids.avasMeeting }),
    shows: /^Sorry, I can’t find that meeting among yours/,
  },
  {
    name: 'pupil B booking the slot pupil A holds',
    run: () => press('noah', 'meeting.book', { slotKey: SLOT_BOOKED_BY_AVA, topic: '' }),
    shows: /that time has just gone/,
  },
  {
    name: 'pupil B accepting the time offered to pupil C',
    run: () => press('noah', 'meeting.acceptOffer', { requestId: ids.jacksRequest }),
    shows: /^Sorry, I can’t find that offer among yours/,
  },
  {
    name: 'pupil B opening pupil A’s careers record',
    run: () => press('noah', 'record.open', { pupilId: DEMO_PEOPLE.pupilYear10.id }),
    shows: /^Sorry, you can only see your own careers record\.$/,
  },
  {
    name: 'teacher B editing teacher A’s link',
    run: () => press('samsColleague', 'link.edit', { linkIds: [SAMS_LINK] }),
    shows: /^Sorry, you can only change links you logged yourself\.$/,
  },
  {
    name: 'teacher B undoing teacher A’s link',
    run: () => press('samsColleague', 'link.undo', { linkIds: [SAMS_LINK] }),
    shows: /^Sorry, you can only change links you logged yourself\.$/,
  },
  {
    name: 'teacher B deleting teacher A’s link',
    run: () => press('samsColleague', 'link.delete', { linkId: SAMS_LINK }),
    shows: /^Sorry, you can only change links you logged yourself\.$/,
  },
  {
    name: 'teacher B saving over teacher A’s link',
    run: () => press('samsColleague', 'link.save', samsLinkWith({ editing: [SAMS_LINK], topic: 'Hijacked' })),
    shows: /^Sorry, you can only change links you logged yourself\.$/,
  },
  {
    name: 'teacher B editing teacher A’s activity',
    run: () => press('samsColleague', 'activity.edit', { activityId: SAMS_ACTIVITY }),
    shows: /^Sorry, you can only change activities you recorded yourself/,
  },
  {
    name: 'teacher B saving over teacher A’s activity',
    run: () => press('samsColleague', 'activity.save', samsActivityWith({ editing: SAMS_ACTIVITY, title: 'Hijacked' })),
    shows: /^Sorry, you can only change activities you recorded yourself/,
  },
  {
    name: 'teacher B saving attendance for teacher A’s activity',
    run: () => press('samsColleague', 'attendance.save', { activityId: SAMS_ACTIVITY, yearGroups: '10', shownCount: 3 }),
    shows: /^Sorry, you can only take attendance for activities you recorded yourself/,
  },
  {
    name: 'adviser B recording adviser A’s meeting',
    run: () => press('farah', 'meeting.record', { meetingId: ids.avasMeeting, outcome: 'missed' }),
    shows: /^Sorry, I can’t find that meeting in your diary\.$/,
  },
  {
    name: 'adviser B removing adviser A’s slot',
    run: () => press('farah', 'slots.remove', { slotKey: SLOT_FREE }),
    shows: /^Sorry, you can only change your own slots\.$/,
  },
  // Farah has no slots of her own, so her offer card says so rather than offering Dan's.
  {
    name: 'adviser B offering adviser A’s slot',
    run: () => press('farah', 'requests.offer', { requestId: ids.jacksRequest, slotKey: SLOT_FREE }),
    shows: /There are no free slots to offer\./,
  },

  // --- OData-looking text in ids: looked up as keys, never as a query.
  ...ODATA.map((id): BadInput => ({
    name: `pupil cancelling meeting id ${id}`,
    run: () => press('ava', 'meeting.cancel', { meetingId: id }),
    shows: /^Sorry, I can’t find that meeting among yours/,
  })),
  {
    name: 'pupil accepting offer id %27 or 1 eq 1',
    run: () => press('jack', 'meeting.acceptOffer', { requestId: '%27 or 1 eq 1' }),
    shows: /^Sorry, I can’t find that offer among yours/,
  },
  {
    name: "adviser opening record of pupil id P0001' or '1' eq '1",
    run: () => press('dan', 'record.open', { pupilId: "P0001' or '1' eq '1" }),
    shows: /^I can’t find that pupil on the roster\.$/,
  },
  {
    name: "adviser opening the offer form for request id ') or (PartitionKey ne '",
    run: () => press('dan', 'requests.offerForm', { requestId: "') or (PartitionKey ne '" }),
    shows: /^I can’t find that request\./,
  },
  {
    name: 'adviser recording meeting id with backslashes',
    run: () => press('dan', 'meeting.recordForm', { meetingId: '..\\..\\meetings\\M0001' }),
    shows: /^Sorry, I can’t find that meeting in your diary\.$/,
  },
  {
    name: "teacher editing link id ') or (PartitionKey ne '",
    run: () => press('sam', 'link.edit', { linkIds: ["') or (PartitionKey ne '"] }),
    shows: /^That link has already been removed, so there was nothing to change\.$/,
  },
  {
    name: "teacher editing activity id ' or 1 eq 1",
    run: () => press('sam', 'activity.edit', { activityId: "' or 1 eq 1" }),
    shows: /^That activity has been removed/,
  },
  {
    name: 'teacher opening attendance for activity id %27%29%20or%20true',
    run: () => press('sam', 'attendance.open', { activityId: '%27%29%20or%20true' }),
    shows: /^That activity has been removed/,
  },
  {
    name: "adviser removing slot key ' or 1 eq 1",
    run: () => press('dan', 'slots.remove', { slotKey: "A001|' or 1 eq 1" }),
    shows: INVALID,
  },
  {
    name: 'adviser removing a slot key of the right shape that names nobody’s slot',
    run: () => press('dan', 'slots.remove', { slotKey: 'A001|PartitionKey' }),
    shows: /^I can’t find that slot\./,
  },
  ...ODATA.slice(0, 3).map((query): BadInput => ({
    name: `adviser typing “record ${query}”`,
    run: () => type('dan', `record ${query}`),
    shows: /^I couldn’t find a pupil called “.+”\. Try their surname or their school id\.$/,
    echoes: `“${query}”`,
  })),

  // --- OData-looking text in every free-text field, in a form that is otherwise wrong: shown back as words.
  {
    name: "link topic ' or 1 eq 1 (no career given)",
    run: () => press('sam', 'link.save', samsLinkWith({ topic: ODATA[0], otherCareers: '' })),
    shows: /Add at least one career/,
    echoes: ODATA[0],
  },
  {
    name: "link careers ') or (PartitionKey ne ' (bad date)",
    run: () => press('sam', 'link.save', samsLinkWith({ otherCareers: ODATA[1], date: '2026-13-01' })),
    shows: /Choose a date from the calendar/,
    echoes: ODATA[1],
  },
  {
    name: 'link note with %27 and backslashes (no year group)',
    run: () => press('sam', 'link.save', samsLinkWith({ note: ODATA[3], yearGroups: '' })),
    shows: /Choose at least one year group/,
    echoes: ODATA[3],
  },
  {
    name: "activity title ' or 1 eq 1 (no employer)",
    run: () => press('sam', 'activity.save', samsActivityWith({ title: ODATA[0], organisation: '' })),
    shows: /Say which employer it was/,
    echoes: ODATA[0],
  },
  {
    name: "activity organisation ') or (PartitionKey ne ' (future date)",
    run: () => press('sam', 'activity.save', samsActivityWith({ organisation: ODATA[1], date: '2026-12-01' })),
    shows: /can’t be in the future/,
    echoes: ODATA[1],
  },
  {
    name: 'meeting request times %27 or 1 eq 1 %27 (no reason)',
    run: () => press('noah', 'meeting.request', { reason: '', preferredTimes: ODATA[2] }),
    shows: /Say in a sentence what you’d like help with/,
    echoes: ODATA[2],
  },
  {
    name: 'meeting advice and action with OData text (nobody named to do it)',
    run: () => press('leader', 'meeting.record', leadersRecordWith({ advice: ODATA[0], what1: ODATA[1], who1: '' })),
    shows: /Choose who will do it/,
    echoes: ODATA[1],
  },
  {
    name: "plans kind ' or 1 eq 1",
    run: () => press('noah', 'record.savePlans', { kind: ODATA[0], destination: ODATA[1] }),
    shows: /Choose what you are telling us about/,
    echoes: ODATA[1],
  },
  {
    name: "settings leader name ' or 1 eq 1 (bad email)",
    run: () => press('leader', 'settings.save', { leaderName: ODATA[0], leaderEmail: ODATA[1] }),
    shows: /Enter an email address like careers@northfield\.sch\.uk/,
    echoes: ODATA[0],
  },
  {
    name: "meeting topic ' or 1 eq 1, too long",
    run: () => press('noah', 'meeting.book', { slotKey: SLOT_FREE, topic: `${ODATA[0]} ${'x'.repeat(200)}` }),
    shows: /Keep it to 200 characters/,
    echoes: ODATA[0],
  },
  {
    name: "slot room ') or (PartitionKey ne ' (on a Saturday)",
    run: () =>
      press('dan', 'slots.add', {
        adviserId: PEOPLE.dan,
        date: '2026-03-07',
        start: '10:00',
        end: '11:00',
        length: '30',
        placeKind: 'room',
        room: ODATA[1],
        repeat: 'once',
      }),
    shows: /isn’t a school day/,
    echoes: ODATA[1],
  },
  {
    name: "programme web page ') or (PartitionKey ne '",
    run: () => press('leader', 'settings.save', { programmeUrl: ODATA[1] }),
    shows: /Enter the web page’s full address/,
  },
  {
    name: "attendance search for ' or 1 eq 1",
    run: () => press('sam', 'attendance.update', { activityId: SAMS_ACTIVITY, find: ODATA[0] }),
    shows: /I couldn’t find a pupil called/,
    echoes: ODATA[0],
  },
  {
    name: "teacher nudge for subject ' or 1 eq 1",
    run: () => press('leader', 'digest.nudge', { yearGroup: 9, subjects: [ODATA[0]] }),
    shows: /Nobody on the roster teaches ' or 1 eq 1/,
  },

  // --- Emoji in names and topics (control characters are removed on the way in: test/security/typed-text-plain.test.ts).
  { name: 'a typed pupil search in emoji', run: () => type('dan', 'record 🚀🎓🚀'), shows: /^I couldn’t find a pupil called “🚀🎓🚀”/ },

  // --- CSV files that must be refused whole, each reason as file:line column: reason.
  {
    name: 'people.csv with a wrong header name',
    run: () =>
      importing({
        'people.csv':
          PEOPLE_HEADER.replace('given_name', 'first_name') + '\nP0001,pupil,Ava,Patel,ava.patel@northfield.example,10,,,,,,,\n',
      }),
    shows: /^people\.csv:1 given_name: required column is missing$/m,
  },
  {
    name: 'activities.csv with a column twice',
    run: () => importing({ 'activities.csv': `${ACTIVITIES_HEADER},title\nX1,2026-01-10,employer_encounter,Talk,,,,Talk\n` }),
    shows: /^activities\.csv:1 title: column appears more than once in the header$/m,
  },
  {
    name: 'activities.csv with 30 February',
    run: () => importing({ 'activities.csv': activities('X1,2026-02-30,employer_encounter,Talk,,,') }),
    shows: /^activities\.csv:2 date: must be a real calendar date \(found "2026-02-30"\)$/m,
  },
  {
    name: 'activities.csv with a UK-style date',
    run: () => importing({ 'activities.csv': activities('X1,04/03/2026,employer_encounter,Talk,,,') }),
    shows: /^activities\.csv:2 date: must be a date in the form YYYY-MM-DD \(found "04\/03\/2026"\)$/m,
  },
  {
    name: 'meetings.csv with a time missing its T',
    run: () =>
      importing({
        'meetings.csv': 'id,pupil_id,adviser_id,starts_at,status,advice,agreed_actions\nMX1,P0001,A001,2026-03-10 10:00,booked,,\n',
      }),
    shows: /^meetings\.csv:2 starts_at: must be a time in the form YYYY-MM-DDTHH:MM/m,
  },
  {
    name: 'attendance.csv naming an unknown pupil',
    run: () => importing({ 'attendance.csv': `activity_id,pupil_id\n${school.activities[0]!.id},P9999\n` }),
    shows: /^attendance\.csv:2 pupil_id: unknown person P9999$/m,
  },
  {
    name: 'attendance.csv naming an unknown activity',
    run: () => importing({ 'attendance.csv': 'activity_id,pupil_id\nNO-SUCH-ACTIVITY,P0001\n' }),
    shows: /^attendance\.csv:2 activity_id: unknown activity NO-SUCH-ACTIVITY$/m,
  },
  {
    name: 'links.csv giving a pupil as the teacher',
    run: () =>
      importing({ 'links.csv': 'id,date,teacher_id,subject,year_group,topic,careers\nLX1,2026-01-10,P0001,Mathematics,9,Ratio,Nurse\n' }),
    shows: /^links\.csv:2 teacher_id: P0001 is a pupil, not a member of staff$/m,
  },
  {
    name: 'people.csv with a duplicate id',
    run: () =>
      importing({
        'people.csv': people(
          'Z1,teacher,Amy,Lee,amy.lee@northfield.example,,,,,,,,',
          'Z1,teacher,Bob,Lee,bob.lee@northfield.example,,,,,,,,',
        ),
      }),
    shows: /^people\.csv:3 id: duplicate id Z1 \(first on line 2\)$/m,
  },
  {
    name: 'people.csv with the same email in another case',
    run: () =>
      importing({
        'people.csv': people(
          'Z1,teacher,Amy,Lee,amy.lee@northfield.example,,,,,,,,',
          'Z2,teacher,Amy,Lee,AMY.LEE@northfield.example,,,,,,,,',
        ),
      }),
    shows: /^people\.csv:3 email: duplicate email AMY\.LEE@northfield\.example \(first on line 2\)$/m,
  },
  {
    name: 'activities.csv with a duplicate id',
    run: () =>
      importing({ 'activities.csv': activities('X1,2026-01-10,employer_encounter,Talk,,,', 'X1,2026-01-11,employer_encounter,Fair,,,') }),
    shows: /^activities\.csv:3 id: duplicate id X1 \(first on line 2\)$/m,
  },
  {
    name: 'a completely empty people.csv',
    run: () => importing({ 'people.csv': '' }),
    shows: /^people\.csv:1: the file is empty: it needs a header row$/m,
  },
  {
    name: 'a PNG saved as people.csv',
    run: () => importing({ 'people.csv': PNG_BYTES }),
    shows: /^people\.csv:1: the file is not UTF-8 text /m,
  },
  {
    name: 'a spreadsheet (zip) saved as people.csv',
    run: () => importing({ 'people.csv': XLSX_BYTES }),
    shows: /^people\.csv:1: the file is not UTF-8 text /m,
  },
  {
    name: 'people.csv with a control character in a name',
    run: () => importing({ 'people.csv': people('Z1,teacher,Amy\u0007,Lee,amy.lee@northfield.example,,,,,,,,') }),
    shows: /^people\.csv:2 given_name: must not contain control characters$/m,
  },
  {
    name: 'people.csv with an OData-looking id and a role nobody has',
    run: () => importing({ 'people.csv': people("' or 1 eq 1,governor,Amy,Lee,amy.lee@northfield.example,,,,,,,,") }),
    shows: /^people\.csv:2 role: must be one of pupil, teacher, careers_leader, careers_adviser, senco, admin \(found "governor"\)$/m,
  },
  {
    name: 'people.csv with an emoji name but no year group for a pupil',
    run: () => importing({ 'people.csv': people('Z9,pupil,Zoë 🚀,Lee,zoe.lee@northfield.example,,,,,,,,') }),
    shows: /^people\.csv:2 year_group: required for pupils$/m,
  },
  {
    name: 'a quoted field never closed',
    run: () => importing({ 'activities.csv': activities('X1,2026-01-10,employer_encounter,"Talk,,,') }),
    shows: /^activities\.csv:2: a quoted field is never closed \(a " is missing\)$/m,
  },
  {
    name: 'a row with fewer fields than the header',
    run: () => importing({ 'activities.csv': activities('X1,2026-01-10,employer_encounter') }),
    shows: /^activities\.csv:2: the row has 3 fields but the header has 7/m,
  },
  { name: 'a folder holding no contract files', run: () => importing({ 'notes.txt': 'people,csv\n' }), shows: /no contract files found/ },
  {
    name: 'a good people.csv beside a bad links.csv: nothing of either',
    run: () =>
      importing({
        'people.csv': people(
          ...school.people.map((p) =>
            [p.id, p.role, p.id === 'P0001' ? 'Renamed' : p.givenName, p.familyName, p.email, p.yearGroup ?? '', p.form ?? '']
              .concat(['', '', '', '', '', p.subjects.join(';')])
              .join(','),
          ),
        ),
        'links.csv': 'id,date,teacher_id,subject,year_group,topic,careers\nLX1,2026-01-10,T001,Mathematics,14,Ratio,Nurse\n',
      }),
    shows: /^links\.csv:2 year_group: must be a whole number from 7 to 13 \(found "14"\)$/m,
  },
];

describe('bad input: every door, a clear answer, nothing written', () => {
  beforeAll(async () => {
    bot = await TestBot.start({ school, now: () => NOW });
    for (const [who, id] of Object.entries(PEOPLE) as Array<[Who, string]>) users[who] = bot.userFor(rosterPerson(id));

    // Sam logs a link in one line, and records an activity on its card.
    expect(
      (await bot.say(users.sam, 'Y9 maths: ratio and proportion -> nurse', { id: 'seed-link' })).map((reply) => cardText(reply)).join('\n'),
    ).toContain('Careers link saved');
    expect(await press('sam', 'link.save', SAMS_LINK_CARD)).toContain('Careers link saved');
    expect(
      await press('sam', 'activity.save', {
        draftId: 'seed-activity',
        kind: 'employer_encounter',
        date: '',
        title: 'NHS careers talk',
        organisation: 'NHS',
      }),
    ).toContain('NHS careers talk');
    // Dan's three slots: Ava books one, Jack asks for a meeting and is offered another.
    const slots = bot.waypoint.services.meetingTables.slots;
    for (const startsAt of ['2026-03-10T10:00', '2026-03-11T10:00', '2026-03-12T10:00']) {
      await slots.createOnce(SCHOOL_ID, {
        adviserId: DEMO_PEOPLE.adviser.id,
        startsAt,
        minutes: 30,
        place: 'Careers office',
        createdBy: DEMO_PEOPLE.adviser.id,
      });
    }
    expect(await press('ava', 'meeting.book', { slotKey: SLOT_BOOKED_BY_AVA, topic: 'Apprenticeships' })).toContain('Meeting booked');
    ids.avasMeeting = (await slots.get(SCHOOL_ID, SLOT_BOOKED_BY_AVA))!.item.meetingId!;
    expect(await press('jack', 'meeting.request', { reason: 'Help choosing options', preferredTimes: '' })).toMatch(/sent/i);
    ids.jacksRequest = (await bot.waypoint.services.meetingTables.requests.list(SCHOOL_ID))[0]!.id;
    expect(await press('dan', 'requests.offer', { requestId: ids.jacksRequest, slotKey: SLOT_OFFERED_TO_JACK })).toContain('Offer sent');
    // The fixtures are what the cases assume.
    const links = bot.waypoint.services.school.collections.links;
    expect((await links.get(SCHOOL_ID, encodeKey(SAMS_LINK)))?.item.teacherId).toBe(PEOPLE.sam);
    expect((await bot.waypoint.services.school.collections.activities.get(SCHOOL_ID, encodeKey(SAMS_ACTIVITY)))?.item.recordedBy).toBe(
      PEOPLE.sam,
    );
    expect((await bot.waypoint.services.school.collections.meetings.get(SCHOOL_ID, encodeKey(LEADERS_PAST_MEETING)))?.item.adviserId).toBe(
      PEOPLE.leader,
    );
  });
  afterAll(async () => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    await bot?.stop();
  });

  it('has at least 50 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES)('$name', async ({ run, shows, echoes }) => {
    const before = await snapshotStorage(bot);
    const seen = await run();
    expect(seen).toMatch(shows);
    if (echoes !== undefined) expect(seen).toContain(echoes);
    expect(changedTables(before, await snapshotStorage(bot))).toEqual({});
  });

  it('would notice a write: a valid card from the same door does change storage', async () => {
    const before = await snapshotStorage(bot);
    expect(await press('sam', 'link.save', samsLinkWith({ draftId: 'control-card', topic: 'Control case' }))).toContain(
      'Careers link saved',
    );
    expect(changedTables(before, await snapshotStorage(bot))).toMatchObject({
      links: { added: [expect.stringContaining('control-card-Y9')], removed: [] },
    });
  });

  it('imports a BOM + CRLF export (as Excel saves it) with accents, emoji and OData-looking text, exactly as written', async () => {
    const crlf = (...lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;
    const folder = mkdtempSync(path.join(tmpdir(), 'waypoint-bom-'));
    folders.push(folder);
    writeFileSync(
      path.join(folder, 'people.csv'),
      crlf(
        PEOPLE_HEADER,
        'B1,teacher,Siân,Łukasiewicz,sian.l@bom.example,,,,,,,,Mathematics;Physics',
        "B2,pupil,Zoë 🚀,\"O'Brien') or (PartitionKey ne '\",zoe.b@bom.example,10,10A,2010-11-03,Y,,,,",
      ),
    );
    writeFileSync(
      path.join(folder, 'activities.csv'),
      crlf(ACTIVITIES_HEADER, 'BA1,2026-01-21,employer_encounter,"Careers fair: \' or 1 eq 1, ""quoted""",,,Y'),
    );
    writeFileSync(path.join(folder, 'attendance.csv'), crlf('activity_id,pupil_id', 'BA1,B2'));

    const result = await importSchoolFolder(bot.waypoint.services, 'bom-school', folder, 'B1');
    expect(result.ok ? result.counts : result.errors.map(formatImportError)).toMatchObject({
      people: { added: 2 },
      activities: { added: 1 },
      attendance: { added: 1 },
    });
    const stored = await bot.waypoint.services.school.load('bom-school');
    expect(stored.people.map((p) => [p.id, p.givenName, p.familyName, p.subjects, p.send]).sort()).toEqual([
      ['B1', 'Siân', 'Łukasiewicz', ['Mathematics', 'Physics'], false],
      ['B2', 'Zoë 🚀', "O'Brien') or (PartitionKey ne '", [], true],
    ]);
    expect(stored.activities.map((a) => [a.id, a.title, a.meaningful])).toEqual([['BA1', 'Careers fair: \' or 1 eq 1, "quoted"', true]]);
    expect(stored.attendance).toEqual([{ activityId: 'BA1', pupilId: 'B2' }]);
  });

  describe('a verb nobody registered (an old card, or a forged one)', () => {
    const unknownVerbs: Array<[Who, string]> = [
      ['sam', 'link.explode'],
      ['ava', "' or 1 eq 1"],
      ['leader', ''],
    ];

    it('writes nothing', async () => {
      const before = await snapshotStorage(bot);
      for (const [who, verb] of unknownVerbs) await bot.execute(users[who], verb, { linkIds: [SAMS_LINK], meetingId: ids.avasMeeting });
      expect(changedTables(before, await snapshotStorage(bot))).toEqual({});
    });

    it('answers someone not on the roster with the roster message, not an error on the card', async () => {
      const stranger = bot.userFor({ id: 'X404', givenName: 'Nemo', familyName: 'Outsider', email: 'nemo.outsider@northfield.example' });
      const result = await bot.execute(stranger, 'link.explode', {});
      expect(result.status).toBe(200);
      expect(answerText(result)).toMatch(/can’t find you on your school’s roster/);
    });

    // Was a bug: teams-ai finds no route and the bot answers HTTP 501 with no body, which Teams shows as a
    // generic failure on the card. It should answer 200 with a message, as for a malformed card.
    for (const [who, verb] of unknownVerbs) {
      it(`answers ${who}’s press of “${verb}” with a clear message, not an error on the card`, async () => {
        const result = await bot.execute(users[who], verb, {});
        expect(result.status).toBe(200);
        expect(answerText(result)).toMatch(/(nothing was changed|didn’t understand).*Type “help”/s);
      });
    }
  });

  describe('regressions: bugs this suite found, now fixed', () => {
    // Was a bug: a link card's ids come from its draftId, and createLinks treats "already exists" as "saved
    // by this card", whoever owns the existing link. So a teacher pressing Save on a card whose
    // links someone else already saved (a card in a channel, a forwarded card, or two one-line
    // links whose Teams message ids coincide) is told "Careers link saved" with their own words,
    // while storage keeps the other teacher's link and nothing of theirs.
    it('never tells a teacher a link was saved when the stored link is someone else’s', async () => {
      const card = { ...SAMS_LINK_CARD, draftId: 'shared-card', topic: 'Fractions', otherCareers: 'Baker' };
      expect(await press('samsColleague', 'link.save', card)).toContain('Careers link saved');
      const told = await press('sam', 'link.save', { ...card, topic: 'Percentages', otherCareers: 'Accountant' });
      const stored = (await bot.waypoint.services.school.collections.links.get(SCHOOL_ID, encodeKey('shared-card-Y8')))!.item;
      expect(stored).toMatchObject({ teacherId: PEOPLE.samsColleague, topic: 'Fractions' });
      expect(told).not.toMatch(/Careers link saved[\s\S]*Percentages/);
    });

    // Was a bug: pressing Save on a colleague's already-saved activity card says
    // "Activity recorded" to someone who recorded nothing (and whose next tap is refused as not theirs).
    it('never tells a teacher an activity was recorded when a colleague recorded it', async () => {
      const before = await snapshotStorage(bot);
      const told = await press('samsColleague', 'activity.save', {
        draftId: 'seed-activity',
        kind: 'employer_encounter',
        date: '',
        title: 'NHS careers talk',
        organisation: 'NHS',
      });
      expect(changedTables(before, await snapshotStorage(bot))).toEqual({});
      expect(told).not.toContain('Activity recorded');
    });

    // Was a bug: link and activity limits count UTF-16 code units, so an emoji counts twice: 201 emoji
    // are reported as "it has 402", and a 150-character topic with emoji can be refused. Meetings,
    // plans and the CSV contract count characters (code points).
    it('counts a link topic in characters, as the meeting and CSV limits do', async () => {
      const before = await snapshotStorage(bot);
      const told = await press('sam', 'link.save', samsLinkWith({ topic: '🚀'.repeat(201) }));
      expect(changedTables(before, await snapshotStorage(bot))).toEqual({});
      expect(told).toContain('Keep the topic to 200 characters (it has 201)');
    });

    // Was a bug: a complete one-line link that fails the form's checks (here a topic over the limit)
    // opens the card with no reason given, so the teacher cannot tell why it was not recorded.
    it('says why a complete one-line link was not recorded', async () => {
      const before = await snapshotStorage(bot);
      const told = await type('sam', `Y9 maths: ${'ratio '.repeat(40)}-> nurse`);
      expect(changedTables(before, await snapshotStorage(bot))).toEqual({});
      expect(told).toMatch(/Keep the topic to 200 characters/);
    });
  });
});

// `npm run erase`: every stored record that names the person goes, in every table; evidence is kept
// with staff shown as a former member of staff; a dry run changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { FORMER_STAFF_ID } from '../../src/domain/school';
import { applyErasure, describeErasure, planErasure } from '../../src/erasure/erase-person';
import { markerPartition, slotKeyOf } from '../../src/journeys/meetings/meeting-codecs';
import { parseSchoolFiles } from '../../src/schooldata/parse-school-files';
import { writeSchoolFiles } from '../../src/schooldata/write-school-files';
import { encodeKey } from '../../src/storage/keys';
import { cardText, person, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';
import { changedTables, snapshotStorage } from '../security/storage-snapshot';
import { runCli } from '../support/run-cli';
import { traces } from './traces';

const NOW = new Date('2026-03-02T09:00:00Z');
const leader = person({ id: 'L1', role: 'careers_leader', givenName: 'Jo', familyName: 'Reid', email: 'jo.reid@school.example' });
const adviser = person({ id: 'A1', role: 'careers_adviser', givenName: 'Dan', familyName: 'Brooks', email: 'dan.brooks@school.example' });
const teacher = person({
  id: 'T1',
  role: 'teacher',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam.okafor@school.example',
  subjects: ['Mathematics'],
});
const ava = person({
  id: 'P1',
  role: 'pupil',
  givenName: 'Ava',
  familyName: 'Quinlan',
  email: 'ava.quinlan@school.example',
  yearGroup: 11,
  form: '11B',
});
// P10 and P1-B share text with P1: erasing P1 must leave them alone.
const ben = person({
  id: 'P10',
  role: 'pupil',
  givenName: 'Ben',
  familyName: 'Roy',
  email: 'ben.roy@school.example',
  yearGroup: 11,
  form: '11A',
});
const cara = person({
  id: 'P1-B',
  role: 'pupil',
  givenName: 'Cara',
  familyName: 'Long',
  email: 'cara.long@school.example',
  yearGroup: 10,
  form: '10C',
});

describe('erasing a person', () => {
  let bot: TestBot;
  const services = () => bot.waypoint.services;
  const bookedSlot = slotKeyOf('A1', '2026-03-10T10:00');
  const offeredSlot = slotKeyOf('A1', '2026-03-11T11:00');

  beforeAll(async () => {
    bot = await TestBot.start({
      now: () => NOW,
      school: schoolWith([leader, adviser, teacher, ava, ben, cara], {
        curriculum: [{ subject: 'Mathematics', yearGroups: [7, 8, 9, 10, 11] }],
        activities: [
          {
            id: 'E1',
            date: '2026-01-20',
            kind: 'employer_encounter',
            title: 'NHS careers talk',
            providerAccess: false,
            meaningful: true,
            recordedBy: 'T1',
          },
        ],
        attendance: [
          { activityId: 'E1', pupilId: 'P1' },
          { activityId: 'E1', pupilId: 'P10' },
        ],
        links: [
          { id: 'K1', date: '2026-01-12', teacherId: 'T1', subject: 'Mathematics', yearGroup: 9, topic: 'Ratio', careers: ['Nurse'] },
        ],
        meetings: [
          {
            id: 'M1',
            pupilId: 'P1',
            adviserId: 'A1',
            startsAt: '2026-01-15T10:00',
            status: 'completed',
            advice: 'Look at nursing degrees',
            agreedActions: 'Visit the open day',
          },
          {
            id: 'M2',
            pupilId: 'P1',
            adviserId: 'A1',
            startsAt: '2026-03-10T10:00',
            status: 'booked',
            advice: '',
            agreedActions: '',
            slotKey: bookedSlot,
          },
          {
            id: 'M3',
            pupilId: 'P10',
            adviserId: 'A1',
            startsAt: '2026-01-16T10:00',
            status: 'completed',
            advice: 'Try an apprenticeship',
            agreedActions: 'Apply',
            outcomeRecordedBy: 'A1',
          },
        ],
        destinations: [
          { pupilId: 'P1', kind: 'aspiration', date: '2025-11-01', destination: 'Nurse' },
          { pupilId: 'P1', kind: 'intended', date: '2026-02-01', destination: 'City College, Health and Social Care' },
          { pupilId: 'P10', kind: 'intended', date: '2026-02-01', destination: 'Apprenticeship' },
        ],
      }),
    });
    const s = services();
    await s.settings.save(
      SCHOOL_ID,
      defaultSchoolSettings({ careersLeader: { name: 'Jo Reid', email: 'jo.reid@school.example', phone: '01632 960000' } }),
      undefined,
    );
    // Ava uses the bot: her identity, her personal chat, her opt-out from nudges.
    const avaUser = bot.userFor(ava);
    expect(cardText((await bot.say(avaUser, 'help'))[0]!)).toContain('Hi Ava');
    await bot.say(avaUser, 'stop');
    await bot.say(bot.userFor(ben), 'help');
    const { slots, requests, markers } = s.meetingTables;
    await slots.createOnce(SCHOOL_ID, {
      adviserId: 'A1',
      startsAt: '2026-03-10T10:00',
      minutes: 30,
      place: 'Careers office',
      createdBy: 'L1',
      meetingId: 'M2',
      pupilId: 'P1',
    });
    await slots.createOnce(SCHOOL_ID, {
      adviserId: 'A1',
      startsAt: '2026-03-11T11:00',
      minutes: 30,
      place: 'Careers office',
      createdBy: 'A1',
      offeredTo: 'P1',
      offeredUntil: '2026-03-05T09:00:00.000Z',
    });
    await markers.createOnce(markerPartition(SCHOOL_ID), {
      pupilId: 'P1',
      meetingId: 'M2',
      slotKey: bookedSlot,
      startsAt: '2026-03-10T10:00',
      createdAt: NOW.toISOString(),
    });
    await requests.createOnce(SCHOOL_ID, {
      id: 'R1',
      pupilId: 'P1',
      reason: 'College choices',
      preferredTimes: 'Tuesday mornings',
      requestedAt: NOW.toISOString(),
      status: 'offered',
      offeredSlotKey: offeredSlot,
      offeredBy: 'A1',
      offeredAt: NOW.toISOString(),
    });
    await s.outbox.enqueue({
      schoolId: SCHOOL_ID,
      key: 'meeting-booked:M2:pupil',
      to: { kind: 'person', personId: 'P1' },
      text: 'Your meeting is booked.',
    });
    await s.outbox.enqueue({
      schoolId: SCHOOL_ID,
      key: 'meeting-booked:M2:adviser',
      to: { kind: 'person', personId: 'A1' },
      text: 'Ava Quinlan booked a meeting for Tue 10 Mar 2026, 10:00.',
    });
    await s.outbox.enqueue({
      schoolId: SCHOOL_ID,
      key: 'meeting-booked:M3:adviser',
      to: { kind: 'person', personId: 'A1' },
      text: 'Ben Roy booked a meeting.',
    });
    await s.audit.record(SCHOOL_ID, { actorId: 'P1', action: 'meeting.book', subject: 'M2', at: NOW.toISOString() }, 'a1');
    await s.audit.record(SCHOOL_ID, { actorId: 'A1', action: 'meeting.outcome', subject: 'M1;P1', at: NOW.toISOString() }, 'a2');
  });
  afterAll(async () => bot.stop());

  it('has records of the pupil in every table that can hold them, before', async () => {
    const tables = new Set((await traces(bot, ava)).map((entry) => entry.split(':')[0]));
    for (const table of [
      'people',
      'emailIndex',
      'identities',
      'attendance',
      'meetings',
      'slots',
      'meetingRequests',
      'destinations',
      'conversations',
      'outbox',
      'audit',
      'settings',
    ]) {
      expect(tables).toContain(table);
    }
  });

  it('prints what a dry run would remove and changes nothing', async () => {
    const before = await snapshotStorage(bot);
    const plan = await planErasure(services(), SCHOOL_ID, 'P1');
    expect(describeErasure(plan!)).toEqual([
      'attendance: 1 removed',
      'meetings: 2 removed',
      'slots: 2 kept without them',
      'slots: 1 removed',
      'meetingRequests: 1 removed',
      'destinations: 2 removed',
      'identities: 1 removed',
      'conversations: 1 removed',
      'outbox: 2 removed',
      'settings: 1 removed',
      'audit: 2 kept without them',
      'people: 1 removed',
    ]);
    expect(changedTables(before, await snapshotStorage(bot))).toEqual({});
  });

  it('leaves no entity in any table holding the pupil’s id, name or email, and touches no one else', async () => {
    const othersBefore = await traces(bot, ben);
    await applyErasure(services(), (await planErasure(services(), SCHOOL_ID, 'P1'))!, 'erase');
    expect(await traces(bot, ava)).toEqual([]);
    expect(await traces(bot, ben)).toEqual(othersBefore);
    expect(await services().school.collections.people.list(SCHOOL_ID)).toHaveLength(5);
    expect((await services().school.collections.attendance.list(SCHOOL_ID)).map((row) => row.pupilId)).toEqual(['P10']);
  });

  it('frees the slots the pupil held', async () => {
    const { slots } = services().meetingTables;
    expect((await slots.get(SCHOOL_ID, bookedSlot))?.item).toEqual({
      adviserId: 'A1',
      startsAt: '2026-03-10T10:00',
      minutes: 30,
      place: 'Careers office',
      createdBy: 'L1',
    });
    expect((await slots.get(SCHOOL_ID, offeredSlot))?.item).toEqual({
      adviserId: 'A1',
      startsAt: '2026-03-11T11:00',
      minutes: 30,
      place: 'Careers office',
      createdBy: 'A1',
    });
  });

  it('writes one audit entry that names nobody', async () => {
    const entries = (await services().audit.recent(SCHOOL_ID, 50)).filter((entry) => entry.action === 'erase');
    expect(entries).toEqual([{ actorId: 'erase', action: 'erase', subject: 'a pupil: 17 records', at: NOW.toISOString() }]);
  });

  it('tells the erased pupil they are not on the roster', async () => {
    const replies = await bot.say(bot.userFor(ava), 'my record');
    expect(replies[0]!.text).toMatch(/can’t find you on your school’s roster/);
  });

  it('keeps a teacher’s curriculum links as evidence, by a former member of staff, and export then import still works', async () => {
    await applyErasure(services(), (await planErasure(services(), SCHOOL_ID, 'T1'))!, 'erase');
    expect(await traces(bot, teacher)).toEqual([]);
    expect(await services().school.collections.links.list(SCHOOL_ID)).toEqual([
      {
        id: 'K1',
        date: '2026-01-12',
        teacherId: FORMER_STAFF_ID,
        subject: 'Mathematics',
        yearGroup: 9,
        topic: 'Ratio',
        careers: ['Nurse'],
      },
    ]);
    expect((await services().school.collections.activities.list(SCHOOL_ID))[0]?.recordedBy).toBeUndefined();
    const data = await services().school.load(SCHOOL_ID);
    const parsed = parseSchoolFiles(writeSchoolFiles(data), { ...data, people: [] });
    expect(parsed.ok).toBe(true);
  });

  it('keeps pupils’ meetings with an erased adviser, shown as with a former member of staff', async () => {
    await applyErasure(services(), (await planErasure(services(), SCHOOL_ID, 'A1'))!, 'erase');
    expect(await traces(bot, adviser)).toEqual([]);
    expect(await services().school.collections.meetings.list(SCHOOL_ID)).toEqual([
      {
        id: 'M3',
        pupilId: 'P10',
        adviserId: FORMER_STAFF_ID,
        startsAt: '2026-01-16T10:00',
        status: 'completed',
        advice: 'Try an apprenticeship',
        agreedActions: 'Apply',
      },
    ]);
    const [reply] = await bot.say(bot.userFor(ben), 'my record');
    expect(cardText(reply!)).toContain('with a former member of staff');
  });

  it('erases the careers leader named in the school settings', async () => {
    await applyErasure(services(), (await planErasure(services(), SCHOOL_ID, 'L1'))!, 'erase');
    expect(await traces(bot, leader)).toEqual([]);
    expect((await services().settings.get(SCHOOL_ID)).settings.careersLeader).toEqual({});
  });

  it('from the command line: a dry run without --yes, and an unknown id refused with exit code 1', async () => {
    const dry = await runCli(bot.storage, 'erase', ['--person', 'P10', '--school', SCHOOL_ID], 'waypoint');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('attendance: 1 removed');
    expect(dry.stdout).toContain('Nothing was changed. Run again with --yes to erase.');
    expect(await services().school.people.get(SCHOOL_ID, encodeKey('P10'))).toBeDefined();

    const unknown = await runCli(bot.storage, 'erase', ['--person', 'P999', '--school', SCHOOL_ID, '--yes'], 'waypoint');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No person with id P999 in school school: nothing was erased.');

    const done = await runCli(bot.storage, 'erase', ['--person', 'P10', '--school', SCHOOL_ID, '--yes'], 'waypoint');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Erased P10 from school school:');
    expect(await traces(bot, ben)).toEqual([]);
  }, 120_000);
});

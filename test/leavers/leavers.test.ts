// The careers leader sees this year's leavers with their intended and actual destinations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recentLeavers } from '../../src/domain/leavers';
import { emptySchoolData } from '../../src/domain/school';
import { cardText, person, schoolWith, TestBot } from '../harness/test-bot';

const TODAY = '2026-10-05';
const NOW = new Date(`${TODAY}T09:00:00Z`);

const leader = person({ id: 'L1', role: 'careers_leader', givenName: 'Jo', familyName: 'Reid', email: 'jo.reid@north.example' });
const teacher = person({
  id: 'T1',
  role: 'teacher',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam.okafor@north.example',
  subjects: ['Science'],
});
const ava = person({
  id: 'P1',
  role: 'pupil',
  givenName: 'Ava',
  familyName: 'Patel',
  email: 'ava@north.example',
  yearGroup: 13,
  leftOn: '2026-07-17',
});
const ben = person({
  id: 'P2',
  role: 'pupil',
  givenName: 'Ben',
  familyName: 'Roy',
  email: 'ben@north.example',
  yearGroup: 11,
  leftOn: '2026-09-03',
});
const old = person({
  id: 'P3',
  role: 'pupil',
  givenName: 'Cara',
  familyName: 'Long',
  email: 'cara@north.example',
  yearGroup: 13,
  leftOn: '2025-07-18',
});
const onRoll = person({ id: 'P4', role: 'pupil', givenName: 'Dev', familyName: 'Shah', email: 'dev@north.example', yearGroup: 12 });
const eve = person({
  id: 'P5',
  role: 'pupil',
  givenName: 'Eve',
  familyName: 'Hart',
  email: 'eve@north.example',
  yearGroup: 11,
  form: '11A',
});
const finn = person({
  id: 'P6',
  role: 'pupil',
  givenName: 'Finn',
  familyName: 'Cole',
  email: 'finn@north.example',
  yearGroup: 11,
  form: '11B',
});
const unwrittenMeetings = ['P5', 'P6'].map((pupilId) => ({
  id: `M-${pupilId}`,
  pupilId,
  adviserId: 'L1',
  startsAt: '2026-09-20T10:00',
  status: 'completed' as const,
  advice: '',
  agreedActions: '',
}));
const destinations = [
  { pupilId: 'P5', kind: 'intended' as const, date: '2026-09-21', destination: 'Northfield Sixth Form' },
  { pupilId: 'P1', kind: 'intended' as const, date: '2026-01-15', destination: 'University of Leeds, Medicine' },
  { pupilId: 'P1', kind: 'actual' as const, date: '2026-09-20', destination: 'University of Leeds, Medicine' },
  { pupilId: 'P2', kind: 'intended' as const, date: '2026-02-01', destination: 'City College, Plumbing' },
  { pupilId: 'P2', kind: 'intended' as const, date: '2026-05-01', destination: 'Apprenticeship, BT' },
  { pupilId: 'P3', kind: 'actual' as const, date: '2025-09-20', destination: 'Gap year' },
];

describe('recentLeavers', () => {
  it('lists pupils who left in the last 12 months, latest first, with their latest intended and actual destinations', () => {
    const leavers = recentLeavers({ ...emptySchoolData(), people: [leader, ava, ben, old, onRoll], destinations }, TODAY);
    expect(leavers.map((leaver) => [leaver.pupil.id, leaver.leftOn, leaver.intended?.destination, leaver.actual?.destination])).toEqual([
      ['P2', '2026-09-03', 'Apprenticeship, BT', undefined],
      ['P1', '2026-07-17', 'University of Leeds, Medicine', 'University of Leeds, Medicine'],
    ]);
  });
});

describe('leavers in Teams', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({
      now: () => NOW,
      school: schoolWith([leader, teacher, ava, ben, old, onRoll, eve, finn], { destinations, meetings: unwrittenMeetings }),
    });
  });
  afterAll(async () => bot.stop());

  it('shows the careers leader each leaver with intended and actual destinations', async () => {
    const [reply] = await bot.say(bot.userFor(leader), 'leavers');
    const text = cardText(reply!);
    expect(text).toContain('2 pupils have left; 1 with an actual destination recorded.');
    expect(text).toContain('Ben Roy · Year 11 · left Thu 3 Sep 2026');
    expect(text).toContain('Intended: Apprenticeship, BT');
    expect(text).toContain('Actual: not recorded yet');
    expect(text).toContain('Ava Patel · Year 13 · left Fri 17 Jul 2026');
    expect(text).not.toContain('Cara');
    expect(text).not.toContain('Dev Shah');
    expect(text.indexOf('Ben Roy')).toBeLessThan(text.indexOf('Ava Patel'));
  });

  it('shows Year 11 and 13 pupils’ intended destinations beside them in the Benchmark 3 pupil list', async () => {
    const result = await bot.execute(bot.userFor(leader), 'report.pupils', { asOf: TODAY, benchmark: '3', yearGroup: 11 });
    const text = cardText(result.body!.value);
    expect(text).toContain('Eve Hart · 11A · intends: Northfield Sixth Form');
    expect(text).toContain('Finn Cole · 11B · no intended destination yet');
    expect(text).not.toContain('Ben Roy');
  });

  it('is not for teachers', async () => {
    const [reply] = await bot.say(bot.userFor(teacher), 'leavers');
    expect(reply!.text).toMatch(/^Sorry, only /);
    expect(reply!.attachments ?? []).toHaveLength(0);
  });
});

// Shared people, clock and helpers for the meeting and record tests.
import { defaultTermDates } from '../../src/domain/calendar';
import type { Meeting, Person, SchoolData } from '../../src/domain/school';
import { defaultSchoolSettings, type SchoolSettings } from '../../src/domain/school-settings';
import { slotKeyOf, type Slot } from '../../src/journeys/meetings/meeting-codecs';
import { encodeKey } from '../../src/storage/keys';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { buttonOn, cardText, person, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

export const adviser = person({ id: 'A1', role: 'careers_adviser', givenName: 'Dan', familyName: 'Brooks', email: 'dan@school.example' });
export const otherAdviser = person({
  id: 'A2',
  role: 'careers_adviser',
  givenName: 'Priya',
  familyName: 'Shah',
  email: 'priya@school.example',
});
export const leader = person({ id: 'L1', role: 'careers_leader', givenName: 'Jo', familyName: 'Reid', email: 'jo@school.example' });
export const senco = person({ id: 'S1', role: 'senco', givenName: 'Mo', familyName: 'Hughes', email: 'mo@school.example' });
export const teacher = person({
  id: 'T1',
  role: 'teacher',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam@school.example',
  subjects: ['Mathematics'],
});
export const ava = person({
  id: 'P0001',
  role: 'pupil',
  givenName: 'Ava',
  familyName: 'Patel',
  email: 'ava@school.example',
  yearGroup: 11,
  form: '11B',
});
export const ben = person({
  id: 'P0002',
  role: 'pupil',
  givenName: 'Ben',
  familyName: 'Patel',
  email: 'ben@school.example',
  yearGroup: 11,
  form: '11A',
});
export const cara = person({
  id: 'P0003',
  role: 'pupil',
  givenName: 'Cara',
  familyName: 'Jones',
  email: 'cara@school.example',
  yearGroup: 10,
  form: '10C',
});

export function pupils(count: number, prefix = 'R'): Person[] {
  return Array.from({ length: count }, (_, index) => {
    const id = `${prefix}${String(index + 1).padStart(3, '0')}`;
    return person({
      id,
      role: 'pupil',
      givenName: 'Racer',
      familyName: id,
      email: `${id.toLowerCase()}@school.example`,
      yearGroup: 11,
      form: '11R',
    });
  });
}

/** A clock tests move; Monday 2 March 2026, 09:00 in London (GMT) unless set. */
export class Clock {
  constructor(public at = new Date('2026-03-02T09:00:00Z')) {}
  readonly now = () => this.at;
  set(iso: string): void {
    this.at = new Date(iso);
  }
}

export const STAFF = [adviser, otherAdviser, leader, senco, teacher];

export async function startMeetingBot(options: {
  clock: Clock;
  people?: Person[];
  extra?: Partial<SchoolData>;
  settings?: Partial<SchoolSettings>;
  holdForAbsent?: boolean;
}): Promise<TestBot> {
  const bot = await TestBot.start({
    school: schoolWith([...STAFF, ava, ben, cara, ...(options.people ?? [])], options.extra),
    now: options.clock.now,
    ...(options.holdForAbsent ? { holdForAbsent: true } : {}),
  });
  if (options.settings) await bot.waypoint.services.settings.save(SCHOOL_ID, defaultSchoolSettings(options.settings), undefined);
  return bot;
}

/**
 * One meeting bot for the describe block it is called in: started before the first test, stopped
 * after the last, and before each test the clock back at Monday 2 March 09:00 and the meeting
 * tables empty. Read `.bot` inside tests and hooks.
 */
export function meetingBotPerSuite(clock: Clock): { readonly bot: TestBot } {
  const holder: { bot: TestBot } = { bot: undefined as unknown as TestBot };
  beforeAll(async () => {
    holder.bot = await startMeetingBot({ clock });
  });
  afterAll(async () => holder.bot?.stop());
  beforeEach(async () => {
    clock.set('2026-03-02T09:00:00Z');
    await clearMeetings(holder.bot);
  });
  return holder;
}

/** The school's own 2025/26 terms (the usual ones) with extra closure days. */
export function termsWithClosures(...closures: string[]) {
  const terms = defaultTermDates(2025);
  return { terms: terms.terms, closures: [...terms.closures, ...closures] };
}

/** Puts a slot straight into storage, for tests about booking rather than adding. */
export async function seedSlot(bot: TestBot, startsAt: string, options: Partial<Slot> = {}): Promise<string> {
  const slot: Slot = { adviserId: adviser.id, startsAt, minutes: 30, place: 'Careers office', createdBy: adviser.id, ...options };
  await bot.waypoint.services.meetingTables.slots.createOnce(SCHOOL_ID, slot);
  return slotKeyOf(slot.adviserId, slot.startsAt);
}

export async function slotsStored(bot: TestBot): Promise<Slot[]> {
  return bot.waypoint.services.meetingTables.slots.list(SCHOOL_ID);
}

export async function meetingsStored(bot: TestBot): Promise<Meeting[]> {
  return bot.waypoint.services.school.collections.meetings.list(SCHOOL_ID);
}

export async function meetingStored(bot: TestBot, id: string): Promise<Meeting | undefined> {
  return (await bot.waypoint.services.school.collections.meetings.get(SCHOOL_ID, encodeKey(id)))?.item;
}

export async function outboxFor(bot: TestBot, personId: string) {
  return (await bot.waypoint.services.outbox.history(SCHOOL_ID)).filter(
    (entry) => entry.message.to.kind === 'person' && entry.message.to.personId === personId,
  );
}

/** Empties the tables a test writes, so each test starts from the roster alone. */
export async function clearMeetings(bot: TestBot): Promise<void> {
  const { storage } = bot.waypoint.services;
  for (const table of ['slots', 'meetingRequests', 'meetings', 'outbox', 'destinations'] as const) {
    for (const client of await storage.everyTable(table)) {
      for await (const entity of client.listEntities()) await client.deleteEntity(entity.partitionKey!, entity.rowKey!);
    }
  }
}

/** The button for a time under a day's heading on the free-times card, e.g. ('Tue 3 Mar 2026', '10:20'). */
export function slotButton(card: unknown, day: string, time: string): { verb: string; data: Record<string, unknown> } {
  const containers: any[] = [];
  const walk = (node: any): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (node.type === 'Container') containers.push(node);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  const block = containers.find((entry) => entry.items?.[0]?.text === day);
  if (!block) throw new Error(`no day “${day}” on the card: ${cardText({ body: card })}`);
  return buttonOn(block, time);
}

/** Days shown on the free-times card, in order. */
export function daysOn(card: any): string[] {
  return (card.body as any[]).filter((node) => node.type === 'Container').map((node) => node.items?.[0]?.text);
}

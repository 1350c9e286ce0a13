import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxSender } from '../../src/outbox/outbox-sender';
import { createLogger } from '../../src/observability/log';
import { person, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';
import type { TeamsUser } from '../harness/fake-teams-connector';

const pupil = person({ id: 'P1', role: 'pupil', givenName: 'Ava', familyName: 'Patel', email: 'ava@school.example', yearGroup: 11 });
const adviser = person({ id: 'A1', role: 'careers_adviser', givenName: 'Kim', familyName: 'Shah', email: 'kim@school.example' });

describe('the outbox sends proactive messages once, within limits, surviving faults', () => {
  let bot: TestBot;
  let clock = new Date('2026-11-23T09:00:00Z');
  let ava: TeamsUser;
  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([pupil, adviser]), now: () => clock });
    ava = bot.userFor(pupil);
    await bot.say(ava, 'help'); // opens her personal chat, so the bot can reach her later
  });
  afterAll(async () => bot.stop());

  const outbox = () => bot.waypoint.services.outbox;
  const toAva = (text: string) =>
    bot.connector.sent.filter((entry) => entry.conversationId === bot.personalConversation(ava) && entry.activity.text === text);

  it('delivers a queued message to the person’s personal chat once, however often it is queued', async () => {
    expect(
      await outbox().enqueue({
        schoolId: SCHOOL_ID,
        key: 'k-once',
        to: { kind: 'person', personId: 'P1' },
        text: 'Your meeting is tomorrow',
      }),
    ).toBe('queued');
    expect(
      await outbox().enqueue({
        schoolId: SCHOOL_ID,
        key: 'k-once',
        to: { kind: 'person', personId: 'P1' },
        text: 'Your meeting is tomorrow',
      }),
    ).toBe('already-queued');
    await bot.waypoint.outboxSender.flush();
    await bot.waypoint.outboxSender.flush();
    expect(toAva('Your meeting is tomorrow')).toHaveLength(1);
    expect((await outbox().history(SCHOOL_ID)).find((entry) => entry.message.key === 'k-once')?.status).toBe('sent');
  });

  it('waits until notBefore', async () => {
    await outbox().enqueue({
      schoolId: SCHOOL_ID,
      key: 'k-later',
      to: { kind: 'person', personId: 'P1' },
      text: 'Later',
      notBefore: '2026-11-23T12:00:00.000Z',
    });
    await bot.waypoint.outboxSender.flush();
    expect(toAva('Later')).toHaveLength(0);
    clock = new Date('2026-11-23T12:00:01Z');
    await bot.waypoint.outboxSender.flush();
    expect(toAva('Later')).toHaveLength(1);
  });

  it('retries after throttling and service errors with back-off, then delivers once', async () => {
    clock = new Date(clock.getTime() + 5_000);
    // The connector client retries a few times itself; these outlast it, so the outbox must retry.
    bot.connector.failNextSends(...Array.from({ length: 8 }, (_, index) => (index % 2 ? 503 : 429)));
    await outbox().enqueue({ schoolId: SCHOOL_ID, key: 'k-retry', to: { kind: 'person', personId: 'P1' }, text: 'Retried' });
    expect(await bot.waypoint.outboxSender.flush()).toMatchObject({ sent: 0, retrying: 1 });
    // Not due again until the back-off has passed.
    expect(await bot.waypoint.outboxSender.flush()).toMatchObject({ sent: 0, retrying: 0 });
    let rounds = 0;
    while (toAva('Retried').length === 0 && rounds++ < 10) {
      clock = new Date(clock.getTime() + 10 * 60_000);
      await bot.waypoint.outboxSender.flush();
    }
    expect(bot.connector.pendingFailures()).toBe(0);
    const entry = (await outbox().history(SCHOOL_ID)).find((candidate) => candidate.message.key === 'k-retry');
    expect(entry).toMatchObject({ status: 'sent' });
    expect(entry!.attempts).toBeGreaterThan(1);
    expect(toAva('Retried')).toHaveLength(1);
  });

  it('never sends twice when two instances flush at once, nor after a crash mid-send', async () => {
    const { services } = bot.waypoint;
    const adapterOf = (sender: OutboxSender) => (sender as unknown as { adapter: ConstructorParameters<typeof OutboxSender>[2] }).adapter;
    const secondInstance = new OutboxSender(
      services.outbox,
      services.conversations,
      adapterOf(bot.waypoint.outboxSender),
      '',
      createLogger('silent'),
      () => clock,
    );
    for (let index = 0; index < 5; index++)
      await outbox().enqueue({
        schoolId: SCHOOL_ID,
        key: `k-race-${index}`,
        to: { kind: 'person', personId: 'P1' },
        text: `Race ${index}`,
      });
    clock = new Date(clock.getTime() + 10_000);
    // Both instances race; the per-conversation limit defers some to later flushes.
    for (let round = 0; round < 6; round++) {
      await Promise.all([bot.waypoint.outboxSender.flush(), secondInstance.flush()]);
      clock = new Date(clock.getTime() + 2_000);
    }
    for (let index = 0; index < 5; index++) expect(toAva(`Race ${index}`)).toHaveLength(1);

    // An instance claimed a message and died before sending: nobody sends it until the claim lapses, then once.
    await outbox().enqueue({ schoolId: SCHOOL_ID, key: 'k-crash', to: { kind: 'person', personId: 'P1' }, text: 'After crash' });
    const [due] = (await outbox().due(50)).filter((entry) => entry.message.key === 'k-crash');
    expect(await outbox().claim(due!, 60_000)).toBeDefined();
    await bot.waypoint.outboxSender.flush();
    expect(toAva('After crash')).toHaveLength(0);
    clock = new Date(clock.getTime() + 61_000);
    await bot.waypoint.outboxSender.flush();
    await bot.waypoint.outboxSender.flush();
    expect(toAva('After crash')).toHaveLength(1);
  });

  it('holds a message for someone who has never opened a chat with the bot, without losing it', async () => {
    await outbox().enqueue({ schoolId: SCHOOL_ID, key: 'k-nobody', to: { kind: 'person', personId: 'A1' }, text: 'For the adviser' });
    await bot.waypoint.outboxSender.flush();
    const entry = (await outbox().history(SCHOOL_ID)).find((candidate) => candidate.message.key === 'k-nobody');
    expect(entry).toMatchObject({ status: 'pending', lastError: 'no-conversation' });
  });
});

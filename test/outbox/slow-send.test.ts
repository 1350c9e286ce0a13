// A send slower than the outbox claim (issue 23, item 11): while one instance's send is still under
// way, the instance keeps its claim, so a second instance sharing the storage never sends the same
// message; when the first send ends, the message is marked once and reaches the pupil once.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { person, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

const pupil = person({ id: 'P1', role: 'pupil', givenName: 'Ava', familyName: 'Patel', email: 'ava@school.example', yearGroup: 11 });
const CLAIM_SECONDS = 3;

describe('a send that outlives its claim', () => {
  let clock = new Date('2026-11-23T09:00:00Z');
  let first: TestBot;
  let second: TestBot;
  const env = { WAYPOINT_OUTBOX_CLAIM_SECONDS: String(CLAIM_SECONDS) };

  beforeAll(async () => {
    first = await TestBot.start({ school: schoolWith([pupil]), now: () => clock, env });
    second = await TestBot.start({ storage: first.storage, now: () => clock, env });
    await first.say(first.userFor(pupil), 'help');
  });
  afterAll(async () => {
    first.connector.releaseHeldSends();
    await second?.stop();
    await first?.stop();
  });

  it('is not sent again by another instance while it is under way, and is delivered once', async () => {
    const { outbox } = first.waypoint.services;
    const chat = first.personalConversation(first.userFor(pupil));
    const delivered = () => first.connector.sent.filter((entry) => entry.conversationId === chat && entry.activity.text === 'Slow');

    // Teams takes its time answering the first instance's send.
    first.connector.holdSendsAfter(0);
    await outbox.enqueue({ schoolId: SCHOOL_ID, key: 'k-slow', to: { kind: 'person', personId: 'P1' }, text: 'Slow' });
    const firstFlush = first.waypoint.outboxSender.flush();
    await vi.waitFor(() => expect(first.connector.heldSends()).toBe(1), { timeout: 10_000 });

    // Past the claim as it was taken; the sending instance renews it while it waits (real time).
    clock = new Date(clock.getTime() + (CLAIM_SECONDS + 1) * 1000);
    await new Promise((resolve) => setTimeout(resolve, (CLAIM_SECONDS * 1000 * 2) / 3));
    // The second instance's poll: it finds nothing to send (or, wrongly, sends it too).
    const secondFlush = second.waypoint.outboxSender.flush();
    const secondSend = vi.waitFor(() => expect(first.connector.heldSends()).toBe(2), { timeout: 5_000 }).catch(() => undefined);
    await Promise.race([secondFlush, secondSend]);
    expect(first.connector.heldSends()).toBe(1);

    // Teams answers at last (the client's own retry goes through): sent once, marked sent once.
    first.connector.releaseHeldSends();
    await Promise.all([firstFlush, secondFlush]);
    await second.waypoint.outboxSender.flush();
    expect(delivered()).toHaveLength(1);
    expect((await outbox.history(SCHOOL_ID)).find((entry) => entry.message.key === 'k-slow')).toMatchObject({
      status: 'sent',
      attempts: 1,
    });
  }, 30_000);
});

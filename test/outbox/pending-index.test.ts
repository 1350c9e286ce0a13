// The outbox's "what is due" reads a pending index, not the sent history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeKey } from '../../src/storage/keys';
import { TestBot } from '../harness/test-bot';

const NOW = new Date('2026-11-23T09:00:00Z');

describe('the outbox pending index', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ now: () => NOW });
  });
  afterAll(async () => bot.stop());

  const outbox = () => bot.waypoint.services.outbox;
  const table = () => bot.waypoint.services.storage.table('outbox', 'north');
  const indexed = async () => {
    const keys: string[] = [];
    for await (const entity of bot.waypoint.services.storage.table('outboxPending').listEntities())
      keys.push(`${entity.partitionKey}/${entity.rowKey}`);
    return keys.sort();
  };
  const message = (key: string) => ({ schoolId: 'north', key, to: { kind: 'person' as const, personId: 'P1' }, text: 'Hello' });

  it('indexes a message while it is pending, and drops it from the index once sent', async () => {
    await outbox().enqueue(message('k1'));
    expect(await indexed()).toEqual(['north/k1']);
    const [due] = await outbox().due(10);
    expect(due?.message.key).toBe('k1');
    await outbox().markSent(due!);
    expect(await indexed()).toEqual([]);
    expect(await outbox().due(10)).toEqual([]);
    // Queuing it again neither sends it again nor leaves an index entry behind.
    expect(await outbox().enqueue(message('k1'))).toBe('already-queued');
    expect(await indexed()).toEqual([]);
  });

  it('keeps a message that failed and will be retried indexed at its new time, and drops one given up on', async () => {
    await outbox().enqueue(message('k2'));
    const [due] = await outbox().due(10);
    await outbox().markFailed(due!, 'no-conversation', 3_600_000);
    expect(await outbox().due(10)).toEqual([]);
    expect(await indexed()).toEqual(['north/k2']);
    const [stored] = (await outbox().history('north')).filter((entry) => entry.message.key === 'k2');
    await outbox().markFailed(stored!, 'no-conversation', undefined);
    expect(await indexed()).toEqual([]);
  });

  it(
    'does not see a pending message that has no index entry until the daily reindex, and drops an index entry whose message ' + 'is gone',
    async () => {
      await table().createEntity({
        partitionKey: 'north',
        rowKey: encodeKey('legacy'),
        message: JSON.stringify(message('legacy')),
        status: 'pending',
        attempts: 0,
        dueAt: NOW.toISOString(),
      });
      expect(await outbox().due(10)).toEqual([]);
      expect(await outbox().reindexPending()).toBe(1);
      expect((await outbox().due(10)).map((entry) => entry.message.key)).toEqual(['legacy']);

      await table().deleteEntity('north', encodeKey('legacy'));
      expect(await outbox().due(10)).toEqual([]);
      expect(await indexed()).toEqual([]);
    },
  );

  it('removes a message and its index entry together', async () => {
    await outbox().enqueue(message('k3'));
    await outbox().remove('north', encodeKey('k3'));
    expect(await indexed()).toEqual([]);
    expect((await outbox().history('north')).map((entry) => entry.message.key)).not.toContain('k3');
  });
});

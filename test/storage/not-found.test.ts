import type { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteIfPresent, tryGet } from '../../src/storage/not-found';
import { SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

// One read and one delete that treat "not there" (404) as an answer, not a failure, on real Azurite.

describe('reading and deleting an entity that may not be there', () => {
  let bot: TestBot;
  const settings = () => bot.waypoint.services.storage.table('settings', SCHOOL_ID);

  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([]) });
  });
  afterAll(async () => bot?.stop());

  it('reads an entity, or undefined once it is deleted; deleting it again is harmless', async () => {
    await settings().upsertEntity({ partitionKey: SCHOOL_ID, rowKey: 'probe', note: 'here' }, 'Replace');
    expect((await tryGet<{ note: string }>(settings(), SCHOOL_ID, 'probe'))?.note).toBe('here');

    await deleteIfPresent(settings(), SCHOOL_ID, 'probe');
    expect(await tryGet(settings(), SCHOOL_ID, 'probe')).toBeUndefined();
    await expect(deleteIfPresent(settings(), SCHOOL_ID, 'probe')).resolves.toBeUndefined();
  });

  it('throws any failure other than not found', async () => {
    const unavailable = Object.assign(new Error('storage unavailable'), { statusCode: 503 });
    const failing = { getEntity: () => Promise.reject(unavailable), deleteEntity: () => Promise.reject(unavailable) };
    await expect(tryGet(failing as unknown as TableClient, SCHOOL_ID, 'probe')).rejects.toBe(unavailable);
    await expect(deleteIfPresent(failing as unknown as TableClient, SCHOOL_ID, 'probe')).rejects.toBe(unavailable);
  });
});

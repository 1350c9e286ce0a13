// Erasure is not undone by a running bot (issue 23, item 6): an instance that still has the pupil
// cached (roster and Teams identity) serves her next message from a new chat, but writes neither
// her identity nor her chat back; once an import puts her on the roster again, she is linked again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyErasure, planErasure } from '../../src/erasure/erase-person';
import { person, SCHOOL_ID, schoolWith, TEST_TENANT, TestBot } from '../harness/test-bot';
import { traces } from './traces';

const ava = person({ id: 'P1', role: 'pupil', givenName: 'Ava', familyName: 'Quinlan', email: 'ava.q@school.example', yearGroup: 11 });
const ben = person({ id: 'P10', role: 'pupil', givenName: 'Ben', familyName: 'Roy', email: 'ben.roy@school.example', yearGroup: 11 });

describe('an erased pupil messaging an instance that still has her cached', () => {
  let eraser: TestBot;
  let running: TestBot;
  const newChat = (id: string) => ({ conversation: { id, conversationType: 'personal', tenantId: TEST_TENANT } });

  beforeAll(async () => {
    eraser = await TestBot.start({ school: schoolWith([ava, ben]) });
    running = await TestBot.start({ storage: eraser.storage });
    // The running instance knows her: her identity, her chat and the roster are in its caches.
    await running.say(running.userFor(ava), 'help');
    await running.say(running.userFor(ben), 'help');
    const { services } = eraser.waypoint;
    await applyErasure(services, (await planErasure(services, SCHOOL_ID, 'P1'))!, 'erase');
    expect(await traces(eraser, ava)).toEqual([]);
  });
  afterAll(async () => {
    await running?.stop();
    await eraser?.stop();
  });

  it('writes neither her identity nor her chat back, from a new chat or the old one', async () => {
    const user = running.userFor(ava);
    await running.say(user, 'help', newChat('a:personal-new-chat'));
    await running.say(user, 'my record');
    expect(await traces(eraser, ava)).toEqual([]);
    // Someone else is linked as before.
    await running.say(running.userFor(ben), 'help', newChat('a:personal-ben-new'));
    expect(await running.waypoint.services.conversations.find(SCHOOL_ID, 'person:P10')).toMatchObject({
      conversation: { id: 'a:personal-ben-new' },
    });
  });

  it('links her again once an import puts her back on the roster, and lifts the tombstone', async () => {
    const { school, storage } = eraser.waypoint.services;
    await school.import(SCHOOL_ID, { people: [ava] }, await school.load(SCHOOL_ID));
    const tombstones = [];
    for await (const entity of storage.table('erasures').listEntities()) tombstones.push(entity);
    expect(tombstones).toEqual([]);
    await running.say(running.userFor(ava), 'help', newChat('a:personal-readmitted'));
    expect(await running.waypoint.services.conversations.find(SCHOOL_ID, 'person:P1')).toMatchObject({
      conversation: { id: 'a:personal-readmitted' },
    });
    expect((await traces(eraser, ava)).map((trace) => trace.split(':')[0]).sort()).toEqual([
      'conversations',
      'emailIndex',
      'identities',
      'people',
    ]);
  });
});

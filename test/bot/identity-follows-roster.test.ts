// Identity follows the roster (docs/school-data-format.md, "Leavers and the school year"): a Teams user
// is whoever is on roll with their sign-in name now, re-checked on every message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Person } from '../../src/domain/school';
import { importSchoolFolder } from '../../src/school-transfer/import-folder';
import { personalChatKey } from '../../src/storage/conversation-store';
import { cardText, person, TestBot } from '../harness/test-bot';
import type { TeamsUser } from '../harness/fake-teams-connector';

const TODAY = '2026-09-03';
const NOW = new Date(`${TODAY}T09:00:00Z`);

const ava = person({
  id: 'P1',
  role: 'pupil',
  givenName: 'Ava',
  familyName: 'Patel',
  email: 'ava.patel@north.example',
  yearGroup: 10,
  form: '10B',
});
const ben = person({
  id: 'P2',
  role: 'pupil',
  givenName: 'Ben',
  familyName: 'Roy',
  email: 'ben.roy@north.example',
  yearGroup: 11,
  form: '11A',
});
const sam = person({
  id: 'T1',
  role: 'teacher',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam.okafor@trust.example',
  subjects: ['Mathematics'],
});
const samAtSouth = person({
  id: 'S-T77',
  role: 'teacher',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam.okafor@trust.example',
  subjects: ['Chemistry'],
});
const southLeader = person({ id: 'S-L1', role: 'careers_leader', givenName: 'Jo', familyName: 'Reid', email: 'jo.reid@trust.example' });

/** Imports a whole roster for the school through the given instance, as an import would. */
async function importRoster(bot: TestBot, schoolId: string, people: Person[]): Promise<void> {
  const { school } = bot.waypoint.services;
  await school.import(schoolId, { people }, await school.load(schoolId));
}

async function whoIs(bot: TestBot, user: TeamsUser): Promise<string> {
  const replies = await bot.say(user, 'my details');
  expect(replies).toHaveLength(1);
  return cardText(replies[0]!);
}

describe('identity follows the roster', () => {
  let bot: TestBot;
  let second: TestBot;
  // The first instance's roster cache tells time by this, so the test moves past its second without waiting.
  let cacheMs = 0;
  beforeAll(async () => {
    bot = await TestBot.start({ now: () => NOW, cacheClock: () => cacheMs, env: { WAYPOINT_ROSTER_CACHE_SECONDS: '1' } });
    second = await TestBot.start({ now: () => NOW, storage: bot.storage });
  });
  afterAll(async () => {
    await second?.stop();
    await bot?.stop();
  });

  it('moves a swapped email to the right person when corrected: the wrong one loses access, the right one gets it', async () => {
    // The MIS had Ava's and Ben's emails the wrong way round.
    await importRoster(bot, 'north', [
      { ...ava, email: ben.email },
      { ...ben, email: ava.email },
    ]);
    const avaUser = bot.userFor(ava);
    expect(await whoIs(bot, avaUser)).toContain('Ben Roy');

    await importRoster(bot, 'north', [ava, ben]);
    const seen = await whoIs(bot, avaUser);
    expect(seen).toContain('Ava Patel');
    expect(seen).not.toContain('Ben Roy');
    // Ben's proactive messages no longer go to Ava's chat.
    const bensChat = await bot.waypoint.services.conversations.find('north', personalChatKey('P2'));
    expect(bensChat?.conversation?.id).not.toBe(bot.personalConversation(avaUser));
    expect(await whoIs(bot, bot.userFor(ben))).toContain('Ben Roy');
  });

  it('re-resolves within the roster cache time when another instance imports the correction', async () => {
    // Swapped at first: the user signing in as ava@ is shown Ben's record.
    await importRoster(second, 'east', [
      { ...ava, id: 'E1', email: 'ben@east.example' },
      { ...ben, id: 'E2', email: 'ava@east.example' },
    ]);
    const avaUser = bot.userFor({ ...ava, email: 'ava@east.example' });
    cacheMs += 1_001;
    expect(await whoIs(bot, avaUser)).toContain('Ben Roy');

    await importRoster(second, 'east', [
      { ...ava, id: 'E1', email: 'ava@east.example' },
      { ...ben, id: 'E2', email: 'ben@east.example' },
    ]);
    // Within the cache time this instance still holds the swapped roster; just past it, the correction.
    cacheMs += 999;
    expect(await whoIs(bot, avaUser)).toContain('Ben Roy');
    cacheMs += 2;
    expect(await whoIs(bot, avaUser)).toContain('Ava Patel');
  });

  it('follows a teacher who moves to another school of the trust, refusing while both schools have them on roll', async () => {
    await importRoster(bot, 'north', [ava, ben, sam]);
    await importRoster(bot, 'south', [southLeader]);
    const samUser = bot.userFor(sam);
    expect(await whoIs(bot, samUser)).toContain('Mathematics');

    // The new school imports them before the old one marks them left.
    await importRoster(bot, 'south', [southLeader, samAtSouth]);
    for (const text of ['my details', 'help', 'my links']) {
      const replies = await bot.say(samUser, text);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.text).toMatch(/on the roster of more than one school.*contact your school/s);
      expect(replies[0]!.attachments ?? []).toHaveLength(0);
    }

    await importRoster(bot, 'north', [ava, ben, { ...sam, leftOn: TODAY }]);
    const seen = await whoIs(bot, samUser);
    expect(seen).toContain('Chemistry');
    expect(seen).not.toContain('Mathematics');
    expect(await bot.waypoint.services.identities.find({ tenantId: samUser.tenantId, aadObjectId: samUser.aadObjectId })).toMatchObject({
      schoolId: 'south',
      personId: 'S-T77',
    });
  });

  it('tells a leaver politely that they are not on the roster, and lets them do nothing else until re-admitted', async () => {
    await importRoster(bot, 'north', [ava, ben]);
    const benUser = bot.userFor(ben);
    expect(await whoIs(bot, benUser)).toContain('Ben Roy');

    await importRoster(bot, 'north', [ava, { ...ben, leftOn: TODAY }]);
    for (const text of ['help', 'my record', 'book a meeting', 'my details']) {
      const replies = await bot.say(benUser, text);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.text).toMatch(/no longer on your school’s roster/);
      expect(replies[0]!.attachments ?? []).toHaveLength(0);
    }
    const card = await bot.execute(benUser, 'meeting.slots', {});
    expect(JSON.stringify(card.body)).toMatch(/no longer on your school’s roster/);
    expect(await bot.waypoint.services.conversations.find('north', personalChatKey('P2'))).toBeUndefined();

    await importRoster(bot, 'north', [ava, ben]);
    expect(await whoIs(bot, benUser)).toContain('Ben Roy');
  });

  it('checks a link remembered before sign-in names were kept against the Teams roster API once, then keeps the name', async () => {
    await importRoster(bot, 'north', [ava, ben]);
    const avaUser = bot.userFor(ava);
    const identity = { tenantId: avaUser.tenantId, aadObjectId: avaUser.aadObjectId };
    await bot.waypoint.services.identities.remember(identity, { schoolId: 'north', personId: 'P2' });
    expect(await whoIs(bot, avaUser)).toContain('Ava Patel');
    expect(await bot.waypoint.services.identities.find(identity)).toMatchObject({ schoolId: 'north', personId: 'P1', signIn: ava.email });
  });

  it('reaches a leaver with no more messages once an import marks them left, and again once re-admitted', async () => {
    const benUser = bot.userFor(ben);
    expect(await whoIs(bot, benUser)).toContain('Ben Roy');
    const header = 'id,role,given_name,family_name,email,year_group,form,left_on';
    const roster = (benLeftOn: string) =>
      [header, 'P1,pupil,Ava,Patel,ava.patel@north.example,10,10B,', `P2,pupil,Ben,Roy,ben.roy@north.example,11,11A,${benLeftOn}`].join(
        '\n',
      ) + '\n';
    const importRosterFile = async (text: string) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'waypoint-leaver-'));
      writeFileSync(path.join(dir, 'people.csv'), text);
      expect((await importSchoolFolder(bot.waypoint.services, 'north', dir, 'test')).ok).toBe(true);
    };
    const messageBen = async (key: string) => {
      await bot.waypoint.services.outbox.enqueue({
        schoolId: 'north',
        key,
        to: { kind: 'person', personId: 'P2' },
        text: `Reminder ${key}`,
      });
      await bot.waypoint.outboxSender.flush();
      return bot.connector.sent.filter((entry) => entry.activity.text === `Reminder ${key}`);
    };

    await importRosterFile(roster(TODAY));
    expect(await messageBen('after-leaving')).toHaveLength(0);

    await importRosterFile(roster(''));
    expect(await whoIs(bot, benUser)).toContain('Ben Roy');
    const delivered = await messageBen('after-return');
    expect(delivered.map((entry) => entry.conversationId)).toEqual([bot.personalConversation(benUser)]);
  });

  it('logs ids, never names or emails', () => {
    const logs = [...bot.logLines, ...second.logLines].join('\n');
    for (const secret of ['Patel', 'Okafor', 'north.example', 'trust.example', 'east.example']) expect(logs).not.toContain(secret);
  });
});

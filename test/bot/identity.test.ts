import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, person, schoolWith, TestBot } from '../harness/test-bot';

const pupil = person({
  id: 'P100',
  role: 'pupil',
  givenName: 'Ava',
  familyName: 'Patel',
  email: 'Ava.Patel@school.example',
  yearGroup: 10,
  form: '10B',
});
const teacher = person({
  id: 'T100',
  role: 'teacher',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam.okafor@school.example',
  subjects: ['Mathematics'],
});
const leader = person({ id: 'S100', role: 'careers_leader', givenName: 'Jo', familyName: 'Reid', email: 'jo.reid@school.example' });

describe('who is who', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([pupil, teacher, leader]) });
  });
  afterAll(async () => bot.stop());

  it('greets a pupil on the roster by name, matched by sign-in name ignoring case', async () => {
    const user = bot.userFor({ ...pupil, email: 'ava.patel@SCHOOL.example' });
    const [reply] = await bot.say(user, 'help');
    expect(cardText(reply!)).toContain('Hi Ava');
    expect(cardText(reply!)).toContain('Pupil, Year 10');
  });

  it('remembers the Teams user after the first lookup, without asking the roster API again', async () => {
    const user = bot.userFor(teacher);
    await bot.say(user, 'help');
    // Gone from the Teams roster API now: only the remembered tenant + object id can name them.
    bot.connector.addMember({ ...user, userPrincipalName: 'someone.else@school.example' });
    const [reply] = await bot.say(user, 'my details');
    expect(cardText(reply!)).toContain('Sam Okafor');
    expect(cardText(reply!)).toContain('Teacher');
    expect(cardText(reply!)).toContain('Mathematics');
  });

  it('tells someone who is not on the roster so, politely, and nothing else', async () => {
    const stranger = bot.userFor({ id: 'X1', givenName: 'Pat', familyName: 'Visitor', email: 'pat.visitor@elsewhere.example' });
    for (const text of ['help', 'my details', 'show me everyone']) {
      const replies = await bot.say(stranger, text);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.text).toMatch(/can’t find you on your school’s roster/);
      expect(replies[0]!.attachments ?? []).toHaveLength(0);
    }
  });

  it('refuses a user from another tenant even when their email is on the roster', async () => {
    const intruder = bot.userFor(leader, 'another-tenant-0000');
    const replies = await bot.say(intruder, 'my details');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(/set up for another organisation/);
    expect(replies[0]!.attachments ?? []).toHaveLength(0);
  });

  it('answers an unknown message from a known user with a pointer to help', async () => {
    const user = bot.userFor(pupil);
    const [reply] = await bot.say(user, 'what is the meaning of life');
    expect(reply!.text).toMatch(/didn’t understand.*help/);
  });

  it('welcomes a person who installs the app with their help card', async () => {
    const user = bot.userFor(leader);
    const activity = { ...bot.baseActivity(user), type: 'conversationUpdate', membersAdded: [{ id: '28:waypoint-bot' }] };
    const before = bot.connector.sent.length;
    await bot.post(activity);
    const replies = bot.connector.sent.slice(before).map((entry) => entry.activity);
    expect(replies).toHaveLength(1);
    expect(cardText(replies[0]!)).toContain('Welcome to Waypoint, Jo');
  });

  it('logs ids, never names or emails', () => {
    const logs = bot.logLines.join('\n');
    expect(logs).toContain('P100');
    for (const secret of ['Ava', 'Patel', 'ava.patel', 'Okafor', 'Reid', 'elsewhere.example']) expect(logs).not.toContain(secret);
  });
});

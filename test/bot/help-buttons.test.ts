import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Person, type Role } from '../../src/domain/school';
import { cardOf, cardText, person, press, schoolWith, TestBot } from '../harness/test-bot';

// One person per role, each pressing every button their help card offers (the first six, then
// "More" for the rest): each must answer exactly as typing the command does.
const people: Record<Role, Person> = {
  pupil: person({ id: 'P1', role: 'pupil', givenName: 'Ava', familyName: 'Patel', email: 'ava@school.example', yearGroup: 10 }),
  teacher: person({
    id: 'T1',
    role: 'teacher',
    givenName: 'Sam',
    familyName: 'Okafor',
    email: 'sam@school.example',
    subjects: ['Mathematics'],
  }),
  careers_leader: person({ id: 'L1', role: 'careers_leader', givenName: 'Lee', familyName: 'Grant', email: 'lee@school.example' }),
  careers_adviser: person({ id: 'A1', role: 'careers_adviser', givenName: 'Ada', familyName: 'Moss', email: 'ada@school.example' }),
  senco: person({ id: 'S1', role: 'senco', givenName: 'Sol', familyName: 'Reyes', email: 'sol@school.example' }),
  admin: person({ id: 'D1', role: 'admin', givenName: 'Dee', familyName: 'Hart', email: 'dee@school.example' }),
};

interface Button {
  type: string;
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

function buttonsOf(card: unknown): Button[] {
  const found: Button[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Action.')) found.push(record as unknown as Button);
    Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}

describe('help and welcome buttons run their command, for every role', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({
      school: schoolWith(Object.values(people), { curriculum: [{ subject: 'Mathematics', yearGroups: [7, 8, 9] }] }),
    });
  });
  afterAll(async () => bot.stop());

  it.each(ROLES)('%s: every button answers as the typed command does, and leaves the card as it was', async (role) => {
    const user = bot.userFor(people[role]);
    const help = cardOf((await bot.say(user, 'help'))[0]);
    const top = buttonsOf(help);
    expect(top.length).toBeGreaterThan(0);
    expect(top.length).toBeLessThanOrEqual(6);
    // No button sends text the Playground would drop.
    for (const button of top) expect(button.type).toBe('Action.Execute');

    const more = top.find((button) => button.title === 'More');
    const all = more ? cardOf(await press(bot, user, help, 'More')) : help;
    const everyButton = buttonsOf(all).filter((button) => button.title !== 'More');
    for (const button of top.filter((b) => b.title !== 'More')) expect(everyButton.map((b) => b.title)).toContain(button.title);

    for (const button of everyButton) {
      expect(button.type).toBe('Action.Execute');
      const command = button.data.command as string;
      const typed = await bot.say(user, command);
      const before = bot.connector.sent.length;
      const pressed = await press(bot, user, all, button.title);
      const answered = bot.connector.sent.slice(before).map((entry) => entry.activity);
      expect(answered.length, `${role} pressed “${button.title}”`).toBe(typed.length);
      expect(
        answered.map((activity) => cardText(activity)),
        `${role} pressed “${button.title}”`,
      ).toEqual(typed.map((activity) => cardText(activity)));
      expect(cardText(answered[0]!)).not.toMatch(/didn’t understand|only .* can do that/);
      // The card it was pressed on stays as it was.
      expect(cardText(cardOf(pressed))).toBe(cardText(all));
    }
  });
});

describe('each role’s help leads with its own work', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({
      school: schoolWith(Object.values(people), { curriculum: [{ subject: 'Mathematics', yearGroups: [7, 8, 9] }] }),
    });
  });
  afterAll(async () => bot.stop());

  const firstButtons: Partial<Record<Role, string[]>> = {
    pupil: ['Book a careers meeting', 'My meeting', 'My careers record'],
    teacher: ['Log a careers link', 'My links'],
    careers_adviser: ['My diary', 'My slots', 'Meeting requests'],
    careers_leader: ['Benchmark report', 'Gaps now', 'Record an activity'],
    senco: ['Benchmark report', 'Pupil record', 'Leavers'],
    admin: ['School settings', 'Benchmark report', 'Gaps now', 'Leavers'],
  };

  it.each(Object.entries(firstButtons))('%s: own work first, at most six buttons, the rest behind “More”', async (role, expected) => {
    const user = bot.userFor(people[role as Role]);
    const titles = buttonsOf(cardOf((await bot.say(user, 'help'))[0])).map((button) => button.title);
    expect(titles.slice(0, expected!.length)).toEqual(expected);
    expect(titles.length).toBeLessThanOrEqual(6);
  });

  it('gives the leader, who has many commands, five of them and “More”', async () => {
    const user = bot.userFor(people.careers_leader);
    const help = cardOf((await bot.say(user, 'help'))[0]);
    expect(
      buttonsOf(help)
        .map((button) => button.title)
        .at(-1),
    ).toBe('More');
    const all = cardOf(await press(bot, user, help, 'More'));
    expect(buttonsOf(all).length).toBeGreaterThan(6);
    expect(cardText(all)).toContain('School settings');
  });

  it('answers what it did not understand with the role’s top actions, not a bare sorry', async () => {
    const user = bot.userFor(people.careers_adviser);
    const [reply] = await bot.say(user, 'flibbertigibbet');
    expect(reply!.text).toMatch(/didn’t understand/);
    const titles = buttonsOf(cardOf(reply)).map((button) => button.title);
    const helpTitles = buttonsOf(cardOf((await bot.say(user, 'help'))[0])).map((button) => button.title);
    expect(titles).toEqual(helpTitles);
    // And its buttons work like the help card's.
    const pressed = await press(bot, user, cardOf(reply), 'My diary');
    expect(cardText(cardOf(pressed))).toBe(cardText(cardOf(reply)));
  });

  it('greets a new personal chat with working buttons', async () => {
    const user = bot.userFor(people.pupil);
    const before = bot.connector.sent.length;
    const response = await bot.post({ ...bot.baseActivity(user), type: 'conversationUpdate', membersAdded: [{ id: user.id }] });
    expect(response.status).toBeLessThan(300);
    const welcome = cardOf(bot.connector.sent[before]!.activity);
    expect(cardText(welcome)).toContain('Welcome to Waypoint');
    const answered = bot.connector.sent.length;
    const pressed = await press(bot, user, welcome, 'My careers record');
    expect(cardText(cardOf(pressed))).toContain('Welcome to Waypoint');
    expect(bot.connector.sent.length).toBeGreaterThan(answered);
  });

  it('refuses a help button naming a command that is not on any help card', async () => {
    const user = bot.userFor(people.pupil);
    const before = bot.connector.sent.length;
    const result = await bot.execute(user, 'help.run', { command: 'delete all links' });
    expect(cardText(cardOf(result))).toMatch(/nothing was changed/);
    expect(bot.connector.sent.length).toBe(before);
    const refused = await bot.execute(user, 'help.run', { command: 'my diary' });
    expect(cardOf(refused)).toBeTruthy();
    expect(cardText(bot.connector.sent.at(-1)!.activity)).toMatch(/only careers advisers or the careers leader can do that/);
  });

  it('in a team channel lists only what answers there, and a pressed button answers the rest privately', async () => {
    const user = bot.userFor(people.careers_leader);
    await bot.say(user, 'hello');
    const channel = { teamId: 'team-1', channelId: '19:careers@thread.tacv2' };
    const help = cardOf((await bot.sayInChannel(user, channel, 'help'))[0]);
    const titles = buttonsOf(help).map((button) => button.title);
    expect(titles).toEqual(['Gaps now', 'Weekly digest']);
    // A forged button for a private command, pressed in the channel, answers in the personal chat.
    const before = bot.connector.sent.length;
    const result = await bot.execute(user, 'help.run', { command: 'report' }, bot.channelActivity(user, channel));
    expect(cardText(cardOf(result))).toContain('Others can read this conversation');
    const sent = bot.connector.sent.slice(before);
    expect(
      sent
        .filter((entry) => entry.conversationId === bot.personalConversation(user))
        .map((entry) => cardText(entry.activity))
        .join('\n'),
    ).toContain('Benchmark');
    expect(sent.filter((entry) => entry.conversationId !== bot.personalConversation(user)).map((entry) => entry.activity.text)).toEqual([
      'I’ve sent you that in our private chat.',
    ]);
  });
});

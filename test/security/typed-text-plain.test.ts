import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, generateDemoSchool } from '../../src/schooldata/demo-school';
import { cardOf, press, TestBot } from '../harness/test-bot';
import { adviser, ava, Clock, seedSlot, slotButton, startMeetingBot } from '../meetings/meeting-fixtures';

// What a pupil types reaches staff in cards. Markdown in it must stay text: no link to click, no
// image fetched, no formatting.

const AS_OF = '2026-03-04';
const MARKDOWN = 'Help with [your exam results](https://evil.example/login) ![tracker](https://evil.example/t.png) **urgent**';

/** Every string a card would render as markdown: TextBlock text and FactSet titles and values. */
function markdownRendered(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'TextBlock' && typeof record.text === 'string') found.push(record.text);
    if (record.type === 'FactSet')
      for (const fact of record.facts as Array<{ title: string; value: string }>) found.push(fact.title, fact.value);
    Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}

/** The text of every TextRun: never read as markdown. */
function plainRuns(card: unknown): string[] {
  return (
    JSON.stringify(card)
      .match(/"type":"TextRun","text":"(?:[^"\\]|\\.)*"/g)
      ?.map((run) => JSON.parse(`{${run}}`).text as string) ?? []
  );
}

describe('text typed by pupils, shown to staff', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ school: generateDemoSchool({ asOf: AS_OF, pupilsPerYear: 3 }), now: () => new Date(`${AS_OF}T10:00:00Z`) });
    const pupil = bot.userFor(DEMO_PEOPLE.pupilYear10);
    expect(
      (await bot.execute(pupil, 'meeting.request', { reason: MARKDOWN, preferredTimes: `[any](https://evil.example) time` })).status,
    ).toBe(200);
    expect((await bot.execute(pupil, 'record.savePlans', { kind: 'aspiration', destination: MARKDOWN })).status).toBe(200);
  });
  afterAll(async () => bot?.stop());

  it('shows a meeting request’s reason and times as plain text in the adviser’s queue', async () => {
    const [reply] = await bot.say(bot.userFor(DEMO_PEOPLE.adviser), 'requests');
    const card = cardOf(reply);
    expect(plainRuns(card)).toEqual(expect.arrayContaining([MARKDOWN, 'Times that suit: [any](https://evil.example) time']));
    for (const text of markdownRendered(card)) expect(text).not.toContain('evil.example');
  });

  it('shows a pupil’s plans as plain text in their record', async () => {
    const [reply] = await bot.say(bot.userFor(DEMO_PEOPLE.adviser), `record ${DEMO_PEOPLE.pupilYear10.id}`);
    const card = cardOf(reply);
    expect(plainRuns(card).some((run) => run.includes(MARKDOWN))).toBe(true);
    for (const text of markdownRendered(card)) expect(text).not.toContain('evil.example');
  });
});

describe('a meeting topic typed by a pupil, in the adviser’s diary', () => {
  const clock = new Clock();
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startMeetingBot({ clock });
  });
  afterAll(async () => bot?.stop());

  it('is plain text', async () => {
    await seedSlot(bot, '2026-03-03T10:20');
    const pupil = bot.userFor(ava);
    const [list] = await bot.say(pupil, 'book a meeting');
    const button = slotButton(cardOf(list), 'Tue 3 Mar 2026', '10:20');
    const confirm = cardOf(await bot.execute(pupil, button.verb, button.data));
    expect((await press(bot, pupil, confirm, 'Confirm booking', { topic: MARKDOWN })).status).toBe(200);
    const [diary] = await bot.say(bot.userFor(adviser), 'my diary');
    const card = cardOf(diary);
    expect(plainRuns(card)).toContain(`To talk about: ${MARKDOWN}`);
    for (const text of markdownRendered(card)) expect(text).not.toContain('evil.example');
  });
});

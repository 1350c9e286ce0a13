import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topUpDemoSlots } from '../../src/demo/demo-slots';
import { topUpDemoTasks } from '../../src/demo/demo-tasks';
import { seedDemoSchoolIfEmpty } from '../../src/demo/seed-demo-school';
import { DEMO_PEOPLE } from '../../src/schooldata/demo-school';
import { cardOf, cardText, SCHOOL_ID, TestBot } from '../harness/test-bot';
import { Clock } from '../meetings/meeting-fixtures';
import { STAFF_PHRASES } from './staff-phrases';

// Each person's own words: the demo pupil reads what she did and what is next, never the
// benchmark rules' wording or what staff must do; her adviser still reads the rule wording.

/** Every button title on a card, wherever it sits (action sets inside rows included). */
function buttonTitles(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(buttonTitles);
  if (!node || typeof node !== 'object') return [];
  const entry = node as Record<string, unknown>;
  const own = typeof entry.type === 'string' && entry.type.startsWith('Action.') && typeof entry.title === 'string' ? [entry.title] : [];
  return [...own, ...Object.values(entry).flatMap(buttonTitles)];
}

describe('the demo pupil’s own cards speak her words', () => {
  const clock = new Clock(new Date('2026-12-02T10:00:00Z'));
  let bot: TestBot;
  const { adviser, pupilYear10: ava } = DEMO_PEOPLE;
  const cardFor = async (who: Parameters<TestBot['userFor']>[0], text: string) => cardOf((await bot.say(bot.userFor(who), text))[0]);

  beforeAll(async () => {
    bot = await TestBot.start({ now: clock.now });
    expect(await seedDemoSchoolIfEmpty(bot.waypoint.services, SCHOOL_ID)).toBe(true);
    await topUpDemoSlots(bot.waypoint.services, SCHOOL_ID);
    await topUpDemoTasks(bot.waypoint.services, SCHOOL_ID);
  }, 60_000);
  afterAll(async () => bot.stop());

  it.each(['my record', 'help', 'my meeting', 'my actions', 'my plans'])(
    '“%s” holds no staff wording, and every button is its own and fits',
    async (said) => {
      const card = await cardFor(ava, said);
      const text = cardText(card);
      expect(text.length).toBeGreaterThan(0);
      for (const phrase of STAFF_PHRASES) expect(text, `${said}: “${phrase}”`).not.toContain(phrase);
      const titles = buttonTitles(card);
      expect(
        titles.filter((title, index) => titles.indexOf(title) !== index),
        `${said}: repeated buttons`,
      ).toEqual([]);
      expect(
        titles.filter((title) => title.length > 30),
        `${said}: long buttons`,
      ).toEqual([]);
    },
  );

  it('shows her own agreed action as plain text above a short “Mark done”', async () => {
    const card = await cardFor(ava, 'my actions');
    expect(cardText(card)).toContain('Look up two engineering apprenticeships');
    expect(buttonTitles(card)).toContain('Mark done');
  });

  it('keeps the rule wording on her adviser’s view of the same record', async () => {
    const text = cardText(await cardFor(adviser, `record ${ava.givenName} ${ava.familyName}`));
    expect(text).toContain('Benchmark');
    expect(text).toMatch(/meaningful|written up/);
  });
});

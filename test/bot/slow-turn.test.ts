// teams-ai 1.7.4 starts a typing timer in Application.run whatever its options say, so a turn that
// takes over a second sends a `typing` activity before its answer. The answer must still come, and
// the harness keeps typing indicators out of the replies it hands to tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, person, schoolWith, TestBot } from '../harness/test-bot';

const ava = person({ id: 'P1', role: 'pupil', givenName: 'Ava', familyName: 'Patel', email: 'ava@school.example', yearGroup: 10 });

describe('a turn slower than a second', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([ava]) });
  });
  afterAll(async () => bot.stop());

  it('shows typing, then ends with its card', async () => {
    // Teams' roster API answering slowly makes the first turn of someone new slow.
    bot.connector.memberLookupDelayMs = 1_500;
    const user = bot.userFor(ava);
    const conversation = bot.personalConversation(user);

    const replies = await bot.say(user, 'help');

    expect(bot.connector.typing.filter((entry) => entry.conversationId === conversation).length).toBeGreaterThan(0);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(replies[0]!)).toContain('Hi Ava');
  });
});

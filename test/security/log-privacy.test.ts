import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person, schoolWith, TestBot } from '../harness/test-bot';

const pupil = person({ id: 'P1', role: 'pupil', givenName: 'Ava', familyName: 'Patel', email: 'ava.patel@school.example', yearGroup: 11 });

// Every TestBot checks its own logs for roster names, emails and meeting notes when it stops
// (test/harness/test-bot.ts), so a leak anywhere in the run fails that file. This proves the check bites.
describe('the log privacy guard', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({
      school: schoolWith([pupil], {
        meetings: [
          {
            id: 'M1',
            pupilId: 'P1',
            adviserId: 'A1',
            startsAt: '2026-01-10T10:00',
            status: 'completed',
            advice: 'Consider the engineering apprenticeship',
            agreedActions: 'Visit the college open day',
          },
        ],
      }),
    });
  });
  afterAll(async () => bot.stop());

  it('finds a name, an email or note text in a log line', async () => {
    await bot.say(bot.userFor(pupil), 'help');
    expect(await bot.personalDataInLogs()).toEqual([]);
    for (const leak of ['Patel', 'AVA.PATEL@school.example', 'consider the engineering apprenticeship']) {
      bot.waypoint.services.log.info('leaky', { detail: leak });
      expect((await bot.personalDataInLogs()).length).toBeGreaterThan(0);
      bot.logLines.pop();
    }
  });
});

import { addDays } from '../../src/domain/calendar';
import { schoolDateOf } from '../../src/domain/school-time';
import { slotKeyOf, type Slot } from '../../src/journeys/meetings/meeting-codecs';
import { MEETING_VERBS } from '../../src/journeys/meetings/meeting-verbs';
import { DEMO_PEOPLE } from '../../src/schooldata/demo-school';
import { postJson } from '../bench-http';
import { startBotChild } from '../bot-child';
import { executeActivity } from '../teams-activities';
import { timed } from '../timing';
import { CONVERSATIONS, RACERS, say, TURN_SCHOOL_ID, type TurnMeasurement } from '../turn-bench';
import { msLine } from '../turn-lines';
import { runLoad } from '../turn-load';

/**
 * One adviser's slot, published a week ahead; 100 different pupils press "Confirm booking" on it
 * (the `meeting.book` verb) at the same moment. Exactly one may get it; every other one must be
 * told it has gone. A correctness line, printed whatever it finds; not a test.
 */
export const bookingRace: TurnMeasurement = {
  name: 'booking-race',
  async run(bench) {
    const bot = await startBotChild(bench.botEnv);
    try {
      // Each pupil has used the bot before, so the race is about the booking, not first sign-in.
      await runLoad({
        conversations: CONVERSATIONS,
        turns: bench.pupils.length,
        timeLimitMs: 20_000,
        turn: (_conversation, index) => say(bot.url, bench, bench.pupils[index]!, 'help'),
      });

      const adviser = DEMO_PEOPLE.adviser.id;
      const slot: Slot = {
        adviserId: adviser,
        startsAt: `${addDays(schoolDateOf(new Date()), 7)}T10:20`,
        minutes: 30,
        place: 'Careers office',
        createdBy: adviser,
      };
      const slotKey = slotKeyOf(slot.adviserId, slot.startsAt);
      const slots = bench.services.meetingTables.slots;
      await slots.createOnce(TURN_SCHOOL_ID, slot);

      const { ms, result: answers } = await timed(() =>
        Promise.all(
          bench.pupils.map((pupil) =>
            postJson(
              `${bot.url}/api/messages`,
              executeActivity(pupil, bench.connector.url, MEETING_VERBS.book.name, { slotKey, topic: '' }),
            ),
          ),
        ),
      );
      const booked = answers.filter((answer) => answer.text.includes('Meeting booked')).length;
      const gone = answers.filter((answer) => answer.text.includes('that time has just gone')).length;
      const other = answers.length - booked - gone;
      const stored = (await bench.services.school.collections.meetings.list(TURN_SCHOOL_ID)).filter(
        (meeting) => meeting.slotKey === slotKey && meeting.status === 'booked',
      );
      const holder = (await slots.get(TURN_SCHOOL_ID, slotKey))?.item.meetingId;
      const holds = stored.length === 1 && holder === stored[0]!.id;
      const correct = booked === 1 && gone === RACERS - 1 && holds;
      return [
        msLine(`booking race: ${RACERS} pupils book one slot at once`, ms, [], 'until every pupil had an answer'),
        {
          name: 'booking race outcome',
          value: correct ? 'correct' : 'WRONG',
          checks: [
            {
              label: `1 booking, ${RACERS - 1} told the slot has gone`,
              shown:
                `${booked} booked, ${gone} told it has ` +
                `gone${other > 0 ? `, ${other} answered otherwise` : ''}; ${stored.length} meeting ` +
                `stored${holds ? ', holding the slot' : ', the slot not held by it'}`,
              ok: correct,
            },
          ],
        },
      ];
    } finally {
      await bot.stop();
    }
  },
};

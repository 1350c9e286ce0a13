import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { buttonOn, cardOf, cardText, messageOf, person, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

// "Message the teachers" from the gaps: a preview of who gets what, a confirmation, the school's
// consent and every teacher's "stop" respected, and the gaps card left where it was.

const leader = person({ id: 'L1', role: 'careers_leader', givenName: 'Jo', familyName: 'Reid', email: 'jo@school.example' });
const maths = person({
  id: 'T1',
  role: 'teacher',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam@school.example',
  subjects: ['Mathematics'],
});
const art = person({ id: 'T2', role: 'teacher', givenName: 'Lee', familyName: 'Hart', email: 'lee@school.example', subjects: ['Art'] });
const stopper = person({
  id: 'T3',
  role: 'teacher',
  givenName: 'Kim',
  familyName: 'Shaw',
  email: 'kim@school.example',
  subjects: ['Mathematics'],
});
// Left in February: a leaver is asked for nothing.
const leaver = person({
  id: 'T4',
  role: 'teacher',
  givenName: 'Ray',
  familyName: 'Moss',
  email: 'ray@school.example',
  subjects: ['Mathematics'],
  leftOn: '2026-02-27',
});
const pupils = [9, 9, 10, 10].map((yearGroup, index) =>
  person({
    id: `P${index}`,
    role: 'pupil',
    givenName: 'Pupil',
    familyName: `Number${index}`,
    email: `p${index}@school.example`,
    yearGroup,
  }),
);
const curriculum = [
  { subject: 'Mathematics', yearGroups: [9, 10] },
  { subject: 'Art', yearGroups: [9] },
];
// Tue 10 Mar 2026, 10:00 in London.
const NOW = new Date('2026-03-10T10:00:00Z');

describe('“Message the teachers”', () => {
  let bot: TestBot;
  const queued = async () =>
    (await bot.waypoint.services.outbox.history(SCHOOL_ID))
      .map((entry) => entry.message.key)
      .filter((key) => key.startsWith('nudge-links:'))
      .sort();
  const allGaps = async () => cardOf(await bot.execute(bot.userFor(leader), 'digest.all'));

  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([leader, maths, art, stopper, leaver, ...pupils], { curriculum }), now: () => NOW });
    await bot.say(bot.userFor(stopper), 'stop');
  });
  afterAll(async () => bot.stop());

  it('shows Benchmark 4 once, naming its year groups, with one button for all of them', async () => {
    const card = await allGaps();
    const text = cardText(card);
    expect(text.match(/no careers link yet this year/g)).toHaveLength(1);
    expect(text).toContain(
      'Years 9 and 10 have subjects with no careers link yet this year (Year 9 in Art and Mathematics; Year 10 in Mathematics)',
    );
    expect(buttonOn(card, 'Message the teachers').data).toEqual({
      missing: [
        { yearGroup: 9, subjects: ['Art', 'Mathematics'] },
        { yearGroup: 10, subjects: ['Mathematics'] },
      ],
    });
  });

  it('messages nobody while the school’s settings do not allow it', async () => {
    const answer = await press(bot, bot.userFor(leader), await allGaps(), 'Message the teachers');
    expect(messageOf(answer)).toContain('The school’s settings don’t allow Waypoint to message teachers');
    expect(await queued()).toEqual([]);
  });

  it('previews who gets what in a new card, keeps the gaps card, and sends only on confirmation', async () => {
    await bot.waypoint.services.settings.save(SCHOOL_ID, defaultSchoolSettings({ nudgeTeachers: true }), undefined);
    const button = buttonOn(await allGaps(), 'Message the teachers');
    const [preview, answer] = await bot.executeWithReplies(bot.userFor(leader), button.verb, button.data);
    // A message, not a card: the gaps card it was pressed on stays on screen.
    expect(messageOf(answer)).toContain('nothing is sent until you confirm');
    const shown = cardText(cardOf(preview));
    expect(shown).toContain('Message 2 teachers?');
    expect(shown).toContain('Jo Reid (careers) would love a careers link for');
    expect(shown).toContain('Sam Okafor: Mathematics, Year 9; Mathematics, Year 10');
    expect(shown).toContain('Lee Hart: Art, Year 9');
    expect(shown).toContain('One teacher of Art and Mathematics asked me not to send them these reminders, so I’m leaving them out.');
    expect(shown).not.toContain('Kim Shaw');
    expect(shown).not.toContain('Ray Moss');
    expect(await queued()).toEqual([]);

    const cancelled = cardText(cardOf(await press(bot, bot.userFor(leader), cardOf(preview), 'Cancel')));
    expect(cancelled).toContain('I haven’t messaged anyone.');
    expect(await queued()).toEqual([]);

    const confirmed = cardText(cardOf(await press(bot, bot.userFor(leader), cardOf(preview), 'Send to 2 teachers')));
    expect(confirmed).toContain('Queued for 2 teachers');
    expect(confirmed).toContain('I’ve queued a friendly nudge for Sam Okafor, Lee Hart.');
    expect(confirmed).not.toMatch(/\bsent\b/);
    expect(await queued()).toEqual([expect.stringMatching(/^nudge-links:T1:9-10:/), expect.stringMatching(/^nudge-links:T2:9:/)]);
  });

  it('never queues the same nudge twice in a week, and says so', async () => {
    const button = buttonOn(await allGaps(), 'Message the teachers');
    const [preview] = await bot.executeWithReplies(bot.userFor(leader), button.verb, button.data);
    const again = cardText(cardOf(await press(bot, bot.userFor(leader), cardOf(preview), 'Send to 2 teachers')));
    expect(again).toContain('2 were already queued this week, so they aren’t sent twice.');
    expect(await queued()).toHaveLength(2);
  });
});

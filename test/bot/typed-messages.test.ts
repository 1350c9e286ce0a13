import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TYPED_CHARACTERS, prepareTypedMessage } from '../../src/bot/typed-message';
import { cardText, person, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

// Command patterns backtrack on long runs of whitespace, so typed text reaches them collapsed to
// single spaces and never longer than MAX_TYPED_CHARACTERS. (What that saves is measured in bench/.)

describe('the text handed to the command patterns', () => {
  it('is collapsed to single spaces and trimmed, in place', () => {
    const activity = { type: 'message', text: `\n  help${' '.repeat(28_000)}\t\u00a0` };
    expect(prepareTypedMessage(activity)).toEqual({ kind: 'ready' });
    expect(activity.text).toBe('help');
    const link = { type: 'message', text: 'Y9\tmaths:\r\n\r\n ratio     and proportion  ->\n nurse' };
    prepareTypedMessage(link);
    expect(link.text).toBe('Y9 maths: ratio and proportion -> nurse');
  });

  it('is bounded: a longer message is not handed on at all', () => {
    const fits = { type: 'message', text: `${'x'.repeat(MAX_TYPED_CHARACTERS)}${' '.repeat(50_000)}` };
    expect(prepareTypedMessage(fits)).toEqual({ kind: 'ready' });
    expect(fits.text).toHaveLength(MAX_TYPED_CHARACTERS);
    const tooLong = { type: 'message', text: 'y'.repeat(MAX_TYPED_CHARACTERS + 1) };
    expect(prepareTypedMessage(tooLong)).toEqual({ kind: 'too-long', characters: MAX_TYPED_CHARACTERS + 1 });
  });

  it('leaves other activities alone', () => {
    const invoke = { type: 'invoke', text: '  a  b  ' };
    expect(prepareTypedMessage(invoke)).toEqual({ kind: 'not-typed' });
    expect(invoke.text).toBe('  a  b  ');
  });
});

describe('typed messages at the bot', () => {
  const teacher = person({
    id: 'T1',
    role: 'teacher',
    givenName: 'Sam',
    familyName: 'Okafor',
    email: 'sam@school.example',
    subjects: ['Mathematics'],
  });
  const adviser = person({ id: 'S1', role: 'careers_adviser', givenName: 'Dana', familyName: 'Whitfield', email: 'dana@school.example' });
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({
      school: schoolWith([teacher, adviser], { curriculum: [{ subject: 'Mathematics', yearGroups: [7, 8, 9] }] }),
    });
  });
  afterAll(async () => bot.stop());

  it('matches commands on the collapsed text: a pupil search is echoed with single spaces', async () => {
    const [reply] = await bot.say(bot.userFor(adviser), `record  zz \n\n\t qq${' '.repeat(5_000)}`);
    expect(reply?.text).toBe('I couldn’t find a pupil called “zz qq”. Try their surname or their school id.');
  });

  it('still answers "help" followed by 28,000 spaces with the help card', async () => {
    const [reply] = await bot.say(bot.userFor(teacher), `help${' '.repeat(28_000)}`);
    expect(cardText(reply!)).toContain('Here is what you can do');
  });

  it('records a long but valid one-line link typed over several lines', async () => {
    const topic = `ratio ${'and proportion '.repeat(10).trim()}`;
    await bot.say(bot.userFor(teacher), `Y8   maths:\n\n  ${topic.replace(/ /g, '   ')}   ->\n nurse,\t\tpharmacist`);
    const links = await bot.waypoint.services.school.collections.links.list(SCHOOL_ID);
    expect(links.find((link) => link.topic === topic)).toMatchObject({ subject: 'Mathematics', careers: ['nurse', 'pharmacist'] });
  });

  it('answers a message longer than any command clearly, and records nothing', async () => {
    const replies = await bot.say(bot.userFor(teacher), `Y8 maths: ${'t'.repeat(MAX_TYPED_CHARACTERS)} -> nurse`);
    expect(replies.map((reply) => reply.text)).toEqual([
      `That message has ${(MAX_TYPED_CHARACTERS + 19).toLocaleString('en-GB')} characters, which is more than I can read. ` +
        `Please keep it under 12,000: type “help” to see what you can do.`,
    ]);
    const links = await bot.waypoint.services.school.collections.links.list(SCHOOL_ID);
    expect(links.every((link) => !link.topic.startsWith('ttt'))).toBe(true);
  });
});

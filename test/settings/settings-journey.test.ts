import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { buttonOn, cardOf, cardText, inputOn, messageOf, person, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

const leader = person({ id: 'S1', role: 'careers_leader', givenName: 'Helen', familyName: 'Marsh', email: 'helen@school.example' });
const admin = person({ id: 'S3', role: 'admin', givenName: 'Ian', familyName: 'Fox', email: 'ian@school.example' });
const teacher = person({ id: 'T1', role: 'teacher', givenName: 'Sam', familyName: 'Okafor', email: 'sam@school.example' });
const pupil = person({ id: 'P1', role: 'pupil', givenName: 'Ava', familyName: 'Patel', email: 'ava@school.example', yearGroup: 9 });
const TODAY = new Date('2026-03-03T10:00:00Z');

const VALID = {
  programmeUrl: 'www.northfield.sch.uk/careers',
  leaderName: 'Helen Marsh',
  leaderEmail: 'careers.lead@northfield.sch.uk',
  leaderPhone: '0113 496 0000',
  policyReviewDate: '2026-09-01',
  lastEvaluatedDate: '2025-12-10',
  meetingsPerAdviserDay: '7',
  equityMarginPercent: '12.5',
};

describe('school settings (Benchmark 1) in chat', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([leader, admin, teacher, pupil]), now: () => TODAY });
  });
  afterAll(async () => bot.stop());
  beforeEach(async () => {
    // Back to no settings saved at all.
    await bot.waypoint.services.storage
      .table('settings', SCHOOL_ID)
      .deleteEntity(SCHOOL_ID, 'school')
      .catch(() => undefined);
  });

  async function openCard(user = bot.userFor(leader)) {
    const [reply] = await bot.say(user, 'school settings');
    return { user, card: cardOf(reply) };
  }

  it('shows the Benchmark 1 checks, saves valid settings with their etag, and the checks turn green', async () => {
    const { user, card } = await openCard();
    expect(cardText(card)).toContain('✗ Careers programme published');
    expect(inputOn(card, 'meetingsPerAdviserDay')!.value).toBe(6);
    const saved = cardOf(await press(bot, user, card, 'Save settings', VALID));
    const text = cardText(saved);
    expect(text).toContain('School settings saved');
    for (const check of [
      'Careers programme published',
      'Careers leader named, with email and phone',
      'Careers policy review not overdue',
      'Programme evaluated this year',
    ]) {
      expect(text).toContain(`✓ ${check}`);
    }
    const { settings, etag } = await bot.waypoint.services.settings.get(SCHOOL_ID);
    expect(etag).toBeDefined();
    expect(settings).toEqual(
      defaultSchoolSettings({
        programmeUrl: 'https://www.northfield.sch.uk/careers',
        careersLeader: { name: 'Helen Marsh', email: 'careers.lead@northfield.sch.uk', phone: '0113 496 0000' },
        policyReviewDate: '2026-09-01',
        lastEvaluatedDate: '2025-12-10',
        meetingsPerAdviserDay: 7,
        equityMarginPercent: 12.5,
      }),
    );
    // Blank clears a setting; the card then shows the check failing again.
    const again = cardOf(await press(bot, user, saved, 'Edit settings'));
    expect(inputOn(again, 'programmeUrl')!.value).toBe('https://www.northfield.sch.uk/careers');
    const cleared = cardOf(await press(bot, user, again, 'Save settings', { ...VALID, programmeUrl: '' }));
    expect(cardText(cleared)).toContain('✗ Careers programme published');
    expect((await bot.waypoint.services.settings.get(SCHOOL_ID)).settings.programmeUrl).toBeUndefined();
  });

  it.each([
    ['a web address that is not one', { programmeUrl: 'not a web page' }, 'Enter the web page’s full address'],
    ['an email address without a domain', { leaderEmail: 'helen@' }, 'Enter an email address like'],
    ['a phone number too short', { leaderPhone: '0113 49' }, 'Enter a phone number with its area code'],
    ['letters in the phone number', { leaderPhone: '0113 HELP ME' }, 'Enter a phone number with its area code'],
    ['a review date that does not exist', { policyReviewDate: '2026-02-30' }, 'Choose a date from the calendar'],
    ['an evaluation in the future', { lastEvaluatedDate: '2026-03-04' }, 'can’t be in the future'],
    ['zero meetings a day', { meetingsPerAdviserDay: '0' }, 'whole number of meetings from 1 to 20'],
    ['half a meeting', { meetingsPerAdviserDay: '5.5' }, 'whole number of meetings from 1 to 20'],
    ['an equity margin over 100', { equityMarginPercent: '150' }, 'percentage points from 0 to 100'],
    ['a blank equity margin', { equityMarginPercent: '' }, 'percentage points from 0 to 100'],
  ])('shows %s on the card and saves nothing', async (_case, change, message) => {
    const { user, card } = await openCard();
    const answer = cardOf(await press(bot, user, card, 'Save settings', { ...VALID, ...change }));
    expect(cardText(answer)).toContain(message);
    expect(cardText(answer)).toContain('Nothing has been saved yet');
    expect(inputOn(answer, 'leaderName')!.value).toBe('Helen Marsh');
    expect((await bot.waypoint.services.settings.get(SCHOOL_ID)).etag).toBeUndefined();
  });

  it('refuses to overwrite settings someone else saved after the card was opened, and shows theirs', async () => {
    const { user, card } = await openCard();
    const other = await openCard(bot.userFor(admin));
    await press(bot, other.user, other.card, 'Save settings', { ...VALID, leaderName: 'Ian Fox' });
    const answer = cardOf(await press(bot, user, card, 'Save settings', VALID));
    expect(cardText(answer)).toContain('Someone else saved the settings while you were editing');
    expect(inputOn(answer, 'leaderName')!.value).toBe('Ian Fox');
    expect((await bot.waypoint.services.settings.get(SCHOOL_ID)).settings.careersLeader.name).toBe('Ian Fox');
    // Saving from the fresh card works.
    const saved = cardOf(await press(bot, user, answer, 'Save settings', VALID));
    expect(cardText(saved)).toContain('School settings saved');
  });

  it('answers a redelivered save as the first, without a conflict', async () => {
    const { user, card } = await openCard();
    const first = cardOf(await press(bot, user, card, 'Save settings', VALID, { id: 'again-1' }));
    const second = cardOf(await press(bot, user, card, 'Save settings', VALID, { id: 'again-1' }));
    expect(cardText(second)).toEqual(cardText(first));
    buttonOn(second, 'Edit settings');
  });

  it('refuses teachers and pupils', async () => {
    for (const who of [teacher, pupil]) {
      const user = bot.userFor(who);
      const [reply] = await bot.say(user, 'school settings');
      expect(reply!.text).toMatch(/only the careers leader or administrators can do that/);
      expect(messageOf(await bot.execute(user, 'settings.save', { etag: '', ...VALID }))).toMatch(/only the careers leader/);
    }
    expect((await bot.waypoint.services.settings.get(SCHOOL_ID)).etag).toBeUndefined();
  });
});

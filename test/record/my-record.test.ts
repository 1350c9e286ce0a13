import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Activity, Attendance, Destination, Meeting } from '../../src/domain/school';
import { cardOf, cardText, inputOn, person, press, SCHOOL_ID, type TestBot } from '../harness/test-bot';
import { adviser, ava, Clock, senco, startMeetingBot } from '../meetings/meeting-fixtures';

const eli = person({
  id: 'P0010',
  role: 'pupil',
  givenName: 'Eli',
  familyName: 'Ward',
  email: 'eli@school.example',
  yearGroup: 8,
  form: '8A',
});
const mia = person({
  id: 'P0007',
  role: 'pupil',
  givenName: 'Mia',
  familyName: 'Cole',
  email: 'mia@school.example',
  yearGroup: 7,
  form: '7M',
});
const zoe = person({
  id: 'P0013',
  role: 'pupil',
  givenName: 'Zoe',
  familyName: 'King',
  email: 'zoe@school.example',
  yearGroup: 13,
  form: '13K',
  consideringHigherEducation: true,
});

const activities: Activity[] = [
  { id: 'ACT1', date: '2025-07-01', kind: 'workplace_experience', title: 'A week at Arup', providerAccess: false, meaningful: true },
  { id: 'ACT2', date: '2025-10-10', kind: 'employer_encounter', title: 'NHS careers talk', providerAccess: false, meaningful: true },
  {
    id: 'ACT3',
    date: '2026-01-20',
    kind: 'provider_encounter',
    title: 'University open day',
    providerType: 'university',
    providerAccess: false,
    meaningful: false,
  },
  {
    id: 'ACT4',
    date: '2025-10-01',
    kind: 'labour_market_information',
    title: 'Local jobs in numbers',
    providerAccess: false,
    meaningful: false,
  },
  {
    id: 'ACT5',
    date: '2025-11-05',
    kind: 'provider_encounter',
    title: 'City College taster',
    providerType: 'further_education_college',
    providerAccess: true,
    meaningful: false,
  },
  {
    id: 'ACT6',
    date: '2025-10-01',
    kind: 'provider_encounter',
    title: 'Bristol University visit',
    providerType: 'university',
    providerAccess: false,
    meaningful: true,
  },
  { id: 'ACT7', date: '2026-04-01', kind: 'employer_encounter', title: 'Future talk', providerAccess: false, meaningful: true },
];
const attendance: Attendance[] = [
  { activityId: 'ACT1', pupilId: ava.id },
  { activityId: 'ACT2', pupilId: ava.id },
  { activityId: 'ACT3', pupilId: ava.id },
  { activityId: 'ACT7', pupilId: ava.id },
  { activityId: 'ACT4', pupilId: eli.id },
  { activityId: 'ACT5', pupilId: eli.id },
  { activityId: 'ACT6', pupilId: zoe.id },
  { activityId: 'ACT2', pupilId: mia.id },
  { activityId: 'ACT4', pupilId: mia.id },
];
const meetings: Meeting[] = [
  {
    id: 'MTG1',
    pupilId: ava.id,
    adviserId: adviser.id,
    startsAt: '2026-02-10T10:00',
    status: 'completed',
    advice: 'Look at civil engineering apprenticeships as well as A-levels.',
    agreedActions: 'Pupil: Visit two college open days, by Fri 20 Mar 2026',
  },
  // Started an hour ago and not yet written up: the adviser can record it from Zoe's record.
  { id: 'MTG3', pupilId: zoe.id, adviserId: adviser.id, startsAt: '2026-03-02T08:00', status: 'booked', advice: '', agreedActions: '' },
  {
    id: 'MTG2',
    pupilId: zoe.id,
    adviserId: adviser.id,
    startsAt: '2024-03-01T10:00',
    status: 'completed',
    advice: 'Keep chemistry.',
    agreedActions: 'Pupil: Research courses',
  },
];
const destinations: Destination[] = [
  { pupilId: ava.id, kind: 'aspiration', date: '2025-12-01', destination: 'Civil engineer' },
  { pupilId: mia.id, kind: 'aspiration', date: '2026-01-10', destination: 'Vet' },
  { pupilId: zoe.id, kind: 'intended', date: '2026-01-15', destination: 'Chemistry at university' },
];

describe('my careers record', () => {
  const clock = new Clock();
  let bot: TestBot;
  const destinationsOf = async (pupilId: string) =>
    (await bot.waypoint.services.school.collections.destinations.list(SCHOOL_ID)).filter((row) => row.pupilId === pupilId);
  beforeAll(async () => {
    bot = await startMeetingBot({ clock, people: [eli, zoe, mia], extra: { activities, attendance, meetings, destinations } });
  });
  afterAll(async () => bot.stop());
  beforeEach(async () => {
    for (const row of await destinationsOf(ava.id))
      if (row.date === '2026-03-02')
        await bot.waypoint.services.school.collections.destinations.delete(SCHOOL_ID, `${row.pupilId}|${row.kind}|${row.date}`);
  });

  const recordOf = async (user: ReturnType<TestBot['userFor']>) => cardOf((await bot.say(user, 'my record'))[0]);

  it('shows a Year 11 pupil everything by benchmark, and what is still to come', async () => {
    const text = cardText(await recordOf(bot.userFor(ava)));
    expect(text).toContain('My careers record');
    expect(text).toContain('Year 11 · 11B · as of Mon 2 Mar 2026');
    expect(text).toContain('Careers meetings');
    expect(text).toContain('Tue 10 Feb 2026 with Dan Brooks');
    expect(text).toContain('Advice:\nLook at civil engineering apprenticeships as well as A-levels.');
    expect(text).toContain('\nVisit two college open days, by Fri 20 Mar 2026');
    expect(text).not.toContain('Pupil:');
    expect(text).toContain('Tue 1 Jul 2025: A week at Arup (Workplace experience) · counted ✓');
    expect(text).toContain('Tue 20 Jan 2026: University open day (Encounter with a university) · you went');
    expect(text.match(/A talk or visit counts when you get a chance to talk to the people there and ask them questions\./g)).toHaveLength(
      1,
    );
    expect(text).not.toContain('Future talk'); // dated after today
    expect(text).toContain('What I’d like to do one day: Civil engineer (Mon 1 Dec 2025)');
    const toCome = text.slice(text.indexOf('Still to come'), text.indexOf('Done'));
    expect(toCome).toContain('You have had 1 of 2 workplace experiences by the end of Year 11.');
    expect(toCome).toContain('Tell us what you plan to do after Year 11: we need it this spring term.');
    expect(toCome).toContain('You have met 0 of 4 kinds of place to study or train by the end of Year 11');
    const done = text.slice(text.indexOf('Done'));
    expect(done).toContain('You have met employers 1 time this school year.');
    expect(done).toContain('You have had 1 careers meeting with an adviser (1 needed by the end of Year 11).');
  });

  it('shows a Year 8 pupil careers information and provider-access visits', async () => {
    const text = cardText(await recordOf(bot.userFor(eli)));
    expect(text).toContain('Year 8 · 8A');
    expect(text).toContain('Information about jobs and careers\nWed 1 Oct 2025: Local jobs in numbers');
    expect(text).toContain('You have had 1 of 2 visits from colleges or apprenticeship providers by the end of February in Year 9.');
    expect(text).toContain('You have looked at information about jobs and careers since the start of Year 7.');
    expect(text).not.toContain('workplace experiences');
    expect(text).toContain('You haven’t had a careers meeting yet.');
  });

  it('shows a Year 13 pupil their sixth-form benchmarks', async () => {
    const text = cardText(await recordOf(bot.userFor(zoe)));
    expect(text).toContain('You have had 1 of 2 university visits by the end of Year 13.');
    expect(text).toContain('You have had 0 of 1 careers meeting with an adviser in the sixth form by the end of Year 13.');
    expect(text).toContain('What I plan to do next: Chemistry at university (Thu 15 Jan 2026)');
    expect(text).toContain('You have told us what you plan to do next.');
  });

  it('lets a pupil add and change their plans, one row per kind and day', async () => {
    const user = bot.userFor(ava);
    const record = await recordOf(user);
    const form = cardOf(await press(bot, user, record, 'Update my plans'));
    expect(cardText(form)).toContain('What I’d like to do one day: Civil engineer');
    expect(inputOn(form, 'kind')!.choices.map((choice: { value: string }) => choice.value)).toEqual(['aspiration', 'intended']);

    const empty = cardOf(await press(bot, user, form, 'Save', { kind: 'intended', destination: '   ' }));
    expect(cardText(empty)).toContain('Write a few words');
    expect(cardText(cardOf(await press(bot, user, form, 'Save', { kind: 'actual', destination: 'Sneaky' })))).toContain(
      'Choose what you are telling us about',
    );
    expect(cardText(cardOf(await press(bot, user, form, 'Save', { kind: 'intended', destination: 'x'.repeat(201) })))).toContain(
      'Keep it to 200 characters',
    );
    expect(await destinationsOf(ava.id)).toHaveLength(1);

    const saved = cardOf(await press(bot, user, form, 'Save', { kind: 'intended', destination: 'Engineering apprenticeship' }));
    expect(cardText(saved)).toContain('Saved what you plan to do next.');
    expect(cardText(saved)).toContain('What I plan to do next: Engineering apprenticeship (Mon 2 Mar 2026)');
    expect(cardText(saved).slice(cardText(saved).indexOf('Done'))).toContain('You have told us what you plan to do next.');
    await press(bot, user, form, 'Save', { kind: 'intended', destination: 'Civil engineering apprenticeship' });
    const rows = await destinationsOf(ava.id);
    expect(rows.filter((row) => row.kind === 'intended')).toEqual([
      { pupilId: ava.id, kind: 'intended', date: '2026-03-02', destination: 'Civil engineering apprenticeship' },
    ]);
    expect(rows.find((row) => row.kind === 'aspiration')!.destination).toBe('Civil engineer');
    // Each change is audited.
    const audit = await bot.waypoint.services.audit.recent(SCHOOL_ID, 20);
    expect(audit.filter((entry) => entry.action === 'destination.save').map((entry) => entry.subject)).toContain(
      `${ava.id}:intended:2026-03-02`,
    );
  });

  const JARGON = ['Benchmark', 'Key Stage', 'meaningful'];
  const positiveActions = (card: { actions?: { style?: string; title?: string }[] }) =>
    (card.actions ?? []).filter((action) => action.style === 'positive');
  const stillToCome = (text: string) =>
    text.slice(text.indexOf('Still to come'), text.includes('\nDone') ? text.indexOf('\nDone') : undefined);

  it.each([
    ['Ava, Year 11', ava, 'Update my plans', 'Tell us what you plan to do after Year 11: we need it this spring term.'],
    ['Eli, Year 8', eli, 'Update my plans', 'Tell us what you’d like to do one day.'],
    ['Zoe, Year 13', zoe, 'Book a meeting', 'Book a careers meeting with an adviser.'],
    ['Mia, Year 7', mia, 'Update my plans', 'Keep your plans up to date whenever they change.'],
  ])('speaks plainly to %s, with one next step', async (_name, pupil, button, step) => {
    const card = await recordOf(bot.userFor(pupil));
    const text = cardText(card);
    for (const word of JARGON) expect(text.toLowerCase()).not.toContain(word.toLowerCase());
    expect(positiveActions(card).map((action: { title?: string }) => action.title)).toEqual([button]);
    expect(text).toContain(`Your next step\n${step}`);
  });

  it('says "on track" only when nothing is outstanding, plans included', async () => {
    const eliText = cardText(await recordOf(bot.userFor(eli)));
    expect(eliText).toContain('You haven’t told us your plans yet.');
    expect(stillToCome(eliText)).toContain('• Tell us what you’d like to do one day.');
    expect(eliText).not.toMatch(/on track|up to date\./);
    const miaText = cardText(await recordOf(bot.userFor(mia)));
    expect(miaText).toContain('What I’d like to do one day: Vet');
    expect(stillToCome(miaText)).toContain('Nothing for now: you are on track.');
  });

  it('explains, in plain words, why a visit the pupil went to is still to come', async () => {
    const toCome = stillToCome(cardText(await recordOf(bot.userFor(ava))));
    expect(toCome).toContain('a university (you went to one; next time, ask them questions so it counts)');
  });

  it('shows an adviser the record in the third person, the gaps by benchmark, and the adviser’s actions', async () => {
    const user = bot.userFor(adviser);
    const card = cardOf((await bot.say(user, 'record Zoe King'))[0]);
    const text = cardText(card);
    expect(text).toContain('Careers record: Zoe King');
    expect(text).not.toMatch(/\bYou (have|haven’t)\b/);
    const missing = text.slice(text.indexOf('Missing'), text.indexOf('\nDone'));
    expect(missing).toContain(
      '• Benchmark 8: Zoe has had 0 of 1 guidance meeting with a careers adviser in the sixth form by the end of Year 13.',
    );
    expect(missing).toContain('• Benchmark 7: Zoe has had 1 of 2 university visits by the end of Year 13.');
    expect(text.slice(text.indexOf('\nDone'))).toContain('✓ Benchmark 3: Zoe’s intended destination is recorded.');
    expect(card.actions.map((action: { title: string }) => action.title)).toEqual([
      'Record the meeting',
      'Offer a time',
      'Add Zoe to an activity',
    ]);
    expect(cardText(cardOf(await press(bot, user, card, 'Record the meeting')))).toContain('Zoe King');
    expect(cardText(cardOf(await press(bot, user, card, 'Add Zoe to an activity')))).toContain('Which activity? The newest are first.');
    expect(cardText(cardOf(await press(bot, user, card, 'Offer a time')))).toContain('Meeting requests');
  });

  it('shows a SENCo the same third-person gaps without actions their role lacks', async () => {
    const card = cardOf((await bot.say(bot.userFor(senco), 'record Ava Patel'))[0]);
    const text = cardText(card);
    expect(text).toContain('• Benchmark 3: Ava’s intended destination (after Year 11) is not recorded: due this spring term.');
    expect(text).toContain('• Benchmark 6: Ava has had 1 of 2 workplace experiences by the end of Year 11.');
    expect(text).not.toContain('Your next step');
    expect(card.actions ?? []).toEqual([]);
    // The verbs behind the adviser's buttons stay closed to the SENCo.
    const refused = await bot.execute(bot.userFor(senco), 'record.addToActivity', {});
    expect(JSON.stringify(refused.body)).not.toContain('Which activity?');
  });
});

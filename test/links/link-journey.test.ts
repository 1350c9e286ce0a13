import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evaluateBenchmarks } from '../../src/domain/benchmarks/evaluate';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { schoolDateOf } from '../../src/domain/school-time';
import type { CurriculumLink } from '../../src/domain/school';
import { cardOf, cardText, inputOn, messageOf, person, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

const maths = person({
  id: 'T1',
  role: 'teacher',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam@school.example',
  subjects: ['Mathematics', 'Physics'],
});
const scienceTeacher = person({
  id: 'T2',
  role: 'teacher',
  givenName: 'Lee',
  familyName: 'Hart',
  email: 'lee@school.example',
  subjects: ['Science'],
});
const leader = person({ id: 'S1', role: 'careers_leader', givenName: 'Jo', familyName: 'Reid', email: 'jo@school.example' });
const pupil = person({ id: 'P1', role: 'pupil', givenName: 'Ava', familyName: 'Patel', email: 'ava@school.example', yearGroup: 9 });
const curriculum = [
  { subject: 'Mathematics', yearGroups: [7, 8, 9, 10, 11, 12, 13] },
  { subject: 'Science', yearGroups: [7, 8, 9, 10, 11] },
  { subject: 'Physics', yearGroups: [12, 13] },
];
const TODAY = new Date('2026-11-23T10:00:00Z');

describe('teachers log curriculum-careers links', () => {
  let bot: TestBot;
  const links = async (): Promise<CurriculumLink[]> => bot.waypoint.services.school.collections.links.list(SCHOOL_ID);
  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([maths, scienceTeacher, leader, pupil], { curriculum }), now: () => TODAY });
  });
  afterAll(async () => bot.stop());
  beforeEach(async () => {
    for (const link of await links())
      await bot.waypoint.services.school.collections.links.delete(SCHOOL_ID, encodeURIComponent(link.id).replace(/%/g, '~'));
  });

  async function openDetails(user = bot.userFor(maths), subject = 'Mathematics') {
    const [reply] = await bot.say(user, 'log link');
    const step1 = cardOf(reply);
    expect(cardText(step1)).toContain('Step 1 of 2');
    expect(inputOn(step1, 'subject')!.value).toBe(user.name.startsWith('Sam') ? 'Mathematics' : 'Science');
    const step2 = cardOf(await press(bot, user, step1, 'Next', { subject }));
    return { user, step2 };
  }

  it('records a link in three steps, saying exactly what was recorded', async () => {
    const { user, step2 } = await openDetails();
    expect(inputOn(step2, 'yearGroups')!.choices.map((choice: { value: string }) => choice.value)).toEqual([
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
    ]);
    expect(inputOn(step2, 'careerChoices')!.choices.length).toBeGreaterThan(3);
    const saved = cardOf(
      await press(bot, user, step2, 'Save link', {
        yearGroups: '9,10',
        topic: 'Ratio and proportion',
        careerChoices: '',
        otherCareers: 'Nurse, Pharmacist',
        date: '2026-11-20',
        note: 'Dosage calculations',
      }),
    );
    const text = cardText(saved);
    expect(text).toContain('Careers link saved');
    expect(text).toContain('Year 9, Year 10');
    expect(text).toContain('Ratio and proportion');
    expect(text).toContain('Nurse, Pharmacist');
    expect(text).toContain('Fri 20 Nov 2026');
    const stored = await links();
    expect(stored.map((link) => [link.subject, link.yearGroup, link.teacherId, link.date]).sort()).toEqual([
      ['Mathematics', 10, 'T1', '2026-11-20'],
      ['Mathematics', 9, 'T1', '2026-11-20'],
    ]);
    expect(stored[0]!.careers).toEqual(['Nurse', 'Pharmacist']);
  });

  it.each([
    ['no year group', { yearGroups: '' }, 'Choose at least one year group'],
    ['a year group the subject is not taught to', { yearGroups: '6' }, 'isn’t taught to Year 6'],
    ['an empty topic', { topic: '   ' }, 'Say what the lesson covered'],
    ['a topic over the limit', { topic: 'x'.repeat(201) }, 'Keep the topic to 200 characters'],
    ['no career', { otherCareers: '', careerChoices: '' }, 'Add at least one career'],
    ['too many careers', { otherCareers: Array.from({ length: 11 }, (_, i) => `Career ${i}`).join(', ') }, 'at most 10 careers'],
    ['a career over the limit', { otherCareers: 'y'.repeat(81) }, 'Keep each career to 80 characters'],
    ['a date in the future', { date: '2026-12-25' }, 'That date is in the future: a link records a lesson that has happened'],
    ['a date that does not exist', { date: '2026-02-30' }, 'Choose a date from the calendar'],
    ['a note over the limit', { note: 'n'.repeat(501) }, 'Keep the note to 500 characters'],
  ])('shows %s on the card and writes nothing', async (_case, change, message) => {
    const { user, step2 } = await openDetails();
    const valid = { yearGroups: '9', topic: 'Ratio', careerChoices: '', otherCareers: 'Nurse', date: '2026-11-20', note: '' };
    const answer = cardOf(await press(bot, user, step2, 'Save link', { ...valid, ...change }));
    expect(cardText(answer)).toContain(message);
    expect(cardText(answer)).toContain('Nothing has been saved yet');
    expect(await links()).toHaveLength(0);
  });

  it('keeps one link when the same card action is delivered twice', async () => {
    const { user, step2 } = await openDetails();
    const inputs = { yearGroups: '11', topic: 'Compound interest', careerChoices: '', otherCareers: 'Accountant', date: '', note: '' };
    const first = cardOf(await press(bot, user, step2, 'Save link', inputs, { id: 'retry-1' }));
    const second = cardOf(await press(bot, user, step2, 'Save link', inputs, { id: 'retry-1' }));
    expect(cardText(second)).toEqual(cardText(first));
    expect(await links()).toHaveLength(1);
    expect((await links())[0]!.date).toBe(schoolDateOf(TODAY));
  });

  it('edits a link in place and undoes it', async () => {
    const { user, step2 } = await openDetails();
    const saved = cardOf(
      await press(bot, user, step2, 'Save link', {
        yearGroups: '9',
        topic: 'Ratio',
        careerChoices: '',
        otherCareers: 'Nurse',
        date: '2026-11-20',
        note: '',
      }),
    );
    const [original] = await links();
    const form = cardOf(await press(bot, user, saved, 'Edit'));
    expect(inputOn(form, 'topic')!.value).toBe('Ratio');
    const updated = cardOf(
      await press(bot, user, form, 'Save link', {
        yearGroups: '9',
        topic: 'Ratio and proportion',
        careerChoices: '',
        otherCareers: 'Nurse, Chef',
        date: '2026-11-20',
        note: '',
      }),
    );
    expect(cardText(updated)).toContain('Careers link updated');
    const after = await links();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: original!.id, topic: 'Ratio and proportion', careers: ['Nurse', 'Chef'] });

    // Undo after an edit would take the whole link, so it asks first and says what will go.
    const asked = cardOf(await press(bot, user, updated, 'Undo'));
    expect(cardText(asked)).toContain('Delete this link?');
    expect(cardText(asked)).toContain('it deletes the whole link');
    expect(cardText(asked)).toContain('Mathematics, Year 9: Ratio and proportion');
    expect(cardText(asked)).toContain('Nurse, Chef');
    expect(await links()).toHaveLength(1);
    const kept = cardOf(await press(bot, user, asked, 'Keep it'));
    expect(cardText(kept)).toContain('Ratio and proportion');
    expect(await links()).toHaveLength(1);
    const undone = cardOf(await press(bot, user, asked, 'Delete'));
    expect(cardText(undone)).toContain('Deleted “Mathematics, Year 9: Ratio and proportion”');
    expect(await links()).toHaveLength(0);
  });

  it('undoes a link just saved at once (nothing was edited)', async () => {
    const { user, step2 } = await openDetails();
    const saved = cardOf(
      await press(bot, user, step2, 'Save link', {
        yearGroups: '9',
        topic: 'Ratio',
        careerChoices: '',
        otherCareers: 'Nurse',
        date: '',
        note: '',
      }),
    );
    const undone = cardOf(await press(bot, user, saved, 'Undo'));
    expect(cardText(undone)).toContain('Link removed');
    expect(await links()).toHaveLength(0);
  });

  describe('the same link twice on a day', () => {
    const ratio = { yearGroups: '9', topic: 'Ratio', careerChoices: '', otherCareers: 'Nurse', date: '2026-11-20', note: '' };

    it('is pointed out before it is saved, and saved as well only when the teacher says so', async () => {
      const first = await openDetails();
      await press(bot, first.user, first.step2, 'Save link', ratio);
      const again = await openDetails();
      const asked = cardOf(await press(bot, again.user, again.step2, 'Save link', { ...ratio, topic: '  ratio ', otherCareers: 'Chef' }));
      expect(cardText(asked)).toContain('You’ve logged this link already');
      expect(cardText(asked)).toContain('Mathematics, Year 9: Ratio');
      expect(cardText(asked)).toContain('Fri 20 Nov 2026 · Nurse');
      expect(await links()).toHaveLength(1);

      const saved = cardOf(await press(bot, again.user, asked, 'Save it anyway', {}, { id: 'anyway-1' }));
      expect(cardText(saved)).toContain('Careers link saved');
      expect(cardText(saved)).toContain('Chef');
      await press(bot, again.user, asked, 'Save it anyway', {}, { id: 'anyway-1' });
      expect((await links()).map((link) => link.careers.join()).sort()).toEqual(['Chef', 'Nurse']);
    });

    it('is pointed out for the one-line shortcut too, and “Don’t save it” saves nothing', async () => {
      const user = bot.userFor(maths);
      await bot.say(user, 'Y9 maths: ratio -> nurse', { id: 'twice-1' });
      const [reply] = await bot.say(user, 'Y9 maths: Ratio -> nurse', { id: 'twice-2' });
      const asked = cardOf(reply);
      expect(cardText(asked)).toContain('You’ve logged this link already');
      expect(await links()).toHaveLength(1);
      const declined = cardOf(await press(bot, user, asked, 'Don’t save it'));
      expect(cardText(declined)).toContain('ratio');
      expect(await links()).toHaveLength(1);
    });

    it('is not a repeat for another year group, another topic, or the same Save delivered again', async () => {
      const { user, step2 } = await openDetails();
      await press(bot, user, step2, 'Save link', ratio, { id: 'save-once' });
      // The same card's Save again (its key, another activity id): the link it made is not a repeat of itself.
      const retried = cardOf(await press(bot, user, step2, 'Save link', ratio, { id: 'save-once-again' }));
      expect(cardText(retried)).toContain('Careers link saved');
      for (const change of [{ yearGroups: '10' }, { topic: 'Ratio and proportion' }]) {
        const next = await openDetails();
        expect(cardText(cardOf(await press(bot, next.user, next.step2, 'Save link', { ...ratio, ...change })))).toContain(
          'Careers link saved',
        );
      }
      expect(await links()).toHaveLength(3);
    });
  });

  it('records a complete one-line shortcut at once, and only once', async () => {
    const user = bot.userFor(maths);
    const message = { id: 'shortcut-1' };
    const [reply] = await bot.say(user, 'Y9 maths: ratio and proportion -> nursing, pharmacy', message);
    expect(cardText(reply!)).toContain('Careers link saved');
    await bot.say(user, 'Y9 maths: ratio and proportion -> nursing, pharmacy', message);
    const stored = await links();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      subject: 'Mathematics',
      yearGroup: 9,
      topic: 'ratio and proportion',
      careers: ['nursing', 'pharmacy'],
    });
  });

  it('opens the card with what it understood when the shortcut is incomplete', async () => {
    const user = bot.userFor(maths);
    const replies = await bot.say(user, 'link Y10 maths: simultaneous equations');
    expect(replies[0]!.text).toMatch(/couldn’t record that yet/);
    const card = cardOf(replies[1]);
    expect(inputOn(card, 'topic')!.value).toBe('simultaneous equations');
    expect(inputOn(card, 'yearGroups')!.value).toBe('10');
    expect(await links()).toHaveLength(0);
  });

  it('lists the subjects from an unfinished shortcut as “log link” does, the teacher’s own first', async () => {
    const user = bot.userFor(maths);
    const subjects = (card: ReturnType<typeof cardOf>) =>
      inputOn(card, 'subject')!.choices.map((choice: { value: string }) => choice.value);
    const fromCommand = cardOf((await bot.say(user, 'log link'))[0]);
    const replies = await bot.say(user, 'Y9 latin: verbs -> lawyer');
    expect(replies[0]!.text).toContain('I don’t know a subject called “latin” here.');
    const fromShortcut = cardOf(replies[1]);
    expect(subjects(fromShortcut)).toEqual(['Mathematics', 'Physics', 'Science']);
    expect(subjects(fromShortcut)).toEqual(subjects(fromCommand));
    expect(await links()).toHaveLength(0);
  });

  it('shows my links newest first, and my coverage gaps shrink as links are logged', async () => {
    const user = bot.userFor(maths);
    const gapsBefore = cardText(cardOf((await bot.say(user, 'my coverage'))[0]));
    expect(gapsBefore).toContain('Mathematics: 0 of 7 year groups covered');
    expect(gapsBefore).toContain('Physics: 0 of 2 year groups covered');
    await bot.say(user, 'Y7 maths: place value -> banker', { id: 'a' });
    await bot.say(user, 'Y12 physics: circuits -> electrician', { id: 'b' });
    const mine = cardText(cardOf((await bot.say(user, 'my links'))[0]));
    expect(mine.indexOf('Physics, Year 12: circuits')).toBeGreaterThan(-1);
    expect(mine.indexOf('Physics, Year 12: circuits')).toBeLessThan(mine.indexOf('Mathematics, Year 7: place value'));
    // Another teacher's list holds only their own links.
    const theirs = cardText(cardOf((await bot.say(bot.userFor(scienceTeacher), 'my links'))[0]));
    expect(theirs).toContain('You haven’t logged any links in 2026/27 yet.');
    const coverage = cardOf((await bot.say(user, 'my coverage'))[0]);
    expect(cardText(coverage)).toContain('Mathematics: 1 of 7 year groups covered');
    expect(cardText(coverage)).toContain('Physics: 1 of 2 year groups covered');
    // One tap from a gap opens the details card for that year group.
    const form = cardOf(await press(bot, user, coverage, 'Log a link for Year 13'));
    expect(cardText(form)).toContain('Step 2 of 2: Mathematics');
    expect(inputOn(form, 'yearGroups')!.value).toBe('13');
  });

  it('gives the careers leader a grid that agrees with the Benchmark 4 report rows', async () => {
    const teacher = bot.userFor(maths);
    const science = bot.userFor(scienceTeacher);
    await bot.say(teacher, 'Y7 maths: place value -> banker', { id: 'c' });
    await bot.say(teacher, 'Y8, Y9 maths: graphs -> data analyst', { id: 'd' });
    await bot.say(science, 'Y10 science: circuits -> electrician', { id: 'e' });
    const grid = cardText(cardOf((await bot.say(bot.userFor(leader), 'coverage'))[0]));
    const data = await bot.waypoint.services.school.load(SCHOOL_ID);
    const rows = evaluateBenchmarks(data, schoolDateOf(TODAY), defaultSchoolSettings()).rows.filter((row) => row.benchmark === '4');
    const met = rows.reduce((sum, row) => sum + row.met, 0);
    const total = rows.reduce((sum, row) => sum + row.total, 0);
    expect([met, total]).toEqual([4, 14]);
    expect(grid).toContain(`${met} of ${total} subject and year-group pairs have a careers link`);
    expect(grid).toContain('Every teacher with subjects has logged at least one link this year.');
  });

  describe('who may do what', () => {
    it('refuses a pupil, and a pupil pressing a teacher’s button writes nothing', async () => {
      const user = bot.userFor(pupil);
      const [reply] = await bot.say(user, 'log link');
      expect(reply!.text).toMatch(/only teachers.*can do that/);
      const answer = await bot.execute(user, 'link.save', {
        draftId: 'x1',
        subject: 'Mathematics',
        yearGroups: '9',
        topic: 'Ratio',
        otherCareers: 'Nurse',
      });
      expect(messageOf(answer)).toMatch(/only teachers/);
      const [shortcut] = await bot.say(user, 'Y9 maths: ratio -> nurse');
      expect(shortcut!.text).toMatch(/didn’t understand/);
      expect(await links()).toHaveLength(0);
    });

    it('refuses a teacher editing, undoing or deleting another teacher’s link', async () => {
      await bot.say(bot.userFor(maths), 'Y9 maths: ratio -> nurse', { id: 'owned' });
      const [link] = await links();
      const other = bot.userFor(scienceTeacher);
      for (const [verb, data] of [
        ['link.edit', { linkIds: [link!.id] }],
        ['link.undo', { linkIds: [link!.id] }],
        ['link.delete', { linkId: link!.id }],
        [
          'link.save',
          { draftId: 'z', subject: 'Mathematics', editing: [link!.id], yearGroups: '9', topic: 'Hijacked', otherCareers: 'Spy' },
        ],
      ] as const) {
        expect(messageOf(await bot.execute(other, verb, data))).toMatch(/only change links you logged yourself/);
      }
      expect(await links()).toEqual([link]);
    });

    it('answers a malformed card submission clearly and changes nothing', async () => {
      const user = bot.userFor(maths);
      const answer = cardOf(await bot.execute(user, 'link.save', { draftId: "' or 1 eq 1", subject: 42 }));
      expect(cardText(answer)).toContain('nothing was changed');
      expect(await links()).toHaveLength(0);
    });
  });
});

// Who has logged nothing is for the people who lead teachers: the roster does not mark heads of
// department, so the careers leader alone sees colleagues' names; a teacher sees totals.
const priya = person({
  id: 'T3',
  role: 'teacher',
  givenName: 'Priya',
  familyName: 'Shah',
  email: 'priya@school.example',
  subjects: ['Mathematics'],
});
const admin = person({ id: 'S2', role: 'admin', givenName: 'Ian', familyName: 'Fox', email: 'ian@school.example' });
const colleaguesNames = ['Priya', 'Shah', 'Lee', 'Hart'];

describe('coverage: colleagues who have logged nothing', () => {
  let bot: TestBot;
  const coverageFor = async (who: typeof maths) => cardText(cardOf((await bot.say(bot.userFor(who), 'coverage'))[0]));

  beforeAll(async () => {
    bot = await TestBot.start({
      school: schoolWith([maths, priya, scienceTeacher, leader, admin], { curriculum }),
      now: () => TODAY,
    });
    await bot.say(bot.userFor(maths), 'Y7 maths: place value -> banker', { id: 'n1' });
    await bot.say(bot.userFor(maths), 'Y12 physics: circuits -> electrician', { id: 'n2' });
  });
  afterAll(async () => bot.stop());

  it('shows a teacher their own and their subjects’ totals, and no colleague’s name', async () => {
    const text = await coverageFor(maths);
    expect(text).toContain('You have logged 2 links this year.');
    expect(text).toContain('Links logged in your subjects this year, by you and your colleagues: 2.');
    for (const name of colleaguesNames) expect(text).not.toContain(name);
    expect(text).not.toMatch(/haven’t logged a link yet \(/);
  });

  it('shows a teacher who has logged nothing the same totals, without naming them to anyone but the leader', async () => {
    const text = await coverageFor(priya);
    expect(text).toContain('You haven’t logged a link yet this year.');
    // Priya teaches Mathematics only: Sam's Year 7 link counts there, his Physics one does not.
    expect(text).toContain('Links logged in your subjects this year, by you and your colleagues: 1.');
    expect(text).not.toContain('Okafor');
  });

  it('keeps names from the school office too, which sees the whole school’s grid and a count', async () => {
    const text = await coverageFor(admin);
    expect(text).toContain('Department coverage');
    expect(text).toContain('2 teachers with subjects haven’t logged a link yet this year.');
    for (const name of colleaguesNames) expect(text).not.toContain(name);
  });

  it('names them to the careers leader', async () => {
    const text = await coverageFor(leader);
    expect(text).toContain('Teachers who haven’t logged a link yet (2):');
    expect(text).toContain('Priya Shah (Mathematics)');
    expect(text).toContain('Lee Hart (Science)');
  });
});

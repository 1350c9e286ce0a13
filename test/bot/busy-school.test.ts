import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptySchoolData, type Person } from '../../src/domain/school';
import { cardText, person, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

// Many turns at once from one school share its partitions: writes are committed in groups and
// the roster is kept per instance. What staff see must not change for either.

const TEACHERS = 20;
const teachers: Person[] = Array.from({ length: TEACHERS }, (_, index) =>
  person({
    id: `T${index + 1}`,
    role: 'teacher',
    givenName: 'Teacher',
    familyName: `Number${index + 1}`,
    email: `teacher${index + 1}@school.example`,
    subjects: ['Mathematics'],
  }),
);
const curriculum = [{ subject: 'Mathematics', yearGroups: [7, 8, 9, 10, 11] }];

describe('a busy school', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith(teachers, { curriculum }) });
    // Each Teams user is linked to their roster person by their first message.
    await Promise.all(teachers.map((teacher) => bot.say(bot.userFor(teacher), 'help')));
  });
  afterAll(async () => bot.stop());

  it('records every link and its audit entry when 20 teachers log two at once, some messages delivered twice', async () => {
    const messages = teachers.flatMap((teacher, index) =>
      [1, 2].map((lesson) => ({ teacher, id: randomUUID(), text: `Y9 maths: busy topic ${index + 1}.${lesson} -> nurse` })),
    );
    // Teams may deliver an activity twice, the second while the first is still being handled.
    const deliveries = messages.flatMap((message, index) => (index % 8 === 0 ? [message, message] : [message]));
    const answers = await Promise.all(
      deliveries.map(({ teacher, id, text }) => bot.post({ ...bot.baseActivity(bot.userFor(teacher)), id, type: 'message', text })),
    );
    expect(answers.map((answer) => answer.status).every((status) => status < 300)).toBe(true);

    for (const { id, text } of messages) {
      const replies = bot.connector.sent.filter((entry) => entry.replyToId === id).map((entry) => cardText(entry.activity));
      expect(replies.length, text).toBeGreaterThanOrEqual(1);
      for (const reply of replies) {
        expect(reply).toContain('Careers link saved');
        expect(reply).toContain(text.slice('Y9 maths: '.length, text.indexOf(' ->')));
      }
    }
    const links = (await bot.waypoint.services.school.collections.links.list(SCHOOL_ID)).filter((link) =>
      link.topic.startsWith('busy topic'),
    );
    expect(links).toHaveLength(messages.length);
    expect(new Set(links.map((link) => `${link.teacherId}:${link.topic}`)).size).toBe(messages.length);
    for (const { teacher, text } of messages) expect(links.find((link) => text.includes(`${link.topic} ->`))?.teacherId).toBe(teacher.id);
    const audited = (await bot.waypoint.services.audit.recent(SCHOOL_ID, 1_000)).filter((entry) => entry.action === 'link.create');
    expect(audited).toHaveLength(messages.length);
  });

  it('shows a roster import made through this instance at once: new subjects, new curriculum', async () => {
    const teacher = teachers[0]!;
    const user = bot.userFor(teacher);
    const before = await bot.say(user, 'my details');
    expect(cardText(before[0]!)).toContain('Mathematics');
    const refused = await bot.say(user, 'Y12 physics: forces -> engineer');
    expect(refused.map((reply) => reply.text ?? cardText(reply)).join(' ')).not.toContain('Careers link saved');

    const moved = { ...teacher, subjects: ['Physics'] };
    await bot.waypoint.services.school.import(
      SCHOOL_ID,
      { people: [moved], curriculum: [...curriculum, { subject: 'Physics', yearGroups: [12, 13] }] },
      { ...emptySchoolData(), people: [teacher], curriculum },
    );

    const after = await bot.say(user, 'my details');
    expect(cardText(after[0]!)).toContain('Physics');
    expect(cardText(after[0]!)).not.toContain('Mathematics');
    const saved = await bot.say(user, 'Y12 physics: moments -> engineer');
    expect(cardText(saved.at(-1)!)).toContain('Careers link saved');
  });
});

describe('an import made elsewhere', () => {
  let bot: TestBot;
  let other: TestBot;
  // The running instance's roster cache tells time by this, so the test moves past its second without waiting.
  let cacheMs = 0;
  beforeAll(async () => {
    bot = await TestBot.start({
      school: schoolWith(teachers.slice(0, 1), { curriculum }),
      cacheClock: () => cacheMs,
      env: { WAYPOINT_ROSTER_CACHE_SECONDS: '1' },
    });
    // Another instance on the same storage, as the import command or a second App Service instance is.
    other = await TestBot.start({ storage: bot.storage });
  });
  afterAll(async () => {
    await other.stop();
    await bot.stop();
  });

  it('reaches a running instance once its roster cache time has passed', async () => {
    const teacher = teachers[0]!;
    const user = bot.userFor(teacher);
    expect(cardText((await bot.say(user, 'my details'))[0]!)).toContain('Mathematics');
    await other.waypoint.services.school.import(
      SCHOOL_ID,
      { people: [{ ...teacher, subjects: ['Physics'] }] },
      { ...emptySchoolData(), people: [teacher] },
    );
    cacheMs += 999;
    expect(cardText((await bot.say(user, 'my details'))[0]!)).toContain('Mathematics');
    cacheMs += 2;
    const after = cardText((await bot.say(user, 'my details'))[0]!);
    expect(after).toContain('Physics');
    expect(after).not.toContain('Mathematics');
  });
});

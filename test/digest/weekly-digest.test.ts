import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmarks } from '../../src/domain/benchmarks/evaluate';
import { withSmallCountsHidden } from '../../src/domain/benchmarks/gap-wording';
import { computeBenchmarkReport } from '../../src/domain/benchmarks/report';
import { gapsToActOn } from '../../src/domain/benchmarks/gaps-to-act-on';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { DEMO_PEOPLE, generateDemoSchool } from '../../src/schooldata/demo-school';
import type { Person } from '../../src/domain/school';
import { startInMemoryAzurite, type EmbeddedStorage } from '../../src/storage/embedded-azurite';
import { cardOf, cardText, SCHOOL_ID, TestBot } from '../harness/test-bot';

// Monday 9 March 2026, in term; 08:00 in London is 08:00 UTC (GMT).
const MONDAY_8AM = new Date('2026-03-09T08:00:00Z');
const school = generateDemoSchool({ asOf: '2026-03-06', pupilsPerYear: 12 });
const find = (id: string) => school.people.find((candidate) => candidate.id === id) as Person;
const leader = find(DEMO_PEOPLE.careersLeader.id);
const pupil = find(DEMO_PEOPLE.pupilYear10.id);
const CHANNEL = { teamId: '19:careers-team@thread.tacv2', channelId: '19:general@thread.tacv2' };

describe('the weekly gap digest', () => {
  let clock = MONDAY_8AM;
  let storage: EmbeddedStorage;
  let bot: TestBot;
  let second: TestBot;
  // Teams' service address is the one stored with the channel (the first instance's fake connector).
  const digestsPosted = () =>
    bot.connector.sent.filter((entry) => entry.conversationId === CHANNEL.channelId && cardText(entry.activity).includes('Careers digest'));

  beforeAll(async () => {
    // One storage account, two bot instances on it.
    storage = await startInMemoryAzurite();
    bot = await TestBot.start({ storage, school, now: () => clock });
    second = await TestBot.start({ storage, now: () => clock });
  });
  afterAll(async () => {
    await second?.stop();
    await bot?.stop();
    await storage?.close();
  });

  it('lets only the careers leader choose the channel, and only in a channel', async () => {
    const [refused] = await bot.sayInChannel(bot.userFor(pupil), CHANNEL, 'post the digest here');
    expect(refused!.text).toMatch(/only the careers leader or administrators/);
    const [personal] = await bot.say(bot.userFor(leader), 'post the digest here');
    expect(personal!.text).toMatch(/in the team channel/);
    const [done] = await bot.sayInChannel(bot.userFor(leader), CHANNEL, 'post the digest here');
    expect(done!.text).toContain('every Monday at 08:00, except in school holidays');
  });

  it('posts nothing before the hour, then exactly one digest although two instances run the job', async () => {
    clock = new Date('2026-03-09T07:59:00Z');
    expect((await bot.waypoint.jobs.runWeeklyDigest(clock))[0]!.outcome).toBe('not-yet');
    clock = MONDAY_8AM;
    const [one, two] = await Promise.all([bot.waypoint.jobs.runWeeklyDigest(clock), second.waypoint.jobs.runWeeklyDigest(clock)]);
    expect([one![0]!.outcome, two![0]!.outcome].sort()).toEqual(['already-posted', 'posted']);
    await bot.waypoint.outboxSender.flush();
    await second.waypoint.outboxSender.flush();
    expect(digestsPosted()).toHaveLength(1);
  });

  it('shows the same numbers as the report, top gaps first, readable as a first digest', async () => {
    const card = cardOf(digestsPosted()[0]!.activity);
    const text = cardText(card);
    const report = computeBenchmarkReport(await bot.waypoint.services.school.load(SCHOOL_ID), '2026-03-09', defaultSchoolSettings());
    expect(text).toContain('Careers digest, Mon 9 Mar 2026');
    // The same sentences, with any count of fewer than 5 pupils said so (the digest is read in a channel).
    for (const gap of gapsToActOn(report).gaps.slice(0, 5)) expect(text).toContain(withSmallCountsHidden(gap.sentence));
    const guidance = report.rows.filter((row) => row.benchmark === '8');
    const met = guidance.reduce((sum, row) => sum + row.met, 0);
    const total = guidance.reduce((sum, row) => sum + row.total, 0);
    const planned = guidance.reduce((sum, row) => sum + row.planned, 0);
    const percent = (n: number) => Math.round((n * 100) / total);
    // Posted in a channel: the chart's numbers are percentages, never counts.
    const words = `${percent(met)}% met, ${percent(planned)}% planned, ${percent(total - met - planned)}% unplanned`;
    expect(text).toContain(`B8\nPersonal guidance\n${words}`);
    // The digest leads with the chart, a picture every client shows, its alt text saying the same numbers.
    const [chart] = (card as { body: Array<{ items?: Array<Record<string, string>> }> }).body[2]!.items!.filter(
      (item) => item.type === 'Image',
    );
    expect(chart!.url).toMatch(/^data:image\/png;base64,/);
    expect(chart!.altText).toContain(`B8, ${words}`);
    expect(text).toContain('This is the first digest');
  });

  it('does not post again the same week, after a restart or on a later hourly run', async () => {
    await second.stop();
    second = await TestBot.start({ storage, now: () => clock });
    clock = new Date('2026-03-11T10:00:00Z');
    const runs = await second.waypoint.jobs.runWeeklyDigest(clock);
    expect(runs[0]!.outcome).toBe('already-posted');
  });

  it('catches up once when no instance was running at the scheduled time, and shows the change since last week', async () => {
    // Between the two digests a Year 10 pupil with no employer encounter this year goes to one.
    const services = second.waypoint.services;
    const lastWeek = computeBenchmarkReport(await services.school.load(SCHOOL_ID), '2026-03-09', defaultSchoolSettings());
    const year10Row = lastWeek.rows.find((row) => row.benchmark === '5' && row.yearGroup === 10)!;
    const evaluated = evaluateBenchmarks(await services.school.load(SCHOOL_ID), '2026-03-09', defaultSchoolSettings());
    const newcomer = evaluated.rows.find((row) => row.benchmark === '5' && row.yearGroup === 10)!.unmetIds[0];
    expect(newcomer).toBeDefined();
    await services.school.collections.activities.createOnce(SCHOOL_ID, {
      id: 'ACT-NEW',
      date: '2026-03-12',
      kind: 'employer_encounter',
      title: 'NHS careers talk',
      providerAccess: false,
      meaningful: true,
    });
    await services.school.collections.attendance.createOnce(SCHOOL_ID, { activityId: 'ACT-NEW', pupilId: newcomer! });

    // Nothing ran on Monday 16 March; an instance starting on Wednesday posts once.
    clock = new Date('2026-03-18T10:00:00Z');
    const runs = await Promise.all([bot.waypoint.jobs.runWeeklyDigest(clock), second.waypoint.jobs.runWeeklyDigest(clock)]);
    expect(runs.map((run) => run[0]!.outcome).sort()).toEqual(['already-posted', 'posted']);
    await bot.waypoint.outboxSender.flush();
    await second.waypoint.outboxSender.flush();
    const posted = digestsPosted();
    expect(posted).toHaveLength(2);
    expect(cardText(posted[1]!.activity)).toContain(
      `Year 10 employer encounters: ${year10Row.met} -> ${year10Row.met + 1} of ${year10Row.total}`,
    );
  });

  it('skips a week of school holidays', async () => {
    clock = new Date('2026-04-06T08:00:00Z'); // Easter holidays
    expect((await bot.waypoint.jobs.runWeeklyDigest(clock))[0]!.outcome).toBe('holiday');
  });

  it('answers “gaps” for the careers leader at any time, and refuses a pupil', async () => {
    const card = cardOf((await bot.say(bot.userFor(leader), 'gaps'))[0]);
    expect(cardText(card)).toContain('Careers gaps today');
    const [refused] = await bot.say(bot.userFor(pupil), 'gaps');
    expect(refused!.text).toMatch(/only the careers leader or administrators/);
  });

  it('drops the registration when the bot is removed from the team, and tells the leader', async () => {
    const removal = {
      ...bot.channelActivity(bot.userFor(leader), CHANNEL),
      type: 'conversationUpdate',
      membersRemoved: [{ id: '28:waypoint-bot' }],
    };
    await bot.post(removal);
    const runs = await bot.waypoint.jobs.runWeeklyDigest(new Date('2026-03-23T09:00:00Z'));
    expect(runs).toEqual([]);
    const note = (await bot.waypoint.services.outbox.history(SCHOOL_ID)).find((entry) => entry.message.key.startsWith('digest-removed:'));
    expect(note?.message.to).toEqual({ kind: 'person', personId: leader.id });
  });
});

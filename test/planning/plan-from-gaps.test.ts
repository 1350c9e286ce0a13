// "Plan an activity" from a gap: the gaps card and the report's top gaps offer it, prefilled for the
// gap's year group and the kind of activity that closes it, to staff who may plan; once planned, the
// report's row counts those pupils as planned instead of unplanned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/domain/school';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { buttonOn, cardOf, cardText, inputOn, person, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';
import type { TeamsUser } from '../harness/fake-teams-connector';
import { admin, adviser, leader, senco, TODAY } from './planning-people';

const pupils: Person[] = ['A', 'B', 'C', 'D'].map((letter, index) =>
  person({
    id: `P${index + 1}`,
    role: 'pupil',
    givenName: `Pupil${letter}`,
    familyName: `Tenth${letter}`,
    email: `p${index + 1}@school.example`,
    yearGroup: 10,
    form: index < 2 ? '10A' : '10B',
  }),
);

/** The report card's Table row for a benchmark and year group, its cells joined: "Year 10 0/4 · 0% 0 planned, 4 unplanned". */
function rowOf(card: unknown, benchmarkHeading: string, yearGroup: number): string {
  const sections = (card as { body: Array<{ type: string; items?: Array<Record<string, unknown>> }> }).body.filter(
    (element) => element.type === 'Container' && String(element.items?.[0]?.text ?? '').startsWith(benchmarkHeading),
  );
  const rows = sections
    .flatMap((section) => section.items ?? [])
    .filter((item) => item.type === 'Table')
    .flatMap((table) => table.rows as Array<{ cells: Array<{ items: unknown[] }> }>);
  const row = rows
    .map((tableRow) => tableRow.cells.map((cell) => cardText({ body: cell.items })).join(' '))
    .find((line) => line.startsWith(`Year ${yearGroup} `));
  if (!row) throw new Error(`No Year ${yearGroup} row under ${benchmarkHeading}`);
  return row;
}

describe('planning from a gap', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([leader, adviser, senco, admin, ...pupils]), now: () => TODAY });
    // Benchmark 1's checks met, so the pupils' gaps lead the report.
    const settings = defaultSchoolSettings({
      schoolName: 'Northfield Academy',
      programmeUrl: 'https://www.northfield.sch.uk/careers',
      careersLeader: { name: 'Jo Reid', email: 'jo@school.example', phone: '01632 960123' },
      policyReviewDate: '2026-09-01',
      lastEvaluatedDate: '2025-12-10',
    });
    await bot.waypoint.services.settings.save(SCHOOL_ID, settings, undefined);
  });
  afterAll(async () => bot.stop());

  const gapsCard = async (user: TeamsUser) => cardOf(await bot.execute(user, 'report.gaps', {}));

  it('offers the leader a prefilled plan under an unplanned gap; planning it moves the row from unplanned to planned', async () => {
    const user = bot.userFor(leader);
    const before = rowOf(cardOf(await bot.execute(user, 'report.show', {})), 'Benchmark 5', 10);
    expect(before).toContain('Year 10 0/4 · 0%');
    expect(before).toContain('0 planned, 4 unplanned');

    const gaps = await gapsCard(user);
    expect(cardText(gaps)).toContain('4 Year 10 pupils');
    const button = buttonOn(gaps, 'Plan an activity for Year 10');
    expect(button.data).toMatchObject({ yearGroup: 10 });
    const form = cardOf(await press(bot, user, gaps, 'Plan an activity for Year 10'));
    expect(inputOn(form, 'yearGroups')!.value).toBe('10');
    expect(['employer_encounter', 'workplace_experience', 'provider_encounter', 'labour_market_information']).toContain(
      inputOn(form, 'kind')!.value,
    );

    // The employer encounters gap, planned for Year 10.
    const employerButton = (gaps.body as Array<Record<string, unknown>>).find(
      (element) =>
        element.type === 'ActionSet' &&
        JSON.stringify(element).includes('"kind":"employer_encounter"') &&
        JSON.stringify(element).includes('"yearGroup":10'),
    );
    expect(employerButton).toBeDefined();
    const employerForm = cardOf(await press(bot, user, { body: [employerButton] }, 'Plan an activity for Year 10'));
    expect(inputOn(employerForm, 'kind')!.value).toBe('employer_encounter');
    const saved = cardOf(
      await press(bot, user, employerForm, 'Save the plan', { date: '2026-05-14', title: 'Year 10 employer day', organisation: 'Arup' }),
    );
    expect(cardText(saved)).toContain('Activity planned');

    const after = rowOf(cardOf(await bot.execute(user, 'report.show', {})), 'Benchmark 5', 10);
    expect(after).toContain('Year 10 0/4 · 0%');
    expect(after).toContain('4 planned, 0 unplanned');
    // The plan closes that gap: it no longer offers a plan, and is listed as planned.
    const gapsAfter = await gapsCard(user);
    expect(cardText(gapsAfter)).toContain('Year 10 employer day');
    expect(JSON.stringify(gapsAfter)).not.toContain('"kind":"employer_encounter"');
  });

  it('offers the plan on the report card’s top gaps too, and to careers advisers', async () => {
    const report = cardOf(await bot.execute(bot.userFor(adviser), 'report.show', {}));
    expect(() => buttonOn(report, 'Plan an activity for Year 10')).not.toThrow();
  });

  it.each([
    ['the SENCO', senco],
    ['an administrator', admin],
  ])('shows %s the gaps without a plan button, as they may not plan', async (_who, someone) => {
    const user = bot.userFor(someone);
    const gaps = await gapsCard(user);
    expect(cardText(gaps)).toContain('Year 10');
    expect(JSON.stringify(gaps)).not.toContain('plan.start');
    expect(JSON.stringify(cardOf(await bot.execute(user, 'report.show', {})))).not.toContain('plan.start');
  });

  it('offers the plan on the gaps typed in a personal chat, not to an administrator, and not in a channel', async () => {
    const [reply] = await bot.say(bot.userFor(leader), 'gaps');
    const typedGaps = cardOf(reply);
    expect(buttonOn(typedGaps, 'Plan an activity for Year 10').data).toMatchObject({ yearGroup: 10 });
    const form = cardOf(await press(bot, bot.userFor(leader), typedGaps, 'Plan an activity for Year 10'));
    expect(inputOn(form, 'yearGroups')!.value).toBe('10');

    const [adminReply] = await bot.say(bot.userFor(admin), 'gaps');
    expect(JSON.stringify(cardOf(adminReply))).not.toContain('Plan an activity');

    const replies = await bot.sayInChannel(bot.userFor(leader), { teamId: 'team-gaps', channelId: '19:gaps@thread.tacv2' }, 'gaps');
    const shared = replies.find((activity) => activity.attachments?.length);
    expect(cardText(cardOf(shared))).toContain('Careers gaps today');
    expect(JSON.stringify(cardOf(shared))).not.toContain('Plan an activity');
  });
});

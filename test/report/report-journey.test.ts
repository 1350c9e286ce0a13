import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gapsToActOn, type BenchmarkRow } from '../../src/domain/benchmarks';
import { type Slot } from '../../src/journeys/meetings/meeting-codecs';
import { GAPS_CARD_LIMIT } from '../../src/journeys/report/report-cards';
import { cardOf, cardText, messageOf, press, SCHOOL_ID, TestBot } from '../harness/test-bot';
import { expectedReport, SMALL_SCHOOL_AS_OF, SMALL_SCHOOL_SETTINGS, smallSchool, startSmallSchoolBot } from './small-school';

// A report Table row's cells: "Year 10", "12/40 · 30%" (the unit in the header), "20 planned, 8 unplanned".
const MET_CELL = /^(\d+)\/(\d+) · (\d+)%$/;

const school = smallSchool();
const byId = (id: string) => school.people.find((person) => person.id === id)!;

/** Each tappable year-group row of the report card: which row it opens and the numbers it shows. */
function cardRows(card: unknown): Array<{ benchmark: string; yearGroup: number; shown: string; forecast: string }> {
  const rows: Array<{ benchmark: string; yearGroup: number; shown: string; forecast: string }> = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, any>;
    // Each benchmark's Table says in its header which number is which, and what it counts.
    if (record.type === 'Table' && record.rows[1]?.cells[0].selectAction?.verb === 'report.pupils') {
      const header = record.rows[0].cells.map((cell: any) => cell.items[0].text);
      // Benchmark 4 counts subjects, every other row pupils: the unit says which.
      const unit = record.rows[1].cells[0].selectAction.data.benchmark === '4' ? 'subjects' : 'pupils';
      expect(header).toEqual(['Year', `Met (${unit})`, 'By the end of the year']);
      headed += record.rows.length - 1;
    }
    if (record.type === 'TableRow' && record.cells[0].selectAction?.verb === 'report.pupils') {
      const [year, metCell, forecastCell] = record.cells.map((cell: any) => cell.items[0].text as string);
      const action = record.cells[0].selectAction;
      expect(year).toBe(`Year ${action.data.yearGroup}`);
      const [, met, total, percent] = MET_CELL.exec(metCell)!;
      const [, planned, unplanned] = /^(\d+) planned, (\d+) unplanned$/.exec(forecastCell)!;
      rows.push({
        benchmark: action.data.benchmark,
        yearGroup: action.data.yearGroup,
        shown: `${met}/${total} · ${percent}%`,
        forecast: `${planned}/${unplanned}`,
      });
      return;
    }
    Object.values(record).forEach(walk);
  };
  let headed = 0;
  walk(card);
  expect(headed).toBe(rows.length);
  return rows;
}

describe('the benchmark report in Teams', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startSmallSchoolBot(school);
  });
  afterAll(async () => bot.stop());

  const user = (id: string) => bot.userFor(byId(id));

  async function reportCard(who = 'S001') {
    const [reply] = await bot.say(user(who), 'report');
    return cardOf(reply);
  }

  it('shows exactly the numbers of computeBenchmarkReport, a table row per year group, and the top gaps', async () => {
    const card = await reportCard();
    // The same data as the bot reads it (storage returns rows in key order, which orders subjects in gap sentences).
    const stored = await bot.waypoint.services.school.load(SCHOOL_ID);
    const expected = expectedReport(stored, SMALL_SCHOOL_AS_OF, SMALL_SCHOOL_SETTINGS);
    expect(expectedReport(school, SMALL_SCHOOL_AS_OF, SMALL_SCHOOL_SETTINGS).rows).toEqual(expected.rows);
    const pupilRows = expected.rows.filter((row) => row.benchmark !== '1');
    const percent = (row: BenchmarkRow) => Math.round((row.met / row.total) * 100);
    expect(cardRows(card).map(({ benchmark, yearGroup, shown, forecast }) => ({ benchmark, yearGroup, shown, forecast }))).toEqual(
      pupilRows.map((row) => ({
        benchmark: row.benchmark,
        yearGroup: row.yearGroup,
        shown: `${row.met}/${row.total} · ${percent(row)}%`,
        forecast: `${row.planned}/${row.unplanned}`,
      })),
    );
    const text = cardText(card);
    expect(text).toContain('Benchmark report\nNorthfield Academy. As of Sun 15 Mar 2026 (2025/26)');
    expect(text).toContain('✓ Careers programme published');
    expect(text).toContain('✗ Careers leader named, with email and phone');
    expect(text).toContain('✗ Careers policy review not overdue');
    expect(text).toContain('✓ Programme evaluated this year');
    // The gaps to act on (Benchmark 4 as one item, equity notes apart), counted as everywhere else.
    const toActOn = gapsToActOn(expected);
    expect(text).toContain(`Top gaps (${toActOn.gaps.length} in all)`);
    for (const gap of toActOn.gaps.slice(0, 3)) expect(text).toContain(gap.sentence);
    // The rest of the gaps are one tap away, with the equity notes after them.
    const all = cardText(cardOf(await press(bot, user('S001'), card, 'All gaps')));
    expect(toActOn.gaps.length).toBeLessThanOrEqual(GAPS_CARD_LIMIT);
    expect(all).toContain(`${toActOn.gaps.length} gaps.`);
    for (const gap of [...toActOn.gaps, ...toActOn.equity]) expect(all).toContain(gap.sentence);
    // Small enough for Teams (about 28 KB).
    expect(JSON.stringify(card).length).toBeLessThan(28_000);
  });

  it('opens the pupils who have not met a row, with SEND, pupil premium and looked-after filters', async () => {
    const card = await reportCard();
    // Benchmark 5, Year 11: the careers fair (ACT003) was not meaningful, so neither Noah nor Maya has it.
    const row = cardRows(card).find((entry) => entry.benchmark === '5' && entry.yearGroup === 11)!;
    expect(row.shown).toBe('0/2 · 0%');
    const list = cardOf(await bot.execute(user('S001'), 'report.pupils', { asOf: SMALL_SCHOOL_AS_OF, benchmark: '5', yearGroup: 11 }));
    const text = cardText(list);
    expect(text).toContain('Benchmark 5, Year 11');
    expect(text).toContain('2 of 2 pupils in Year 11 haven’t met it yet.');
    expect(text).toContain('Noah Williams · 11A');
    expect(text).toContain('Maya Chen · 11A · SEND, PP');

    const send = cardText(cardOf(await press(bot, user('S001'), list, 'SEND (1)')));
    expect(send).toContain('1 of the 2 pupils who haven’t met it yet has SEND.');
    expect(send).toContain('Maya Chen');
    expect(send).not.toContain('Noah Williams');
    const premium = cardText(cardOf(await press(bot, user('S001'), list, 'Pupil premium (1)')));
    expect(premium).toContain('Maya Chen');
    const lookedAfter = cardText(cardOf(await press(bot, user('S001'), list, 'Looked after (0)')));
    expect(lookedAfter).toContain('0 of the 2 pupils who haven’t met it yet are looked after.');
    expect(lookedAfter).not.toContain('Maya Chen');

    // Year 13: Siân Evans is looked after.
    const year13 = cardOf(
      await bot.execute(user('S002'), 'report.pupils', { asOf: SMALL_SCHOOL_AS_OF, benchmark: '5', yearGroup: 13, filter: 'looked_after' }),
    );
    expect(cardText(year13)).toContain('Siân Evans · 13A · LAC');
    expect(cardText(year13)).not.toContain('Leo Khan');
  });

  it('lists the subjects without a link for a Benchmark 4 row', async () => {
    const list = cardText(
      cardOf(await bot.execute(user('A001'), 'report.pupils', { asOf: SMALL_SCHOOL_AS_OF, benchmark: '4', yearGroup: 10 })),
    );
    expect(list).toContain('Benchmark 4, Year 10');
    expect(list).toMatch(/2 of 3 subjects have no careers link for Year 10 yet/);
    expect(list).toContain('English');
    expect(list).toContain('Science');
  });

  it('lets the careers leader, admin, SENCO and advisers see it; refuses pupils and teachers', async () => {
    for (const id of ['S001', 'S003', 'S002', 'A001']) expect(cardText(await reportCard(id))).toContain('Benchmark report');
    for (const id of ['P0001', 'T001']) {
      const [reply] = await bot.say(user(id), 'report');
      expect(reply!.text).toMatch(/^Sorry, only the careers leader, administrators, the SENCO or careers advisers can do that/);
      for (const [verb, data] of [
        ['report.pupils', { asOf: SMALL_SCHOOL_AS_OF, benchmark: '5', yearGroup: 11 }],
        ['report.show', {}],
        ['report.gaps', {}],
      ] as const) {
        const answer = messageOf(await bot.execute(user(id), verb, data));
        expect(answer).toMatch(/^Sorry, only the careers leader/);
        expect(answer).not.toContain('Maya');
      }
    }
  });

  it('says how many free guidance slots advisers have published in the Benchmark 8 gaps', async () => {
    const gapsText = async () => cardText(cardOf(await bot.execute(user('S001'), 'report.gaps', {})));
    expect(await gapsText()).toContain('no free slots are published');
    const { slots } = bot.waypoint.services.meetingTables;
    const slot = (startsAt: string, extra: Partial<Slot> = {}): Slot => ({
      adviserId: 'A001',
      startsAt,
      minutes: 30,
      place: 'Careers office',
      createdBy: 'A001',
      ...extra,
    });
    // Mon 16 and Tue 17 Mar 2026 are school days after the report's Sunday; a booked slot is not free.
    const added = [
      slot('2026-03-16T09:00'),
      slot('2026-03-16T09:30'),
      slot('2026-03-17T14:00'),
      slot('2026-03-17T14:30', { meetingId: 'M-booked', pupilId: 'P0001' }),
    ];
    for (const each of added) await slots.createOnce(SCHOOL_ID, each);
    try {
      expect(await gapsText()).toContain('3 free slots are published');
    } finally {
      for (const each of added) await slots.deleteItem(SCHOOL_ID, each);
    }
  });

  it('answers a tampered row clearly', async () => {
    const answer = cardOf(await bot.execute(user('S001'), 'report.pupils', { asOf: 'yesterday', benchmark: '5', yearGroup: 11 }));
    expect(cardText(answer)).toContain('nothing was changed');
    expect(messageOf(await bot.execute(user('S001'), 'report.pupils', { asOf: SMALL_SCHOOL_AS_OF, benchmark: '6', yearGroup: 7 }))).toMatch(
      /isn’t in the report/,
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gapsToActOn } from '../../src/domain/benchmarks';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { DEMO_PEOPLE, generateDemoSchool } from '../../src/schooldata/demo-school';
import { buttonOn, cardOf, cardText, press, SCHOOL_ID, TestBot } from '../harness/test-bot';
import { expectedReport, SMALL_SCHOOL_AS_OF, SMALL_SCHOOL_SETTINGS, smallSchool, startSmallSchoolBot } from './small-school';

// "report Year 10" and "show me SEND pupils" open what was asked: the report narrowed to that year
// group, or counting only pupils with SEND (each row's pupils listed with SEND picked), for the
// same roles as the whole report.

const school = smallSchool();
const byId = (id: string) => school.people.find((person) => person.id === id)!;
const ROLE_REFUSAL =
  'Sorry, only the careers leader, administrators, the SENCO or careers advisers can do that in Waypoint. Type “help” to ' +
  'see what you can do.';

/** Each tappable row of a report card: the row it opens, the filter it opens with, and what it shows ("1/3 subjects"). */
function cardRows(card: unknown): Array<{ benchmark: string; yearGroup: number; filter?: string; shown: string }> {
  const rows: Array<{ benchmark: string; yearGroup: number; filter?: string; shown: string }> = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, any>;
    // A row of a benchmark's Table: the year cell opens its pupils, the next cell says met so far.
    if (record.type === 'Table' && record.rows[1]?.cells[0].selectAction?.verb === 'report.pupils') {
      // The header says what the met column counts: "Met (pupils)", "Met (subjects)".
      const [, unit] = /^Met \((pupils|subjects)\)$/.exec(record.rows[0].cells[1].items[0].text)!;
      for (const row of record.rows.slice(1)) {
        const [, met, total] = /^(\d+)\/(\d+) · \d+%$/.exec(row.cells[1].items[0].text)!;
        const { benchmark, yearGroup, filter } = row.cells[0].selectAction.data;
        rows.push({ benchmark, yearGroup, ...(filter ? { filter } : {}), shown: `${met}/${total} ${unit}` });
      }
      return;
    }
    Object.values(record).forEach(walk);
  };
  walk(card);
  return rows;
}

const heading = (card: unknown) => cardText({ body: (card as { body: unknown }).body }).split('\n')[0];

describe('the report narrowed to a year group or to SEND pupils', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startSmallSchoolBot(school);
  });
  afterAll(async () => bot.stop());

  const user = (id: string) => bot.userFor(byId(id));
  const ask = async (id: string, text: string) => cardOf((await bot.say(user(id), text))[0]);

  it('“report Year 10” shows Year 10’s rows and gaps alone, and “Whole school” goes back to the whole report', async () => {
    const card = await ask('S001', 'report Year 10');
    expect(heading(card)).toBe('Benchmark report: Year 10');
    expect(cardRows(card)).toEqual([
      { benchmark: '2', yearGroup: 10, shown: '1/1 pupils' },
      { benchmark: '3', yearGroup: 10, shown: '1/1 pupils' },
      { benchmark: '4', yearGroup: 10, shown: '1/3 subjects' },
      { benchmark: '5', yearGroup: 10, shown: '1/1 pupils' },
      { benchmark: '6', yearGroup: 10, shown: '0/1 pupils' },
      { benchmark: '7', yearGroup: 10, shown: '0/1 pupils' },
      { benchmark: 'PAL', yearGroup: 10, shown: '1/1 pupils' },
    ]);
    const text = cardText(card);
    expect(text).toContain('Top gaps (3 in all)');
    expect(text).toContain('Year 10 has no careers link yet this year in 2 subjects: English and Science');
    expect(text).toContain('1 Year 10 pupil has had fewer than two meaningful workplace experiences');
    // No row of another year group, nor the school-wide Benchmark 1 checks.
    expect(text).not.toMatch(/\bY(?:7|8|9|11|12|13)\b|^Year (?:7|8|9|11|12|13)\b/m);
    expect(text).not.toContain('Careers programme published');

    const whole = cardOf(await press(bot, user('S001'), card, 'Whole school'));
    expect(heading(whole)).toBe('Benchmark report');
    expect(cardText(whole)).toContain('Northfield Academy. As of');
    const expected = expectedReport(await bot.waypoint.services.school.load(SCHOOL_ID), SMALL_SCHOOL_AS_OF, SMALL_SCHOOL_SETTINGS);
    expect(cardRows(whole)).toHaveLength(expected.rows.filter((row) => row.benchmark !== '1').length);
  });

  it.each(['Y10 report', 'year 10 report', 'report for year 10', 'how is Year 10 doing?', 'what are the Y10 gaps?'])(
    '“%s” opens the same Year 10 report',
    async (text) => {
      const card = await ask('S001', text);
      expect(heading(card)).toBe('Benchmark report: Year 10');
      expect(new Set(cardRows(card).map((row) => row.yearGroup))).toEqual(new Set([10]));
    },
  );

  it('“show me SEND pupils” counts only pupils with SEND in each row, and a row lists them with SEND picked', async () => {
    const card = await ask('S002', 'show me SEND pupils');
    expect(heading(card)).toBe('Benchmark report: SEND pupils');
    // Kwame Mensah (Year 8) and Maya Chen (Year 11) have SEND; no school checks or subjects here.
    expect(cardRows(card)).toEqual([
      { benchmark: '2', yearGroup: 8, filter: 'send', shown: '0/1 pupils' },
      { benchmark: '2', yearGroup: 11, filter: 'send', shown: '0/1 pupils' },
      { benchmark: '3', yearGroup: 8, filter: 'send', shown: '1/1 pupils' },
      { benchmark: '3', yearGroup: 11, filter: 'send', shown: '0/1 pupils' },
      { benchmark: '5', yearGroup: 8, filter: 'send', shown: '0/1 pupils' },
      { benchmark: '5', yearGroup: 11, filter: 'send', shown: '0/1 pupils' },
      { benchmark: '6', yearGroup: 11, filter: 'send', shown: '0/1 pupils' },
      { benchmark: '7', yearGroup: 11, filter: 'send', shown: '0/1 pupils' },
      { benchmark: '8', yearGroup: 11, filter: 'send', shown: '0/1 pupils' },
      { benchmark: 'PAL', yearGroup: 8, filter: 'send', shown: '1/1 pupils' },
      { benchmark: 'PAL', yearGroup: 11, filter: 'send', shown: '0/1 pupils' },
    ]);
    expect(cardText(card)).toContain('SEND pupils are not falling behind their year groups on any benchmark the data can check.');
    expect(cardText(card)).not.toContain('Careers programme published');

    const list = cardOf(await press(bot, user('S002'), card, 'Year 11'));
    const listText = cardText(list);
    expect(listText).toContain('Benchmark 2, Year 11');
    expect(listText).toContain('1 of the 1 pupils who haven’t met it yet has SEND.');
    expect(listText).toContain('Maya Chen');
    expect(buttonOn(list, 'SEND (1)').data.filter).toBe('send');
  });

  it('narrows to both, and says so when a year group has no pupils with SEND', async () => {
    const card = await ask('S001', 'report Year 10 SEND');
    expect(heading(card)).toBe('Benchmark report: SEND pupils in Year 10');
    expect(cardRows(card)).toEqual([]);
    expect(cardText(card)).toContain('No pupils with SEND in Year 10 are on the roll.');
    const year11 = await ask('S002', 'how are SEND pupils doing in year 11?');
    expect(heading(year11)).toBe('Benchmark report: SEND pupils in Year 11');
    expect(new Set(cardRows(year11).map((row) => row.yearGroup))).toEqual(new Set([11]));
  });

  it('is for the same roles as the whole report: pupils and teachers get neither view', async () => {
    for (const id of ['P0001', 'T001']) {
      for (const text of ['report Year 10', 'report SEND']) {
        const replies = await bot.say(user(id), text);
        expect(
          replies.map((reply) => [reply.text, reply.attachments ?? []]),
          `${id} ${text}`,
        ).toEqual([[ROLE_REFUSAL, []]]);
      }
      // Free text is read within the role's own commands: no report, nor a button offering one.
      const replies = await bot.say(user(id), 'show me SEND pupils');
      expect(replies).toHaveLength(1);
      const [reply] = replies;
      expect(JSON.stringify(reply)).not.toMatch(/Benchmark report|"command":"report/);
    }
  });
});

describe('the SEND view of a school where SEND pupils trail their year group', () => {
  const asOf = '2026-12-02';
  const demo = generateDemoSchool({ asOf, pupilsPerYear: 10 });
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ school: demo, now: () => new Date(`${asOf}T10:00:00Z`) });
  });
  afterAll(async () => bot.stop());

  it('leads with the SEND pupils’ equity gaps from the whole report, and none of the others', async () => {
    const senco = demo.people.find((person) => person.id === DEMO_PEOPLE.senco.id)!;
    const card = cardOf((await bot.say(bot.userFor(senco), 'report SEND'))[0]);
    const whole = expectedReport(await bot.waypoint.services.school.load(SCHOOL_ID), asOf, defaultSchoolSettings());
    const sendGaps = gapsToActOn(whole).equity.filter((gap) => gap.equityGroup === 'send');
    expect(sendGaps.length).toBeGreaterThan(0);
    const text = cardText(card);
    expect(text).toContain('Falling behind their year group');
    for (const gap of sendGaps) expect(text).toContain(gap.sentence);
    expect(text).not.toMatch(/Pupil premium pupils|Looked-after pupils/);
    expect(text).not.toContain('Top gaps');
  });
});

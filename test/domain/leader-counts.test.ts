// One school, three places the careers leader reads its gaps: the report card, the "All gaps" card
// and the digest must count the same gaps, say each deadline once, and say what each number counts.
import { describe, expect, it } from 'vitest';
import { gapsToActOn } from '../../src/domain/benchmarks/gaps-to-act-on';
import { computeBenchmarkReport } from '../../src/domain/benchmarks/report';
import { composeDigest, deadlineNote } from '../../src/domain/digest/compose-digest';
import { digestText } from '../../src/domain/digest/digest-text';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { allGapsCard, digestCard } from '../../src/journeys/digest/digest-card';
import { gapsCard, reportCard } from '../../src/journeys/report/report-cards';
import { generateDemoSchool } from '../../src/schooldata/demo-school';
import { cardText } from '../harness/test-bot';

const AS_OF = '2026-12-02';
const settings = defaultSchoolSettings();
const report = computeBenchmarkReport(generateDemoSchool({ asOf: AS_OF, pupilsPerYear: 40 }), AS_OF, settings);
const digest = composeDigest(report, undefined);

describe('the leader’s gap counts', () => {
  it('are the same in the report, “All gaps” and the digest', () => {
    const { gaps, equity } = gapsToActOn(report);
    expect(equity.length).toBeGreaterThan(0); // so leaving equity notes out of the count is tested
    const total = gaps.length;
    expect(cardText(reportCard(report, { canEditSettings: true }))).toContain(`Top gaps (${total} in all)`);
    expect(cardText(gapsCard(report))).toContain(`${total} gaps.`);
    expect(digest.topGaps.length + digest.otherGaps.length).toBe(total);
    expect(cardText(allGapsCard(digest))).toContain(`${total} gaps, most urgent first.`);
    expect(cardText(digestCard(digest))).toContain(`All gaps (${total - digest.topGaps.length} more)`);
  });

  it('make Benchmark 4 one item naming its year groups, not one per year group', () => {
    const curriculum = [...digest.topGaps, ...digest.otherGaps].filter((gap) => gap.kind === 'curriculum_links');
    expect(curriculum).toHaveLength(1);
    const yearGroups = report.gaps
      .filter((gap) => gap.kind === 'curriculum_links')
      .map((gap) => gap.yearGroup!)
      .sort((a, b) => a - b);
    expect(yearGroups.length).toBeGreaterThan(1);
    expect(curriculum[0]!.missing!.map((entry) => entry.yearGroup)).toEqual(yearGroups);
    expect(curriculum[0]!.sentence).toMatch(
      new RegExp(`^Years ${yearGroups.slice(0, -1).join(', ')} and ${yearGroups.at(-1)} have subjects with no careers link`),
    );
    const benchmarks = digest.topGaps
      .filter((gap) => gap.kind !== 'school_check')
      .map((gap) => gap.benchmark + (gap.yearGroup === null ? '' : `:${gap.yearGroup}`));
    expect(new Set(benchmarks).size).toBe(benchmarks.length);
  });

  it('say a deadline once: “due today” for today, the date otherwise, the weeks only in the sentence', () => {
    const text = digestText(digest);
    expect(text).not.toMatch(/school weeks? left\n.*school weeks? left/);
    expect(text).not.toMatch(/by Wed 2 Dec 2026/);
    const dueToday = digest.topGaps.find((gap) => gap.deadline === AS_OF);
    expect(dueToday).toBeDefined();
    expect(text).toContain(`${dueToday!.sentence}\n    due today`);
    const card = cardText(digestCard(digest));
    // Each sentence on the card (the top gaps, and the first three the plan closes) says its weeks once, and nothing else does.
    const sentences = [...digest.topGaps, ...digest.planned.slice(0, 3)].map((gap) => gap.sentence);
    expect(card.match(/school weeks? left/g)?.length ?? 0).toBe(sentences.filter((sentence) => /school weeks? left/.test(sentence)).length);
    expect(deadlineNote({ deadline: '2026-12-18' }, AS_OF)).toBe('by Fri 18 Dec 2026');
    expect(deadlineNote({ deadline: AS_OF }, AS_OF)).toBe('due today');
  });

  it('end the year on the last day of the summer term, not 31 August in the holiday', () => {
    const summerEnd =
      settings.termDates?.terms.find((term) => term.name === 'summer' && term.start.startsWith('2027'))?.end ?? '2027-07-16';
    const yearEnd = report.gaps.filter((gap) => gap.benchmark === '5');
    expect(yearEnd.length).toBeGreaterThan(0);
    for (const gap of report.gaps) expect(gap.deadline.endsWith('-08-31'), gap.sentence).toBe(false);
    expect(yearEnd.every((gap) => gap.deadline === summerEnd)).toBe(true);
    expect(digestText(digest)).not.toContain('31 Aug');
  });

  it('say what Benchmark 4 counts (subjects) beside what the others count (pupils)', () => {
    const text = digestText(digest);
    expect(text).toMatch(/B4 Linking curriculum learning to careers \(\d+ of \d+ subjects\)/);
    expect(text).toMatch(/B5 .* \(\d+ of \d+ pupils\)/);
  });

  it('count planned and unplanned from the same rows: report card, gaps and digest', () => {
    // The demo school with a plan: an employer day for two Year 10 forms, a college visit for Year 9.
    const data = generateDemoSchool({ asOf: AS_OF, pupilsPerYear: 40 });
    const forms = [...new Set(data.people.filter((p) => p.yearGroup === 10 && p.form).map((p) => p.form!))].sort();
    data.activities.push(
      {
        id: 'PLAN-1',
        date: '2027-05-13',
        kind: 'employer_encounter',
        title: 'Year 10 employer day',
        providerAccess: false,
        meaningful: true,
        invitedForms: forms.slice(0, 1),
      },
      {
        id: 'PLAN-2',
        date: '2027-02-10',
        kind: 'provider_encounter',
        title: 'College visit',
        providerType: 'further_education_college',
        providerAccess: true,
        meaningful: true,
        invitedYearGroups: [9],
      },
    );
    const planned = computeBenchmarkReport(data, AS_OF, settings);
    const row = planned.rows.find((r) => r.benchmark === '5' && r.yearGroup === 10)!;
    expect(row.planned).toBeGreaterThan(0);
    expect(row.unplanned).toBeGreaterThan(0);
    for (const r of planned.rows) expect(r.met + r.planned + r.unplanned).toBe(r.total);

    // The report card's line for each row shows that row's planned and unplanned.
    // Its Table row: the year cell opening that benchmark's row, then met, then planned and unplanned in words.
    const card = JSON.stringify(reportCard(planned, { canEditSettings: true }));
    for (const r of planned.rows.filter((r) => r.benchmark !== '1')) {
      expect(card).toMatch(
        new RegExp(
          `"text":"Year ${r.yearGroup}"\\}\\],"selectAction":\\{[^}]*"benchmark":"${r.benchmark}"[^}]*\\}\\}\\},` +
            `\\{"type":"TableCell","items":\\[\\{"type":"TextBlock","text":"${r.met}/${r.total} · \\d+%"\\}\\]\\},` +
            `\\{"type":"TableCell","items":\\[\\{"type":"TextBlock","text":"${r.planned} planned, ${r.unplanned} unplanned"`,
        ),
      );
    }

    // Every pupil gap counts the row's unplanned pupils and names its planned ones.
    const pupilGaps = planned.gaps.filter((gap) => gap.kind === 'pupils_to_reach');
    expect(pupilGaps.some((gap) => (gap.planned ?? 0) > 0)).toBe(true);
    for (const gap of pupilGaps) {
      const source = planned.rows.find((r) => r.benchmark === gap.benchmark && r.yearGroup === gap.yearGroup)!;
      expect([gap.pupilsAffected, gap.planned ?? 0]).toEqual([source.unplanned, source.planned]);
    }
    const employerGap = pupilGaps.find((gap) => gap.benchmark === '5' && gap.yearGroup === 10)!;
    expect(employerGap.sentence).toContain(
      `planned: Year 10 employer day on Thu 13 May 2027 covers ${row.planned} ` +
        `of ${row.planned + row.unplanned}; ${row.unplanned} still need a plan.`,
    );

    // The digest and "All gaps" list the same gaps, in the same order, closed ones apart.
    const { gaps, planned: closed } = gapsToActOn(planned);
    const plannedDigest = composeDigest(planned, undefined);
    expect(
      [...plannedDigest.topGaps, ...plannedDigest.otherGaps].map((gap) => [gap.benchmark, gap.yearGroup, gap.pupilsAffected, gap.planned]),
    ).toEqual(gaps.map((gap) => [gap.benchmark, gap.yearGroup, gap.pupilsAffected, gap.planned]));
    expect(plannedDigest.planned.map((gap) => [gap.benchmark, gap.yearGroup])).toEqual(closed.map((gap) => [gap.benchmark, gap.yearGroup]));
    expect(cardText(gapsCard(planned))).toContain(`${gaps.length} gaps.`);
    expect(cardText(allGapsCard(plannedDigest))).toContain(employerGap.sentence);
  });

  it('lead the digest with the chart: one picture, then a row of words per benchmark', () => {
    const card = digestCard(digest) as unknown as { body: Array<{ items?: Array<Record<string, any>> }> };
    const chart = card.body[2]!.items!;
    expect(chart.filter((item) => item.type === 'Image')).toHaveLength(1);
    const [table] = chart.filter((item) => item.type === 'Table');
    expect(table!.rows).toHaveLength(digest.progress.length + 1);
  });
});

import type { AdaptiveCard } from '@microsoft/teams-ai';
import { actionSet, adaptiveCard, type CardElement, executeAction, heading, plainText, textBlock } from '../../cards/adaptive-card';
import { formatUkDate } from '../../domain/calendar';
import { fullName, type Person } from '../../domain/school';
import { benchmarkName, ruleOf } from './benchmark-names';
import { PUPIL_FILTERS, REPORT_VERBS, type PupilBenchmark, type PupilFilter } from './report-verbs';

export const PUPIL_PAGE = 40;

const FILTER_BUTTONS: Record<PupilFilter, string> = {
  all: 'Everyone',
  send: 'SEND',
  pupil_premium: 'Pupil premium',
  looked_after: 'Looked after',
};

/** What the filtered pupils share, agreeing with how many there are: "1 … has SEND", "3 … are looked after". */
const FILTER_WORDS: Record<Exclude<PupilFilter, 'all'>, (n: number) => string> = {
  send: (n) => `${n === 1 ? 'has' : 'have'} SEND`,
  pupil_premium: (n) => `${n === 1 ? 'is' : 'are'} eligible for pupil premium`,
  looked_after: (n) => `${n === 1 ? 'is' : 'are'} looked after`,
};

const FILTER_TESTS: Record<PupilFilter, (pupil: Person) => boolean> = {
  all: () => true,
  send: (pupil) => pupil.send,
  pupil_premium: (pupil) => pupil.pupilPremium,
  looked_after: (pupil) => pupil.lookedAfter,
};

export function pupilsMatching(pupils: readonly Person[], filter: PupilFilter): Person[] {
  return pupils.filter(FILTER_TESTS[filter]);
}

/** "SEND, PP, LAC": the flags a careers leader and SENCO scan for. */
export function flagsOf(pupil: Person): string {
  return [pupil.send ? 'SEND' : '', pupil.pupilPremium ? 'PP' : '', pupil.lookedAfter ? 'LAC' : ''].filter(Boolean).join(', ');
}

export interface PupilListInput {
  asOf: string;
  benchmark: PupilBenchmark;
  yearGroup: number;
  /** Everyone the row counts. */
  total: number;
  /** Pupils who do not yet meet it, in any order. */
  unmet: readonly Person[];
  filter: PupilFilter;
  offset: number;
  /** Benchmark 3 in Years 11 and 13: each pupil's latest intended destination, shown beside them. */
  intendedDestinations?: ReadonlyMap<string, string>;
}

/** Who has not met a row yet, filterable by SEND, pupil premium and looked-after, a page at a time. */
export function pupilListCard(input: PupilListInput): AdaptiveCard {
  const { asOf, benchmark, yearGroup, filter } = input;
  const sorted = [...input.unmet].sort(
    (a, b) =>
      (a.form ?? '').localeCompare(b.form ?? '', 'en-GB', { numeric: true }) ||
      a.familyName.localeCompare(b.familyName, 'en-GB') ||
      a.givenName.localeCompare(b.givenName, 'en-GB'),
  );
  const matching = pupilsMatching(sorted, filter);
  const offset = Math.min(input.offset, Math.max(0, matching.length - 1));
  const page = matching.slice(offset, offset + PUPIL_PAGE);
  const base = { asOf, benchmark, yearGroup };

  const summary =
    input.unmet.length === 0
      ? `All ${input.total} pupils in Year ${yearGroup} meet it. Well done!`
      : filter === 'all'
        ? `${input.unmet.length} of ${input.total} pupils in Year ${yearGroup} haven’t met it yet.`
        : `${matching.length} of the ${input.unmet.length} pupils who haven’t met it yet ${FILTER_WORDS[filter](matching.length)}.`;

  const body: CardElement[] = [
    heading(`${benchmarkName(benchmark)}, Year ${yearGroup}`),
    textBlock(ruleOf(benchmark, yearGroup), { subtle: true }),
    textBlock(summary, { weight: 'Bolder' }),
  ];
  if (input.unmet.length > 0) {
    body.push(
      actionSet(
        PUPIL_FILTERS.map((option) =>
          executeAction(
            `${FILTER_BUTTONS[option]} (${pupilsMatching(input.unmet, option).length})`,
            REPORT_VERBS.pupils,
            { ...base, filter: option, offset: 0 },
            option === filter ? 'positive' : undefined,
          ),
        ),
      ),
      ...page.map((pupil) => {
        const flags = flagsOf(pupil);
        const intended = input.intendedDestinations ? ` · ${intendedColumn(input.intendedDestinations.get(pupil.id))}` : '';
        return plainText(`${fullName(pupil)} · ${pupil.form ?? `Year ${pupil.yearGroup}`}${flags ? ` · ${flags}` : ''}${intended}`);
      }),
      textBlock(
        `${matching.length > PUPIL_PAGE ? `Showing ${offset + 1}–${offset + page.length} of ${matching.length}. ` : ''}PP: ` +
          `pupil premium · LAC: looked after · As of ${formatUkDate(asOf)}.`,
        { subtle: true },
      ),
    );
  }
  return adaptiveCard(body, [
    ...(offset > 0 ? [executeAction('Previous', REPORT_VERBS.pupils, { ...base, filter, offset: Math.max(0, offset - PUPIL_PAGE) })] : []),
    ...(offset + PUPIL_PAGE < matching.length
      ? [
          executeAction(`Next ${Math.min(PUPIL_PAGE, matching.length - offset - PUPIL_PAGE)}`, REPORT_VERBS.pupils, {
            ...base,
            filter,
            offset: offset + PUPIL_PAGE,
          }),
        ]
      : []),
    executeAction('Back to the report', REPORT_VERBS.show, { asOf }),
  ]);
}

function intendedColumn(destination: string | undefined): string {
  return destination === undefined ? 'no intended destination yet' : `intends: ${destination}`;
}

/** Benchmark 4's rows count subjects, not pupils: the list is the subjects with no link yet. */
export function subjectListCard(asOf: string, yearGroup: number, total: number, unmetSubjects: readonly string[]): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`${benchmarkName('4')}, Year ${yearGroup}`),
      textBlock(ruleOf('4', yearGroup), { subtle: true }),
      textBlock(
        unmetSubjects.length === 0
          ? `All ${total} subjects have a careers link for Year ${yearGroup} this year.`
          : `${unmetSubjects.length} of ${total} subjects have no careers link for Year ${yearGroup} yet:`,
        { weight: 'Bolder' },
      ),
      ...[...unmetSubjects].sort((a, b) => a.localeCompare(b, 'en-GB')).map((subject) => textBlock(subject)),
    ],
    [executeAction('Back to the report', REPORT_VERBS.show, { asOf })],
  );
}

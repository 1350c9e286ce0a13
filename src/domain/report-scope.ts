// "report Year 10", "Y10 report", "report SEND", "how is year 11 doing on guidance meetings?": the
// benchmark report narrowed to a year group, to the pupils with SEND, to one benchmark, or to
// several of these. The words people use for year groups, groups of pupils and benchmarks are here,
// read by the report's command and by src/domain/message-details.ts for every other command.

import { yearGroupsOfKeyStage, type KeyStage } from './calendar';
import { benchmarkName } from './benchmarks/benchmark-titles';
import type { BenchmarkId, EquityGroup } from './benchmarks/types';
import type { MessageDetails } from './message-details';

export const REPORT_GROUPS = ['send'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export interface ReportScope {
  yearGroup?: number;
  group?: ReportGroup;
  /** One benchmark's rows ("how is Year 11 doing on guidance meetings?": Benchmark 8). */
  benchmark?: BenchmarkId;
}

/** A secondary school's year groups, as people write them: "Year 10", "years 10", "year10", "Yr 10", "Y10". */
export const YEAR_GROUP_WORDS = String.raw`(?:years?|yrs?|y)\s*(?:1[0-3]|[7-9])`;
const SEND_WORDS = String.raw`(?:send|sen)(?:\s+pupils)?`;
const SCOPE_WORDS = String.raw`(?:${YEAR_GROUP_WORDS}|${SEND_WORDS})`;
const REPORT_WORDS = String.raw`(?:(?:the|benchmark|benchmarks|gatsby)\s+)*report`;

// ---------------------------------------------------------------------------------------------
// Benchmarks, by number or by what people call them

/** "benchmark 8", "BM8", "B8", "Gatsby 8". */
const BENCHMARK_NUMBER = /\b(?:benchmark|bm|gatsby|gb|b)\s*(?:no\.?\s*|number\s+)?([1-8])\b/i;

/** One pattern matching any of its alternatives, each written on its own. */
function anyOf(flags: string, ...alternatives: string[]): RegExp {
  return new RegExp(alternatives.join('|'), flags);
}

/** What people call each benchmark, earliest in the message winning (so "employer encounters at college" is Benchmark 5). */
const BENCHMARK_WORDS: ReadonlyArray<[BenchmarkId, readonly RegExp[]]> = [
  ['PAL', [/\bprovider\s+access(?:\s+legislation)?\b|\bbaker\s+clause\b/i, /\bPAL\b/]],
  [
    '8',
    [
      anyOf(
        'i',
        String.raw`\b(?:personal\s+)?guidance(?:\s+(?:meetings?|interviews?|appointments?))?\b`,
        String.raw`\bcareers?\s+(?:interviews?|meetings?|appointments?)\b`,
        String.raw`\bone[\s-]to[\s-]ones?\b`,
      ),
    ],
  ],
  [
    '6',
    [
      anyOf(
        'i',
        String.raw`\bwork(?:place)?\s+experiences?\b|\bexperiences?\s+of\s+workplaces?\b|\bworkplaces?(?:\s+visits?)?\b`,
        String.raw`\bwork\s+placements?\b|\bjob\s+shadowing\b`,
      ),
    ],
  ],
  ['5', [/\bemployers?(?:\s+(?:encounters?|talks?|visits?|engagement|events?))?\b|\bemployees\b/i]],
  ['4', [/\bcurriculum(?:\s+links?)?\b|\bsubject\s+links?\b|\bcareers?\s+links?\b/i]],
  [
    '7',
    [
      anyOf(
        'i',
        String.raw`\bfurther\s+(?:and|&)\s+higher\s+education\b|\b(?:further|higher)\s+education\b`,
        String.raw`\buni(?:versity|versities|s)?\b|\bcolleges?\b|\bapprenticeships?\b|\b(?:training\s+)?providers?(?:\s+encounters?)?\b`,
      ),
      /\bFE\b|\bHE\b/,
    ],
  ],
  ['2', [/\blabou?r[\s-]+market(?:\s+information)?\b|\bcareers?\s+information\b/i, /\bLMI\b/i]],
  ['3', [/\bneeds\s+of\s+each\b|\bindividual\s+needs\b|\bdestinations?\b/i]],
  ['1', [/\bstable\s+(?:careers\s+)?programme\b|\bcareers\s+programme\b/i]],
];

/** The benchmark a message names, by number ("benchmark 8", "B8") or in words ("guidance meetings", "work experience", "uni"). */
export function benchmarkIn(text: string): BenchmarkId | undefined {
  const numbered = BENCHMARK_NUMBER.exec(text);
  if (numbered) return numbered[1] as BenchmarkId;
  let found: { benchmark: BenchmarkId; at: number } | undefined;
  for (const [benchmark, patterns] of BENCHMARK_WORDS) {
    for (const pattern of patterns) {
      const match = pattern.exec(text);
      if (match && (found === undefined || match.index < found.at)) found = { benchmark, at: match.index };
    }
  }
  return found?.benchmark;
}

/** Loose on purpose, for the report's own pattern: the benchmark is read by benchmarkIn. */
const BENCHMARK_PHRASE = String.raw`(?:benchmark|bm|b)\s*[1-8]|[a-z][a-z\s&'’-]{1,60}`;

// ---------------------------------------------------------------------------------------------
// Year groups

const YEAR = String.raw`(?:1[0-3]|[7-9])`;
const YEAR_CONNECTOR = String.raw`\s*(,|\/|&|\+|-|–|—|\band\b|\bto\b|\bor\b)\s*`;
/** "Year 9", "Y10/11", "years 10 and 11", "Y7-9", "year 7, 8 and 9". */
const YEAR_LIST = new RegExp(String.raw`\b(?:years?|yrs?|y)\s*(${YEAR})\b((?:${YEAR_CONNECTOR}(?:(?:years?|yrs?|y)\s*)?${YEAR}\b)*)`, 'gi');
const KEY_STAGE = /\b(?:ks|key\s*stage)\s*([3-5])\b/gi;
/** "Sixth form" is Years 12 and 13, unless it names a provider ("a sixth form visit"). */
const SIXTH_FORM =
  /\b(lower|upper)?\s*(?:sixth|6th)(?:[\s-]*form(?:ers?)?)?\b(?!\s*(?:colleges?|visits?|trips?|talks?|open|taster|providers?))/gi;

/** Every year group a message names, ascending: "years 10 and 11", "Y9-11", "sixth form" (12 and 13), "KS4". */
export function yearGroupsIn(text: string): number[] {
  const years = new Set<number>();
  for (const match of text.matchAll(YEAR_LIST)) {
    let previous = Number(match[1]);
    years.add(previous);
    const rest = match[2] ?? '';
    for (const part of rest.matchAll(new RegExp(String.raw`${YEAR_CONNECTOR}(?:(?:years?|yrs?|y)\s*)?(${YEAR})\b`, 'gi'))) {
      const next = Number(part[2]);
      if (/^(?:-|–|—|to)$/i.test(part[1] ?? ''))
        for (let year = Math.min(previous, next); year <= Math.max(previous, next); year++) years.add(year);
      else years.add(next);
      previous = next;
    }
  }
  for (const match of text.matchAll(KEY_STAGE)) for (const year of yearGroupsOfKeyStage(Number(match[1]) as KeyStage)) years.add(year);
  for (const match of text.matchAll(SIXTH_FORM)) {
    // "sixth" alone is only a year group after lower/upper ("the sixth of May" is a date).
    if (!/form/i.test(match[0]) && !match[1]) continue;
    const which = match[1]?.toLowerCase();
    if (which !== 'upper') years.add(12);
    if (which !== 'lower') years.add(13);
  }
  return [...years].sort((a, b) => a - b);
}

/** The spans of text that name year groups or benchmarks by number, so a date parser does not read "years 7 to 9" as times. */
export function numberedScopeSpans(text: string): Array<{ start: number; end: number }> {
  const spans = [...text.matchAll(YEAR_LIST), ...text.matchAll(KEY_STAGE)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  for (const match of text.matchAll(new RegExp(BENCHMARK_NUMBER.source, 'gi')))
    spans.push({ start: match.index, end: match.index + match[0].length });
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Groups of pupils

export type PupilGroup = EquityGroup;

// SEND as a group of pupils, never the verb ("send me the report"): in capitals, or beside pupils,
// the report, the gaps or a year group.
const GROUP_WORDS: ReadonlyArray<[PupilGroup, readonly RegExp[]]> = [
  [
    'send',
    [
      /\bSEND?\b/,
      /\b(?:send|sen)\s+(?:pupils|students|children|kids|learners|cohort|view|report|gaps?)\b/i,
      new RegExp(String.raw`(?<=\b(?:report|gaps?|view|${YEAR_GROUP_WORDS})\s+(?:for\s+|on\s+|and\s+|in\s+)?)(?:send|sen)\b`, 'i'),
      /\bwith\s+(?:send|sen)\b|\bspecial\s+educational\s+needs\b/i,
    ],
  ],
  ['pupil_premium', [/\bpupil\s+premium\b|\bdisadvantaged\b/i, /\bPP\b/]],
  ['looked_after', [/\blooked[\s-]+after\b|\bchildren\s+in\s+care\b/i, /\bLAC\b|\bCLA\b/]],
];

/** The groups of pupils a message names: SEND, pupil premium, looked after. */
export function groupsIn(text: string): PupilGroup[] {
  return GROUP_WORDS.filter(([, patterns]) => patterns.some((pattern) => pattern.test(text))).map(([group]) => group);
}

// ---------------------------------------------------------------------------------------------
// The report's command

/**
 * "report", "the benchmark report", "report Year 10", "Y10 report", "report SEND", "report Year 10 SEND",
 * "report Year 11 benchmark 8", "how is year 11 doing on guidance meetings?", "how are SEND pupils doing?".
 */
export const REPORT_PATTERN = new RegExp(
  String.raw`^\s*(?:(?:(?:the\s+)?${SCOPE_WORDS}\s+)?${REPORT_WORDS}` +
    String.raw`(?:\s+(?:for\s+|on\s+)?${SCOPE_WORDS}(?:\s+(?:and\s+|in\s+)?${SCOPE_WORDS})?)?` +
    String.raw`(?:\s+(?:for\s+|on\s+)?(?:benchmark|bm|b)\s*[1-8])?` +
    String.raw`|how\s+(?:is|are)\s+(?:the\s+)?${SCOPE_WORDS}(?:\s+(?:and\s+|in\s+)?${SCOPE_WORDS})?` +
    String.raw`\s+(?:pupils\s+)?(?:doing|getting\s+on)` +
    String.raw`(?:\s+(?:on|with|for|in|at)\s+(?:${BENCHMARK_PHRASE}))?` +
    // A year group's or SEND pupils' gaps are that scope's report ("what are the Y10 gaps?"): the
    // gaps command itself is the whole school's.
    String.raw`|(?:what\s+are\s+|show\s+(?:me\s+)?)?(?:the\s+)?${SCOPE_WORDS}\s+gaps` +
    String.raw`|(?:what\s+are\s+|show\s+(?:me\s+)?)?(?:the\s+)?gaps\s+(?:for|in)\s+${SCOPE_WORDS})\s*[.!?]?\s*$`,
  'i',
);

/** What a report command asks for, from what its message carries: a year group, SEND, one benchmark, each only if named. */
export function reportScopeOf(text: string, details: Pick<MessageDetails, 'yearGroups' | 'groups' | 'benchmark'>): ReportScope {
  const [yearGroup] = details.yearGroups;
  const { benchmark } = details;
  // Typed as the command ("report send"), SEND is a scope whatever its case.
  const send = details.groups.includes('send') || (REPORT_PATTERN.test(text) && /\bsend?\b/i.test(text));
  return {
    ...(yearGroup === undefined ? {} : { yearGroup }),
    ...(send ? { group: 'send' as const } : {}),
    ...(benchmark === undefined ? {} : { benchmark }),
  };
}

/** The command's own words for a scope: "report", "report Year 10", "report SEND", "report Year 10 SEND". */
export function reportCommandText(scope: ReportScope): string {
  return [
    'report',
    scope.yearGroup === undefined ? '' : `Year ${scope.yearGroup}`,
    scope.group === 'send' ? 'SEND' : '',
    scope.benchmark === undefined || scope.benchmark === 'PAL' ? '' : `benchmark ${scope.benchmark}`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** How a card names the scope: "Year 10", "SEND pupils", "SEND pupils in Year 10", "Year 11, Benchmark 8". */
export function scopeLabel(scope: ReportScope): string | undefined {
  const who =
    scope.group === 'send'
      ? scope.yearGroup === undefined
        ? 'SEND pupils'
        : `SEND pupils in Year ${scope.yearGroup}`
      : scope.yearGroup === undefined
        ? undefined
        : `Year ${scope.yearGroup}`;
  const which = scope.benchmark === undefined ? undefined : benchmarkName(scope.benchmark);
  return [who, which].filter(Boolean).join(', ') || undefined;
}

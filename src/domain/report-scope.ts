// "report Year 10", "Y10 report", "report SEND": the benchmark report narrowed to a year group, to
// the pupils with SEND, or both. The words here are the command's own; the phrase matcher
// (src/bot/phrases) turns ordinary phrasings ("show me SEND pupils") into them.

export const REPORT_GROUPS = ['send'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export interface ReportScope {
  yearGroup?: number;
  group?: ReportGroup;
}

/** A secondary school's year groups, as people write them: "Year 10", "year10", "Yr 10", "Y10". */
export const YEAR_GROUP_WORDS = String.raw`(?:year|yr|y)\s*(?:1[0-3]|[7-9])`;
const SEND_WORDS = String.raw`(?:send|sen)(?:\s+pupils)?`;
const SCOPE_WORDS = String.raw`(?:${YEAR_GROUP_WORDS}|${SEND_WORDS})`;
const REPORT_WORDS = String.raw`(?:(?:the|benchmark|benchmarks|gatsby)\s+)*report`;

/** "report", "the benchmark report", "report Year 10", "Y10 report", "report SEND", "report Year 10 SEND". */
export const REPORT_PATTERN = new RegExp(
  String.raw`^\s*(?:(?:the\s+)?${SCOPE_WORDS}\s+)?${REPORT_WORDS}` +
    String.raw`(?:\s+(?:for\s+|on\s+)?${SCOPE_WORDS}(?:\s+(?:and\s+|in\s+)?${SCOPE_WORDS})?)?\s*[.!?]?\s*$`,
  'i',
);

/** What a report command asks for (the text has matched REPORT_PATTERN). */
export function reportScopeOf(text: string): ReportScope {
  const year = /\b(?:year|yr|y)\s*(1[0-3]|[7-9])\b/i.exec(text);
  return { ...(year ? { yearGroup: Number(year[1]) } : {}), ...(/\bsend?\b/i.test(text) ? { group: 'send' as const } : {}) };
}

/** The command's own words for a scope: "report", "report Year 10", "report SEND", "report Year 10 SEND". */
export function reportCommandText(scope: ReportScope): string {
  return ['report', scope.yearGroup === undefined ? '' : `Year ${scope.yearGroup}`, scope.group === 'send' ? 'SEND' : '']
    .filter(Boolean)
    .join(' ');
}

/** How a card names the scope: "Year 10", "SEND pupils", "SEND pupils in Year 10". */
export function scopeLabel(scope: ReportScope): string | undefined {
  if (scope.group === 'send') return scope.yearGroup === undefined ? 'SEND pupils' : `SEND pupils in Year ${scope.yearGroup}`;
  return scope.yearGroup === undefined ? undefined : `Year ${scope.yearGroup}`;
}

import type { Role } from '../../domain/school';
import { reportCommandText, YEAR_GROUP_WORDS, type ReportScope } from '../../domain/report-scope';

// The exact command patterns want "book a meeting"; people type "I want to book a meeting please".
// This maps the common ways each role asks for its own commands onto the command's own words.
// It runs only after every exact pattern has failed, and never offers a command the role may not
// use (test/bot/ordinary-phrases.test.ts checks each answer against the registered commands).

const EVERYONE: readonly Role[] = ['pupil', 'teacher', 'careers_leader', 'careers_adviser', 'senco', 'admin'];
const STAFF: readonly Role[] = ['teacher', 'careers_leader', 'careers_adviser', 'senco', 'admin'];
const PUPIL: readonly Role[] = ['pupil'];
const ADVISERS: readonly Role[] = ['careers_adviser', 'careers_leader'];
const ACTIVITY_RECORDERS: readonly Role[] = ['careers_leader', 'careers_adviser', 'teacher'];
const REPORT_READERS: readonly Role[] = ['careers_leader', 'admin', 'senco', 'careers_adviser'];
const LEADERS: readonly Role[] = ['careers_leader', 'admin'];
const RECORD_READERS: readonly Role[] = ['careers_adviser', 'careers_leader', 'senco'];

/** One pattern matching any of its alternatives, each written on its own. */
function anyOf(...alternatives: (RegExp | string)[]): RegExp {
  return new RegExp(alternatives.map((alternative) => (typeof alternative === 'string' ? alternative : alternative.source)).join('|'));
}

interface Phrasing {
  roles: readonly Role[];
  /** Tested against the tidied text (lower case, fillers off); a function may build the command. */
  pattern: RegExp;
  command: string | ((match: RegExpExecArray) => string | undefined);
}

const MEETING = String.raw`(?:meetings?|appointments?|interviews?|guidance|chat|session)`;
const ADVISER =
  String.raw`(?:(?:the\s+|my\s+|a\s+)?careers?\s+(?:adviser|advisor|person|lady|man|teacher)` +
  String.raw`|(?:the\s+|my\s+|an\s+)?(?:adviser|advisor))`;
// SEND as a group of pupils, never the verb ("send me the report").
const SEND_PUPILS = [
  String.raw`\b(?:send|sen)\s+(?:pupils|students|children|kids|learners|cohort|view|report|gaps?)\b`,
  String.raw`\b(?:pupils|students|children|kids|learners)\s+with\s+(?:send|sen|special\s+educational\s+needs)\b`,
  String.raw`\breport\s+(?:for\s+|on\s+)?(?:send|sen)\b`,
  String.raw`\bspecial\s+educational\s+needs\b`,
].join('|');
const YEAR_GROUP = String.raw`\b(${YEAR_GROUP_WORDS})s?\b`;
// How a year group is asked about: "report Year 10", "how is year 9 doing?", "Y11 gaps".
const ABOUT_THE_REPORT = String.raw`\b(?:report|benchmarks?|gatsby|gaps?|doing|getting\s+on|going|progress|behind|missing|met)\b`;
const ENCOUNTER =
  String.raw`(?:employer|provider|university|college|apprenticeship|careers?\s+fair|workplace|work\s+experience|` +
  String.raw`trip|visit|talk|assembly|workshop|event|encounter|activity)`;

// Order matters: the first phrasing for the role that matches wins, so narrower ones come first.
const PHRASINGS: readonly Phrasing[] = [
  // Pupils and their meeting with the adviser.
  {
    roles: PUPIL,
    pattern: new RegExp(
      String.raw`\b(?:cancel|move|change|rearrange|reschedule|postpone|can'?t\s+make|cannot\s+make|miss)\b.*\b${MEETING}\b`,
    ),
    command: 'meetings',
  },
  {
    roles: PUPIL,
    pattern: anyOf(
      String.raw`\b(?:when|where|what\s+time|what\s+day)\b.*\b${MEETING}\b`,
      String.raw`\b(?:my|next)\s+(?:next\s+)?${MEETING}\b.*\b(?:when|time|date)\b`,
      String.raw`^(?:my\s+)?next\s+${MEETING}$`,
      String.raw`^(?:do\s+i\s+have|have\s+i\s+got)\s+(?:a|an|any)\s+${MEETING}$`,
    ),
    command: 'meetings',
  },
  { roles: PUPIL, pattern: new RegExp(String.raw`\b(?:request|ask\s+for|apply\s+for)\b.*\b${MEETING}\b`), command: 'request a meeting' },
  {
    roles: PUPIL,
    pattern: anyOf(
      String.raw`\b(?:book|make|arrange|schedule|get|have|set\s+up)\s+(?:a|an|in|me\s+in|some|my)?\s*` +
        String.raw`(?:careers?\s+|guidance\s+|one\s+to\s+one\s+)*${MEETING}\b`,
      String.raw`\b(?:see|talk\s+to|speak\s+to|meet|meet\s+with|chat\s+with)\s+${ADVISER}\b`,
      String.raw`\bbook\b.*\b${ADVISER}\b`,
    ),
    command: 'book a meeting',
  },
  {
    roles: PUPIL,
    pattern: anyOf(
      /\b(?:change|update|edit|add|set)\s+(?:my\s+)?(?:future\s+)?(?:plans?|aspirations?|goals?|destination)\b/,
      /^my\s+(?:future\s+)?(?:plans?|goals?|ambitions?)$/,
    ),
    command: 'my plans',
  },
  {
    roles: PUPIL,
    pattern: anyOf(
      /\bmy\s+(?:careers?\s+)?(?:record|history|progress|encounters|activities|profile)\b/,
      /\bwhat\s+have\s+i\s+done\b/,
      /\bwhat\s+(?:careers\s+)?(?:activities|encounters)\s+have\s+i\b/,
    ),
    command: 'my record',
  },

  // Advisers' diary, slots and requests.
  {
    roles: ADVISERS,
    pattern: anyOf(
      /\b(?:add|create|open|new|put\s+up|offer|set\s+up)\s+(?:some\s+|more\s+)?(?:meeting\s+|free\s+)?(?:slots?|availability|times)\b/,
      /\bi\s*(?:'?m|\s+am)\s+(?:free|available)\b/,
    ),
    command: 'add slots',
  },
  {
    roles: ADVISERS,
    pattern: /\b(?:my|free|open|available)\s+(?:meeting\s+)?slots\b|\bwhen\s+am\s+i\s+(?:free|available)\b/,
    command: 'my slots',
  },
  {
    roles: ADVISERS,
    pattern: /\brequests?\b|\bwho\s+(?:has|have)\s+asked\b|\b(?:waiting|asked)\s+for\s+(?:a\s+)?meetings?\b/,
    command: 'requests',
  },
  {
    roles: ADVISERS,
    pattern: anyOf(
      String.raw`\bdiary\b`,
      String.raw`\b(?:when|what|who)\b.*\b${MEETING}\b`,
      String.raw`\b(?:my|today'?s|next|upcoming)\s+(?:next\s+)?${MEETING}\b`,
      String.raw`\b${MEETING}\s+(?:today|this\s+week|tomorrow)\b`,
    ),
    command: 'my diary',
  },

  // Opening one pupil's record: the name is kept as typed.
  {
    roles: RECORD_READERS,
    pattern: new RegExp(
      String.raw`^(?:show|open|see|view|get|find|look\s+up|pull\s+up|check)(?:\s+me)?\s+` +
        String.raw`(?:(?:the\s+)?(?:careers\s+)?record\s+(?:for|of)\s+(?:pupil\s+)?(.+)|` +
        String.raw`(?:pupil\s+)?(.+?)(?:'s|’s|s')\s+(?:careers\s+)?record)$`,
    ),
    command: (match) => nameCommand(match[1] ?? match[2]),
  },
  { roles: RECORD_READERS, pattern: /^(.+?)(?:'s|’s|s')\s+(?:careers\s+)?record$/, command: (match) => nameCommand(match[1]) },

  // The report narrowed to a year group or to SEND pupils, before the whole report and the gaps.
  {
    roles: REPORT_READERS,
    pattern: new RegExp(String.raw`${SEND_PUPILS}|^(?=.*${YEAR_GROUP})(?=.*${ABOUT_THE_REPORT})`),
    command: (match) => reportCommandText(scopeOfPhrase(match.input)),
  },

  // The leader's gaps and the benchmark report.
  { roles: LEADERS, pattern: /\bgaps?\b|\bwhat(?:'?s|\s+is)\s+missing\b|\bwhere\s+are\s+we\s+(?:behind|short)\b/, command: 'gaps' },
  {
    roles: REPORT_READERS,
    pattern: anyOf(
      /\bbenchmarks?\b/,
      /\bgatsby\b/,
      /\breport\b/,
      /\bhow\s+(?:are|is)\s+(?:we|the\s+school|year\s+\d+|our)\b.*\b(?:doing|getting\s+on|going)\b/,
      /\bgaps?\b/,
      /\b(?:send|sen|pupil\s+premium|pp|looked\s+after|lac|disadvantaged)\s+(?:pupils|students|children|kids)\b/,
      /\bprogress\b/,
    ),
    command: 'report',
  },

  // Teachers' curriculum links and coverage.
  { roles: STAFF, pattern: /\bmy\s+(?:own\s+)?coverage\b/, command: 'my coverage' },
  { roles: STAFF, pattern: /\bcoverage\b|\bwhich\s+(?:topics|subjects)\b.*\bcovered\b/, command: 'coverage' },
  {
    roles: STAFF,
    pattern: anyOf(
      /\b(?:my|i'?ve)\s+(?:(?:logged|added|saved)\s+)?(?:curriculum\s+|careers?\s+)?links\b/,
      /\blinks\s+(?:i\s+have|i'?ve)\b/,
      /\b(?:show|list|see)\s+(?:my\s+|the\s+)?(?:curriculum\s+|careers?\s+)?links\b/,
    ),
    command: 'my links',
  },
  {
    roles: STAFF,
    pattern: new RegExp(
      String.raw`\b(?:log|add|record|new|enter|submit|make)\s+(?:a\s+|an\s+|another\s+|one\s+)?` +
        String.raw`(?:new\s+)?(?:curriculum\s+|careers?\s+|subject\s+)*link\b`,
    ),
    command: 'log link',
  },

  // Planning activities ahead, before recording one ("add a planned visit" is a plan).
  {
    roles: ACTIVITY_RECORDERS,
    pattern: anyOf(
      String.raw`\b(?:planned|upcoming|coming\s+up|future)\s+(?:careers\s+)?(?:activities|events|encounters|trips|visits|talks)\b`,
      String.raw`\bwhat(?:'?s|\s+is|\s+have\s+we)\s+(?:got\s+)?(?:planned|coming\s+up)\b`,
      String.raw`^(?:the|our)\s+(?:careers\s+)?(?:plan|programme\s+plan)$`,
    ),
    command: 'planned activities',
  },
  {
    roles: ACTIVITY_RECORDERS,
    pattern: anyOf(
      String.raw`\b(?:plan|schedule|organise|organize|arrange|set\s+up)\s+(?:a\s+|an\s+|another\s+|the\s+|our\s+|some\s+)?` +
        String.raw`(?:\w+\s+){0,2}${ENCOUNTER}s?\b`,
      String.raw`\b(?:add|new)\s+(?:a\s+)?planned\s+(?:\w+\s+){0,2}${ENCOUNTER}\b`,
    ),
    command: 'plan an activity',
  },

  // Encounters and attendance.
  { roles: ACTIVITY_RECORDERS, pattern: /\b(?:register|attendance|attended|who\s+came|who\s+was\s+there)\b/, command: 'attendance' },
  {
    roles: ACTIVITY_RECORDERS,
    pattern: anyOf(
      String.raw`\b(?:record|log|add|new|enter)\s+(?:a\s+|an\s+|the\s+|our\s+)?(?:\w+\s+){0,2}${ENCOUNTER}\b`,
      String.raw`\bwe\s+(?:had|ran|held)\s+(?:a|an)\b.*\b${ENCOUNTER}\b`,
    ),
    command: 'record activity',
  },

  // The leader's settings and digest.
  {
    roles: LEADERS,
    pattern: /\b(?:post|send|put)\b.*\bdigest\b.*\b(?:here|this\s+channel|this\s+chat)\b/,
    command: 'post the digest here',
  },
  { roles: LEADERS, pattern: /\bsettings\b|\b(?:change|set|edit)\s+(?:the\s+)?(?:school|term|consent|nudge)/, command: 'school settings' },

  // Last, as any words may follow it: "look up Ava Patel", "find pupil P0001".
  { roles: RECORD_READERS, pattern: /^(?:look\s+up|find\s+pupil|search\s+for\s+pupil)\s+(.+)$/, command: (match) => nameCommand(match[1]) },

  // Everyone.
  {
    roles: EVERYONE,
    pattern: anyOf(
      /\b(?:my\s+(?:details|profile|role|account))\b/,
      /\bwho\s+do\s+you\s+think\s+i\s+am\b/,
      /\bwhat(?:'?s|\s+is)\s+my\s+role\b/,
    ),
    command: 'my details',
  },
  {
    roles: EVERYONE,
    pattern: anyOf(
      /\bwhat\s+can\s+(?:you|i)\s+do\b/,
      /\bhow\s+(?:does\s+this|do\s+i\s+use\s+(?:this|you|waypoint))\b/,
      /^(?:commands|options|help\s+me|i\s+need\s+help|hey|good\s+(?:morning|afternoon))$/,
    ),
    command: 'help',
  },
];

// Politeness and preamble that change nothing about what is asked.
const FILLERS = [
  /^(?:hi|hello|hey|hiya|ok|okay|um|so)\b[\s,]*(?=\S)/,
  /^(?:waypoint)\b[\s,]*/,
  /^(?:please|pls|plz)\s+/,
  /^(?:can|could|would|will)\s+(?:you|i|we)\s+(?:please\s+)?/,
  /^(?:i\s+(?:want|need|would\s+like|'?d\s+like|wanna)|i'?d\s+like|id\s+like)\s+(?:to\s+)?/,
  /^(?:how\s+do\s+i|how\s+can\s+i|let\s+me|help\s+me)\s+(?=\S)/,
  new RegExp(
    String.raw`^(?:show|give|tell)\s+me\s+(?=(?:the\s+|my\s+|our\s+|a\s+)?` +
      String.raw`(?:report|gaps|diary|slots|requests|links|coverage|record|send|sen|pupil|benchmark|settings)\b)`,
  ),
  /\s+(?:please|pls|plz|thanks|thank\s+you|thx|mate)$/,
];

/** Lower case, curly quotes straightened, end punctuation and fillers off. */
export function tidyPhrase(text: string): string {
  let tidy = text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[?!.,;]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (let pass = 0; pass < 3; pass += 1) for (const filler of FILLERS) tidy = tidy.replace(filler, '').trim();
  return tidy;
}

function scopeOfPhrase(tidy: string): ReportScope {
  const year = new RegExp(YEAR_GROUP).exec(tidy)?.[1];
  return {
    ...(year ? { yearGroup: Number(/\d+/.exec(year)![0]) } : {}),
    ...(new RegExp(SEND_PUPILS).test(tidy) ? { group: 'send' as const } : {}),
  };
}

function nameCommand(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  if (!trimmed || /^(?:my|a|the|pupil|pupils|their|his|her)$/.test(trimmed)) return undefined;
  return `record ${trimmed}`;
}

/**
 * The command (as its own words, e.g. "book a meeting" or "record Ava Patel") that this role
 * most likely means, or undefined when nothing fits.
 */
export function commandForPhrase(text: string, role: Role): string | undefined {
  if (text.length > 300) return undefined;
  const tidy = tidyPhrase(text);
  if (tidy === '') return undefined;
  for (const phrasing of PHRASINGS) {
    if (!phrasing.roles.includes(role)) continue;
    const match = phrasing.pattern.exec(tidy);
    if (!match) continue;
    if (typeof phrasing.command === 'string') return phrasing.command;
    // A name keeps its capitals as typed: find it in the original text.
    const command = phrasing.command(match);
    if (command) return command.startsWith('record ') ? withOriginalCase(command, text) : command;
  }
  return undefined;
}

function withOriginalCase(command: string, original: string): string {
  const name = command.slice('record '.length);
  const at = original.toLowerCase().replace(/[‘’]/g, "'").indexOf(name);
  return at < 0 ? command : `record ${original.slice(at, at + name.length)}`;
}

// What the words of a message carry, whichever command it reaches (typed exactly or understood from
// free text): year groups, groups of pupils, a benchmark, the kind of activity, a date and times, a
// subject and a pupil's name. Pure: the caller hands in the time, the curriculum and the roster.

import * as chrono from 'chrono-node';
import type { BenchmarkId } from './benchmarks/types';
import { datePart } from './calendar';
import { closestPupils, nameKey } from './pupil-names';
import { benchmarkIn, groupsIn, numberedScopeSpans, yearGroupsIn, type PupilGroup } from './report-scope';
import { fullName, type ActivityKind, type CurriculumSubject, type IsoDate, type Person, type ProviderType } from './school';
import { schoolDateTimeOf } from './school-time';
import { spellingDistance } from './spelling-distance';
import { isSubjectName, resolveSubject, SUBJECT_ALIASES, subjectMatchKey } from './subject-aliases';

export interface MessageDetails {
  /** Ascending: "years 10 and 11" is [10, 11], "sixth form" [12, 13]. */
  yearGroups: number[];
  groups: PupilGroup[];
  benchmark?: BenchmarkId;
  activity?: ActivityDetail;
  /** School-local: "next Tuesday", "14 May", "tomorrow", "thursday afternoon". */
  date?: IsoDate;
  /** "HH:MM", school-local: typed ("2-4pm") or the part of the day ("afternoon"). */
  times?: { start: string; end?: string };
  subject?: SubjectDetail;
  /** Only when the caller passed the roster. */
  pupil?: PupilDetail;
}

export interface ActivityDetail {
  kind: ActivityKind;
  providerType?: ProviderType;
  /** As typed, e.g. "employer talk", "uni trip". */
  words: string;
}

export type SubjectDetail =
  /** The school's own spelling of a subject it teaches. */
  | { kind: 'taught'; subject: string; typed: string }
  /** Could mean several subjects the school teaches ("MFL" where French and Spanish are). */
  | { kind: 'ambiguous'; options: string[]; typed: string }
  /** Not a subject here, but a slip or two from one ("scince"): offer it rather than drop what was typed. */
  | { kind: 'near'; suggestion: string; typed: string };

export interface PupilDetail {
  /** The words that named the pupil, as typed. */
  typed: string;
  /** Pupils on the roster with that name, exactly (given name, family name or both). */
  matches: Person[];
  /** When nobody has that name: the nearest names, a slip or two away. */
  closest: Person[];
}

export interface DetailsContext {
  /** The instant the message was sent; dates are read in the school's time zone (UK time). */
  now: Date;
  /** The school's subjects, to recognise a subject (and a near miss). */
  curriculum?: readonly CurriculumSubject[];
  /** The pupils on roll, to recognise a pupil's name. */
  pupils?: readonly Person[];
}

/** Everything the message says that a command can fill in. */
export function messageDetails(text: string, context: DetailsContext): MessageDetails {
  const benchmark = benchmarkIn(text);
  const activity = activityIn(text);
  const { undated, ...when } = whenIn(text, context.now);
  const subject = context.curriculum ? subjectIn(text, context.curriculum) : undefined;
  // "14 May" is a date, not a pupil called May.
  const pupil = context.pupils ? pupilIn(undated, context.pupils) : undefined;
  return {
    yearGroups: yearGroupsIn(text),
    groups: groupsIn(text),
    ...(benchmark === undefined ? {} : { benchmark }),
    ...(activity ? { activity } : {}),
    ...when,
    ...(subject ? { subject } : {}),
    ...(pupil ? { pupil } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// The kind of activity

const EVENT = String.raw`visits?|trips?|talks?|fairs?|workshops?|events?|encounters?|assembl(?:y|ies)`;
const PROVIDER_EVENT = String.raw`(?:${EVENT}|open\s+(?:days?|evenings?)|taster\s+days?)`;

/** Most specific first: "a college visit" is a provider encounter, though "visit" alone says little. */
const ACTIVITY_WORDS: ReadonlyArray<[RegExp, ActivityKind, ProviderType?]> = [
  [
    new RegExp(
      String.raw`\b(?:uni|university|universities)\s+${PROVIDER_EVENT}|\b(?:visit|trip)\s+to\s+(?:a\s+|the\s+)?uni(?:versity)?\b`,
      'i',
    ),
    'provider_encounter',
    'university',
  ],
  [
    new RegExp(String.raw`\b(?:fe\s+)?colleges?\s+${PROVIDER_EVENT}|\b(?:visit|trip)\s+to\s+(?:a\s+|the\s+)?college\b`, 'i'),
    'provider_encounter',
    'further_education_college',
  ],
  [new RegExp(String.raw`\b(?:sixth|6th)[\s-]*form\s+${PROVIDER_EVENT}`, 'i'), 'provider_encounter', 'sixth_form'],
  [
    new RegExp(String.raw`\b(?:apprenticeships?|training\s+providers?)\s+(?:${PROVIDER_EVENT}|providers?)|\btraining\s+providers?\b`, 'i'),
    'provider_encounter',
    'independent_training_provider',
  ],
  [new RegExp(String.raw`\bproviders?\s+${PROVIDER_EVENT}`, 'i'), 'provider_encounter'],
  [
    new RegExp(
      String.raw`\bworkplace\s+(?:visits?|trips?|experiences?|tours?)\b|\bwork\s+(?:experience|placements?|shadowing)\b` +
        String.raw`|\bjob\s+shadowing\b|\b(?:site|factory|office)\s+visits?\b`,
      'i',
    ),
    'workplace_experience',
  ],
  [
    new RegExp(
      String.raw`\bemployers?\s+(?:${EVENT}|days?|panels?|speakers?|sessions?)\b` +
        String.raw`|\bcareers\s+fairs?\b|\bmock\s+interviews?\b|\bguest\s+speakers?\b|\bindustry\s+(?:talks?|days?|visits?)\b`,
      'i',
    ),
    'employer_encounter',
  ],
  [/\b(?:lmi|labou?r[\s-]+market(?:\s+information)?)(?:\s+(?:sessions?|lessons?|talks?|workshops?))?\b/i, 'labour_market_information'],
];

/** The kind of careers activity a message names: "employer talk", "college visit", "workplace visit", "uni trip". */
export function activityIn(text: string): ActivityDetail | undefined {
  let found: (ActivityDetail & { at: number }) | undefined;
  for (const [pattern, kind, providerType] of ACTIVITY_WORDS) {
    const match = pattern.exec(text);
    // The earliest named wins; at the same place, the more specific (listed first).
    if (match && (found === undefined || match.index < found.at))
      found = { kind, ...(providerType ? { providerType } : {}), words: match[0].trim(), at: match.index };
  }
  if (!found) return undefined;
  const { at: _at, ...activity } = found;
  return activity;
}

// ---------------------------------------------------------------------------------------------
// Dates and times

/** Parts of the school day, as advisers and staff say them. */
const PARTS_OF_THE_DAY: ReadonlyArray<[RegExp, { start: string; end: string }]> = [
  [/\bafter\s+school\b/i, { start: '15:30', end: '17:00' }],
  [/\bmorning\b/i, { start: '09:00', end: '12:00' }],
  [/\blunch(?:\s*time)?\b/i, { start: '12:00', end: '13:00' }],
  [/\bafternoon\b/i, { start: '13:00', end: '16:00' }],
];

/** Short day names chrono does not know. */
const DAY_SPELLINGS: ReadonlyArray<[RegExp, string]> = [
  [/\btues\b/gi, 'tuesday'],
  [/\bweds?\b/gi, 'wednesday'],
  [/\bthur\b/gi, 'thursday'],
];

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * chrono (en-GB, day first: "3/4" is 3 April) reads the date, in a frame where the school's local
 * time is written as if it were UTC, so the clocks changing cannot move a date; "afternoon" and the
 * like are the school's hours, not chrono's.
 */
function whenIn(text: string, now: Date): Pick<MessageDetails, 'date' | 'times'> & { undated: string } {
  const local = schoolDateTimeOf(now);
  // Year groups and benchmark numbers are not times ("years 7 to 9", "benchmark 8").
  const withoutNumbers = blankOut(text, numberedScopeSpans(text));
  const readable = DAY_SPELLINGS.reduce((spelt, [pattern, spelling]) => spelt.replace(pattern, spelling), withoutNumbers);
  const reference = { instant: new Date(`${local}:00Z`), timezone: 0 };
  const results = chrono.en.GB.parse(readable, reference, { forwardDate: true });
  const dated = results.find(
    (result) =>
      result.start.isCertain('day') ||
      result.start.isCertain('weekday') ||
      /\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b/i.test(result.text),
  );
  const date = dated ? datePart(dated.start.date().toISOString()) : undefined;

  const timed = results.find((result) => result.start.isCertain('hour'));
  const timeOf = (component: chrono.ParsedComponents) => {
    let hour = component.get('hour') ?? 0;
    // "2 till 4" in a school day is the afternoon.
    if (!component.isCertain('meridiem') && hour >= 1 && hour <= 6) hour += 12;
    return `${pad(hour)}:${pad(component.get('minute') ?? 0)}`;
  };
  const part = PARTS_OF_THE_DAY.find(([pattern]) => pattern.test(text))?.[1];
  const times = timed ? { start: timeOf(timed.start), ...(timed.end?.isCertain('hour') ? { end: timeOf(timed.end) } : {}) } : part;
  const undated = blankOut(
    readable,
    results.map((result) => ({ start: result.index, end: result.index + result.text.length })),
  );
  return { ...(date ? { date } : {}), ...(times ? { times } : {}), undated };
}

interface Span {
  start: number;
  end: number;
}

/** The text with these spans turned to spaces, so what they held is read once, as what it is. */
function blankOut(text: string, spans: readonly Span[]): string {
  let blanked = text;
  for (const span of spans) blanked = blanked.slice(0, span.start) + ' '.repeat(span.end - span.start) + blanked.slice(span.end);
  return blanked;
}

// ---------------------------------------------------------------------------------------------
// Subjects

/** Longest subject name, in words ("food preparation and nutrition"). */
const MAX_SUBJECT_WORDS = 5;
/** A word this short is too easily a slip from something else ("art" and "arc"). */
const NEAR_MISS_MIN_LENGTH = 4;

function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}&.'’-]+/u).filter(Boolean);
}

/** Every name a subject goes by here: the school's own, and the usual names and short forms. */
function subjectSpellings(curriculum: readonly CurriculumSubject[]): Array<{ spelling: string; subject: string }> {
  const spellings = curriculum.map((entry) => ({ spelling: entry.subject, subject: entry.subject }));
  for (const alias of SUBJECT_ALIASES) {
    for (const name of [alias.standard, ...(alias.schoolNames ?? []), ...alias.shortForms]) {
      const resolution = resolveSubject(name, curriculum);
      if (resolution.kind === 'taught') spellings.push({ spelling: name, subject: resolution.entry.subject });
    }
  }
  return spellings;
}

/**
 * The subject a message names, with the teacher's own short forms ("Y9 maths", "comp sci"); or, when
 * a word is a slip or two from a subject taught here ("scince"), that subject as a suggestion.
 */
export function subjectIn(text: string, curriculum: readonly CurriculumSubject[]): SubjectDetail | undefined {
  const words = wordsOf(text);
  // Longest first, so "design and technology" wins over "design".
  for (let length = Math.min(MAX_SUBJECT_WORDS, words.length); length > 0; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const typed = words.slice(start, start + length).join(' ');
      if (!isSubjectName(typed, curriculum)) continue;
      const resolution = resolveSubject(typed, curriculum);
      if (resolution.kind === 'taught') return { kind: 'taught', subject: resolution.entry.subject, typed };
      if (resolution.kind === 'ambiguous') return { kind: 'ambiguous', options: resolution.options, typed };
    }
  }
  return nearSubject(words, curriculum);
}

/** The subject taught here that one of the words is a slip from, if exactly one is nearest. */
export function nearSubject(words: readonly string[], curriculum: readonly CurriculumSubject[]): SubjectDetail | undefined {
  const spellings = subjectSpellings(curriculum);
  let best: { subject: string; typed: string; distance: number } | undefined;
  for (const word of words) {
    const typed = subjectMatchKey(word);
    if ([...typed].length < NEAR_MISS_MIN_LENGTH) continue;
    // One slip in a short word, two in a longer one: "scince" is Science, "mats" is not Maths's only reading.
    const allowed = [...typed].length < 6 ? 1 : 2;
    for (const { spelling, subject } of spellings) {
      const distance = spellingDistance(typed, subjectMatchKey(spelling), allowed);
      if (distance <= allowed && (best === undefined || distance < best.distance)) best = { subject, typed: word, distance };
    }
  }
  return best ? { kind: 'near', suggestion: best.subject, typed: best.typed } : undefined;
}

// ---------------------------------------------------------------------------------------------
// A pupil's name

/** Words that start a request rather than name someone, so a pupil called "Will" or "May" is only found when it is a name. */
const NOT_NAMES = new Set(
  (
    'a an the me my our your his her their show open pull bring up see view get find look check record records file files ' +
    'profile careers career of for on in at to and with about please can could you i is are was what how who whose record ' +
    'will may june april august summer grace hope joy faith rose mark bill art'
  ).split(' '),
);

/** Up to three words of the message that are a pupil's name (given, family or both, either way round), nearest first. */
export function pupilIn(text: string, pupils: readonly Person[]): PupilDetail | undefined {
  const typedWords = text.split(/\s+/).filter(Boolean);
  const keys = typedWords.map((word) => nameKey(word.replace(/(?:'s|’s|s'|'|’)$/i, '')));
  const names = pupils.map((pupil) => ({
    pupil,
    whole: [nameKey(fullName(pupil)), nameKey(`${pupil.familyName} ${pupil.givenName}`)],
    parts: [nameKey(pupil.givenName), nameKey(pupil.familyName)],
  }));
  // A lower-case common word ("may", "will") is not taken for a name; capitalised, it is.
  const mayBeName = (index: number) => !NOT_NAMES.has(keys[index] ?? '') || /^\p{Lu}/u.test(typedWords[index] ?? '');
  for (let length = 3; length > 0; length--) {
    for (let start = 0; start + length <= keys.length; start++) {
      const span = keys.slice(start, start + length).join(' ');
      if (span === '' || (length === 1 && !mayBeName(start))) continue;
      const matches = names
        .filter((name) => (length === 1 ? name.parts.includes(span) : name.whole.includes(span)))
        .map((name) => name.pupil);
      if (matches.length > 0) return { typed: cleanName(typedWords.slice(start, start + length).join(' ')), matches, closest: [] };
    }
  }
  // No name exactly: the capitalised words, or failing that the words that are not requests, a slip or two from a name.
  const candidates = keys.filter((key, index) => key !== '' && mayBeName(index) && !NOT_NAMES.has(key));
  const capitalised = typedWords.filter((word, index) => /^\p{Lu}/u.test(word) && !NOT_NAMES.has(keys[index] ?? '') && index > 0);
  const query = (capitalised.length > 0 ? capitalised.map((word) => nameKey(word.replace(/(?:'s|’s|s')$/i, ''))) : candidates)
    .slice(0, 2)
    .join(' ');
  const closest = query === '' ? [] : closestPupils(query, pupils);
  return closest.length > 0 ? { typed: query, matches: [], closest } : undefined;
}

function cleanName(typed: string): string {
  return typed.replace(/(?:'s|’s|s'|'|’)$/i, '').replace(/[.!?,;:]+$/, '');
}

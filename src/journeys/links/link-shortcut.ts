// The one-line way to log a careers link in chat: "Y9 maths: ratio and proportion -> nursing, pharmacy".
// Deterministic on purpose: a teacher should be able to predict what gets recorded. Anything only
// partly understood goes back as a partial draft for the card, with a problem per gap.

import type { CurriculumSubject } from '../../domain/school';
import { oneLine, listInEnglish } from '../../domain/typed-text';
import {
  careersProblem,
  checkLinkSubject,
  distinctCareers,
  LINK_PROBLEMS,
  splitCareers,
  subjectProblem,
  topicProblem,
  yearsInEnglish,
  type LinkDraft,
} from './link-submission';
import { isSubjectName } from '../../domain/subject-aliases';

export type LinkShortcutResult =
  | { kind: 'not-a-link' }
  /**
   * The subject as the school's curriculum spells it; year groups ascending, each taught the
   * subject. Not yet checked: see validateLinkDraft.
   */
  | { kind: 'complete'; draft: LinkDraft }
  /** didYouMean: the subject taught here that an unknown subject is a slip or two from ("scince": Science). */
  | { kind: 'partial'; draft: Partial<LinkDraft>; problems: string[]; didYouMean?: string };

/** Optional words before the shortcut: "link", "log a link:", "careers link". Not "links" or "my links". */
const COMMAND_WORDS = /^(?:(?:log|add)\s+(?:a\s+)?link|careers\s+link|link)\b\s*:?\s*/i;

/** Where the topic ends and the careers begin. The earliest one in the message wins. */
const CAREERS_ARROW = /\s*(?:[-–—]{1,2}>|=>|→|⟶|➔|➜)\s*|\s+(?:leads?|links?)\s+to\b\s*|\s*\bcareers?\s*:\s*/i;

/** Words that sometimes open the careers list and are not careers themselves: "-> careers in nursing". */
const CAREERS_PREAMBLE =
  /^(?:(?:careers?|jobs?|roles?)\s*:|(?:careers?|jobs?|roles?)\s+(?:in|like|such\s+as)\b|such\s+as\b|e\.?g\.?(?=\s)|like\b)\s*/i;

/** Between careers in a sentence, besides the commas, semicolons and slashes the card takes too: " and ", " & ". */
const CAREER_WORD_SEPARATOR = /\s+(?:and|&)\s+/gi;

/** Between the subject-and-year part and the topic, when the walk over the head stops at one. */
const HEAD_SEPARATOR = /\s*(?::|[-–—])\s*/y;

/** Joining words the head may contain: "maths for Y9", "maths and Y10". */
const HEAD_FILLER = /(?:(?:for|in|and)\b|&)\s*/iy;

/** Year-group spellings. Explicit forms may name any year (so "Y6" can be refused politely); bare numbers only start a list when 7-13. */
const YEAR_FORMS = {
  explicit: /(?:years?|yrs?|y)\s*(\d{1,2})s?\b/iy,
  keyStage: /(?:ks|key\s*stage)\s*([1-5])\b/iy,
  sixthForm: /(?:sixth|6th)[\s-]*form(?:ers?)?\b/iy,
  lowerSixth: /lower\s+(?:sixth|6th)\b/iy,
  upperSixth: /upper\s+(?:sixth|6th)\b/iy,
  bare: /(\d{1,2})\b/y,
  /** Between years in a list; the dash, en dash, em dash and "to" make a range. */
  connector: /\s*(,|\/|&|\+|and\b|to\b|-|–|—)\s*/iy,
} as const;

const KEY_STAGE_YEARS: Readonly<Record<string, readonly number[]>> = {
  '1': [1, 2],
  '2': [3, 4, 5, 6],
  '3': [7, 8, 9],
  '4': [10, 11],
  '5': [12, 13],
};

const SECONDARY_YEARS = { first: 7, last: 13 } as const;

/** Longest subject name, in words, that the head is searched for ("food preparation and nutrition"). */
const MAX_SUBJECT_WORDS = 5;

/** Up to MAX_SUBJECT_WORDS words with nothing but spaces between them. */
const SUBJECT_WORD_RUN = new RegExp(`[^\\s,:;]+(?:[ \\t]+[^\\s,:;]+){0,${MAX_SUBJECT_WORDS - 1}}`, 'y');

/** A head of unknown words longer than this is a sentence, not a subject and year group. */
const MAX_HEAD_WORDS_WITHOUT_SUBJECT = 4;

/**
 * The longest subject with every secondary year spelt out fits in 100 characters; the head walk
 * stops past this, so a hostile "Y9 maths y9 y9 y9 ..." costs no more than a real link.
 */
const MAX_HEAD_CHARACTERS = 160;

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** Teams can deliver a typed message as HTML, so "->" may arrive as "-&gt;". */
function decodeEntities(text: string): string {
  return text
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

// ---------------------------------------------------------------------------------------------
// Year groups

interface YearItem {
  years: number[];
  /** Set for a single numbered year, which can end or start a range ("Y9-11"). */
  single?: number;
  end: number;
}

type BareNumbers = 'none' | 'secondary' | 'any';

function readYearItem(text: string, at: number, bare: BareNumbers): YearItem | undefined {
  const fixed: Array<[RegExp, (match: RegExpExecArray) => readonly number[] | undefined]> = [
    [YEAR_FORMS.lowerSixth, () => [12]],
    [YEAR_FORMS.upperSixth, () => [13]],
    [YEAR_FORMS.sixthForm, () => [12, 13]],
    [YEAR_FORMS.keyStage, (match) => KEY_STAGE_YEARS[match[1] ?? '']],
  ];
  for (const [pattern, yearsOf] of fixed) {
    const match = matchAt(pattern, text, at);
    const years = match && yearsOf(match);
    if (match && years) return { years: [...years], end: at + match[0].length };
  }
  const explicit = matchAt(YEAR_FORMS.explicit, text, at);
  if (explicit) {
    const year = Number(explicit[1]);
    if (year >= 1) return { years: [year], single: year, end: at + explicit[0].length };
  }
  if (bare === 'none') return undefined;
  const number = matchAt(YEAR_FORMS.bare, text, at);
  if (!number) return undefined;
  const year = Number(number[1]);
  const lowest = bare === 'secondary' ? SECONDARY_YEARS.first : 1;
  if (year < lowest || year > SECONDARY_YEARS.last) return undefined;
  return { years: [year], single: year, end: at + number[0].length };
}

/** "Y9", "Y9/10", "Years 9 and 10", "Y9-11", "KS3", "sixth form": one list of years, or nothing. */
function readYearList(text: string, at: number, bareStart: boolean): { years: number[]; end: number } | undefined {
  const first = readYearItem(text, at, bareStart ? 'secondary' : 'none');
  if (!first) return undefined;
  const years = [...first.years];
  let previous = first;
  for (;;) {
    const connector = matchAt(YEAR_FORMS.connector, text, previous.end);
    if (!connector) break;
    const next = readYearItem(text, previous.end + connector[0].length, 'any');
    if (!next) break;
    const isRange = /^(?:-|–|—|to)$/i.test(connector[1] ?? '');
    if (isRange && previous.single !== undefined && next.single !== undefined) {
      const [from, to] = [Math.min(previous.single, next.single), Math.max(previous.single, next.single)];
      for (let year = from; year <= to; year++) years.push(year);
    } else {
      years.push(...next.years);
    }
    previous = next;
  }
  return { years, end: previous.end };
}

// ---------------------------------------------------------------------------------------------
// The head: the subject and year groups before the topic

/** The longest run of words at `at` that names a subject ("design and technology" before "design"). */
function readSubject(text: string, at: number, curriculum: readonly CurriculumSubject[]): { text: string; end: number } | undefined {
  const run = matchAt(SUBJECT_WORD_RUN, text, at);
  if (!run) return undefined;
  const wordEnds = [...run[0].matchAll(/\S+/g)].map((word) => (word.index ?? 0) + word[0].length);
  for (let count = wordEnds.length; count > 0; count--) {
    const candidate = run[0].slice(0, wordEnds[count - 1]);
    if (isSubjectName(candidate, curriculum)) return { text: candidate, end: at + candidate.length };
  }
  return undefined;
}

interface HeadReading {
  years: number[];
  /** As the teacher typed it. */
  subjectText?: string;
  /** Further subjects named in the same head ("Y9 maths science"). */
  otherSubjects: string[];
  /** Runs of words that were neither a subject nor a year group. */
  strayWords: string[];
  end: number;
}

/**
 * Walks the head from the start. 'prefix' stops at the first word it doesn't understand (the topic
 * may follow with no separator, "Y9 maths ratio -> nursing"); once it has a subject and a year it
 * accepts only explicit year groups, so a topic starting "10 green bottles" stays the topic.
 * 'whole' reads a head known to end at a colon, collecting what it doesn't understand.
 */
function readHead(text: string, curriculum: readonly CurriculumSubject[], mode: 'prefix' | 'whole'): HeadReading {
  const head: HeadReading = { years: [], otherSubjects: [], strayWords: [], end: 0 };
  let strayRun: string[] = [];
  const endStrayRun = () => {
    if (strayRun.length > 0) head.strayWords.push(strayRun.join(' '));
    strayRun = [];
  };
  let at = 0;
  for (;;) {
    const afterPunctuation = at + (matchAt(/[\s,]*/y, text, at)?.[0].length ?? 0);
    at = afterPunctuation;
    if (at >= text.length) break;
    if (at > MAX_HEAD_CHARACTERS) {
      // What is left is reported as not understood (whole) or read as the topic (prefix).
      if (mode === 'whole') strayRun.push(text.slice(at));
      break;
    }
    const afterFiller = at + (matchAt(HEAD_FILLER, text, at)?.[0].length ?? 0);
    const settled = head.subjectText !== undefined && head.years.length > 0;

    const yearList = readYearList(text, afterFiller, !(mode === 'prefix' && settled));
    if (yearList) {
      endStrayRun();
      head.years.push(...yearList.years);
      at = yearList.end;
      continue;
    }
    const subject = mode === 'prefix' && head.subjectText !== undefined ? undefined : readSubject(text, afterFiller, curriculum);
    if (subject) {
      endStrayRun();
      if (head.subjectText === undefined) head.subjectText = subject.text;
      else head.otherSubjects.push(subject.text);
      at = subject.end;
      continue;
    }
    if (mode === 'prefix') break;
    // From before any filler word, so "latin and greek" is reported as typed.
    const word = matchAt(/[^\s,]+/y, text, at);
    if (!word) break;
    // A lone dash or ampersand is punctuation, not something the teacher meant.
    if (!/^[-–—&+/]+$/.test(word[0])) strayRun.push(word[0]);
    at += word[0].length;
  }
  endStrayRun();
  head.end = at;
  return head;
}

interface ShortcutParts {
  head: HeadReading;
  /** The head's own text, when it ended at a colon. */
  headText?: string;
  hasColon: boolean;
  topicText: string;
}

/**
 * Splits the text before the arrow into head and topic: at a ':' or ' - ' where the head walk
 * stops, else at the first ':', else where the walk stops.
 */
function splitHeadAndTopic(beforeArrow: string, curriculum: readonly CurriculumSubject[]): ShortcutParts {
  const prefix = readHead(beforeArrow, curriculum, 'prefix');
  const separator = matchAt(HEAD_SEPARATOR, beforeArrow, prefix.end);
  if (separator) {
    return {
      head: prefix,
      headText: beforeArrow.slice(0, prefix.end),
      hasColon: separator[0].includes(':'),
      topicText: beforeArrow.slice(prefix.end + separator[0].length),
    };
  }
  const colon = beforeArrow.indexOf(':', prefix.end);
  if (colon >= 0) {
    const headText = beforeArrow.slice(0, colon);
    return { head: readHead(headText, curriculum, 'whole'), headText, hasColon: true, topicText: beforeArrow.slice(colon + 1) };
  }
  return { head: prefix, hasColon: false, topicText: beforeArrow.slice(prefix.end) };
}

// A message is a link attempt if it starts with a command word ("link", "log a link"...), OR its
// head names a year group and a subject (taught here or known to us) and it has a ':' or a careers
// arrow, OR its head is a short "year group + unknown words" before a ':' with an arrow after
// ("Y9 latin: verbs -> lawyer"), so a typo in the subject still gets a helpful answer. Everything
// else ("help", "my links", "what is my coverage", a bare "9") is not ours to answer.
function isLinkAttempt(parts: ShortcutParts, hasArrow: boolean): boolean {
  const { head } = parts;
  if (head.years.length === 0) return false;
  if (head.subjectText !== undefined && (parts.hasColon || hasArrow)) return true;
  const headWords = (parts.headText ?? '').split(/\s+/).filter(Boolean).length;
  return parts.hasColon && hasArrow && headWords <= MAX_HEAD_WORDS_WITHOUT_SUBJECT;
}

// ---------------------------------------------------------------------------------------------
// Topic and careers

function cleanTopic(text: string): string {
  return oneLine(text)
    .replace(/^[\s:,;\-–—]+/, '')
    .replace(/[\s:,;\-–—]+$/, '');
}

/** "careers in nursing, pharmacy and midwifery etc." as three careers, split as the card splits them. */
function careersAfterArrow(text: string): string[] {
  const list = oneLine(text).replace(CAREERS_PREAMBLE, '').replace(CAREER_WORD_SEPARATOR, ',');
  const careers = splitCareers(list).map((career) =>
    career
      .replace(/[.!?]+$/, '')
      .replace(/\s*\betc$/i, '')
      .trim(),
  );
  return distinctCareers(careers.filter((career) => career !== ''));
}

// ---------------------------------------------------------------------------------------------
// Wording

const quoted = (text: string) => `“${text}”`;

const PROBLEMS = {
  missingSubject: 'Which subject is it for?',
  otherSubject: (used: string, other: string) => `One subject per link, please: I’ve used ${used}, so log ${quoted(other)} separately.`,
  missingYears: 'Which year group is it for? For example “Y9” or “Y10/11”.',
  notSecondary: (years: readonly number[]) => `There’s no ${yearsInEnglish(years)} here: Waypoint covers Years 7 to 13.`,
  strayWords: (words: readonly string[]) => `I wasn’t sure what ${listInEnglish(words.map(quoted), 'and')} meant, so I’ve left it out.`,
  missingTopic: 'What did the lesson cover? Put the topic before the arrow, e.g. “Y9 maths: ratio -> nursing”.',
  missingCareers: 'Which careers does it lead to? Put them after an arrow, e.g. “-> nursing, pharmacy”.',
} as const;

// ---------------------------------------------------------------------------------------------

/** Reads a one-line careers link. Pure: the curriculum decides which subjects and year groups are valid. */
export function parseLinkShortcut(text: string, curriculum: readonly CurriculumSubject[]): LinkShortcutResult {
  const message = oneLine(decodeEntities(text));
  const command = COMMAND_WORDS.exec(message);
  const rest = command ? message.slice(command[0].length) : message;

  const arrow = CAREERS_ARROW.exec(rest);
  const beforeArrow = arrow ? rest.slice(0, arrow.index) : rest;
  const careersText = arrow ? rest.slice(arrow.index + arrow[0].length) : undefined;

  const parts = splitHeadAndTopic(beforeArrow, curriculum);
  if (!command && !isLinkAttempt(parts, arrow !== null)) return { kind: 'not-a-link' };

  const { head } = parts;
  const draft: Partial<LinkDraft> = {};
  const problems: string[] = [];

  // Unknown words stand in for the subject when no subject was recognised ("Y9 latin").
  const subjectText = head.subjectText ?? (head.strayWords.length > 0 ? head.strayWords.join(' ') : undefined);
  let taughtYears: readonly number[] | undefined;
  let didYouMean: string | undefined;
  if (subjectText === undefined) {
    problems.push(PROBLEMS.missingSubject);
  } else {
    const check = checkLinkSubject(subjectText, curriculum);
    if (check.kind === 'taught') {
      draft.subject = check.entry.subject;
      taughtYears = check.entry.yearGroups;
    } else {
      didYouMean = check.kind === 'unknown' ? check.didYouMean : undefined;
      problems.push(subjectProblem(subjectText, check)!);
    }
  }
  for (const other of head.otherSubjects) problems.push(PROBLEMS.otherSubject(draft.subject ?? subjectText ?? other, other));
  if (head.subjectText !== undefined && head.strayWords.length > 0) problems.push(PROBLEMS.strayWords(head.strayWords));

  const years = [...new Set(head.years)].sort((a, b) => a - b);
  if (years.length === 0) {
    problems.push(PROBLEMS.missingYears);
  } else {
    const isValid = (year: number) =>
      taughtYears ? taughtYears.includes(year) : year >= SECONDARY_YEARS.first && year <= SECONDARY_YEARS.last;
    const valid = years.filter(isValid);
    const invalid = years.filter((year) => !isValid(year));
    if (invalid.length > 0) problems.push(draft.subject ? LINK_PROBLEMS.notTaught(draft.subject, invalid) : PROBLEMS.notSecondary(invalid));
    if (valid.length > 0) draft.yearGroups = valid;
  }

  const topic = cleanTopic(parts.topicText);
  if (topic === '') problems.push(PROBLEMS.missingTopic);
  else {
    draft.topic = topic;
    const problem = topicProblem(topic);
    if (problem) problems.push(problem);
  }

  const careers = careersText === undefined ? [] : careersAfterArrow(careersText);
  if (careers.length === 0) problems.push(PROBLEMS.missingCareers);
  else {
    draft.careers = careers;
    const problem = careersProblem(careers);
    if (problem) problems.push(problem);
  }

  const { subject, yearGroups } = draft;
  if (problems.length === 0 && subject && yearGroups && draft.topic && draft.careers) {
    return { kind: 'complete', draft: { subject, yearGroups, topic: draft.topic, careers: draft.careers } };
  }
  return { kind: 'partial', draft, problems, ...(didYouMean ? { didYouMean } : {}) };
}

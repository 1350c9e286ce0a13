import { academicYearOf, addDays, isRealIsoDate, yearsInEnglish } from '../../domain/calendar';
import { nearSubject } from '../../domain/message-details';
import { resolveSubject } from '../../domain/subject-aliases';
import { characterCount, listInEnglish, oneLine, splitList } from '../../domain/typed-text';
import type { CurriculumLink, CurriculumSubject, IsoDate } from '../../domain/school';

export const LINK_LIMITS = { topic: 200, career: 80, careers: 10, note: 500 } as const;

/** What the link card sends once its inputs are read (all text, as Adaptive Cards send it). */
export interface LinkFormValues {
  subject: string;
  yearGroups: string;
  topic: string;
  careerChoices: string;
  otherCareers: string;
  date: string;
  note: string;
}

export interface LinkDraftValid {
  subject: string;
  yearGroups: number[];
  topic: string;
  careers: string[];
  date: IsoDate;
  note?: string;
}

export type LinkFieldErrors = Partial<Record<keyof LinkFormValues, string>>;

export type LinkValidation = { ok: true; draft: LinkDraftValid } | { ok: false; errors: LinkFieldErrors };

/**
 * One careers link as the teacher gave it, before it is checked: from the card's inputs
 * (linkDraftFromForm) or from the one-line shortcut (parseLinkShortcut). validateLinkDraft checks
 * both the same way.
 */
export interface LinkDraft {
  subject: string;
  yearGroups: number[];
  topic: string;
  careers: string[];
  /** Empty or absent: today. */
  date?: string;
  note?: string;
}

export { yearsInEnglish };

/** The one wording of each problem with a link, whichever way it was typed. */
export const LINK_PROBLEMS = {
  noSubject: 'Choose a subject your school teaches.',
  unknownSubject: (text: string, suggestion?: string) =>
    `I don’t know a subject called “${text}” here.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
  ambiguousSubject: (text: string, options: readonly string[]) => `“${text}” could be ${listInEnglish(options, 'or')} here: which one?`,
  notTaught: (subject: string, years: readonly number[]) => `${subject} isn’t taught to ${yearsInEnglish(years)} here.`,
  longTopic: (characters: number) => `Keep the topic to ${LINK_LIMITS.topic} characters (it has ${characters}).`,
  tooManyCareers: (count: number) => `That’s ${count} careers: choose at most ${LINK_LIMITS.careers} careers.`,
  longCareer: (career: string) =>
    `Keep each career to ${LINK_LIMITS.career} characters: “${[...career].slice(0, 30).join('')}…” is longer.`,
} as const;

export type LinkSubjectCheck =
  { kind: 'taught'; entry: CurriculumSubject } | { kind: 'ambiguous'; options: string[] } | { kind: 'unknown'; didYouMean?: string };

/**
 * The one subject check for a link, typed in one line or sent by the card: the school's own
 * spelling or an alias ("maths"), else the subject it is a slip from ("scince": Science).
 */
export function checkLinkSubject(text: string, curriculum: readonly CurriculumSubject[]): LinkSubjectCheck {
  const resolution = resolveSubject(text, curriculum);
  if (resolution.kind !== 'not-taught') return resolution;
  const near = nearSubject(oneLine(text).split(/\s+/), curriculum);
  return near?.kind === 'near' ? { kind: 'unknown', didYouMean: near.suggestion } : { kind: 'unknown' };
}

/** What the subject check says to the teacher, when the subject is not one taught here. */
export function subjectProblem(text: string, check: LinkSubjectCheck): string | undefined {
  if (check.kind === 'taught') return undefined;
  if (check.kind === 'ambiguous') return LINK_PROBLEMS.ambiguousSubject(oneLine(text), check.options);
  return oneLine(text) === '' ? LINK_PROBLEMS.noSubject : LINK_PROBLEMS.unknownSubject(oneLine(text), check.didYouMean);
}

/** The careers the teacher typed, split on commas, semicolons, slashes and line breaks, in their wording. */
export function splitCareers(text: string): string[] {
  return splitList(text, /[,;/\n]/);
}

/** Each career once (ignoring case), in the order given. */
export function distinctCareers(careers: readonly string[]): string[] {
  const seen = new Set<string>();
  return careers.filter((career) => {
    const key = career.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What is wrong with the topic, if anything. Lengths count characters as people do (code points). */
export function topicProblem(rawTopic: string): string | undefined {
  const topic = oneLine(rawTopic);
  if (characterCount(topic) > LINK_LIMITS.topic) return LINK_PROBLEMS.longTopic(characterCount(topic));
  return undefined;
}

/** What is wrong with a list of distinct careers, if anything. */
export function careersProblem(careers: readonly string[]): string | undefined {
  if (careers.length > LINK_LIMITS.careers) return LINK_PROBLEMS.tooManyCareers(careers.length);
  const long = careers.find((career) => characterCount(career) > LINK_LIMITS.career);
  if (long !== undefined) return LINK_PROBLEMS.longCareer(long);
  return undefined;
}

/** The card's inputs as a draft: year groups "9,10" as numbers, the chosen and typed careers as one list. */
export function linkDraftFromForm(values: LinkFormValues): LinkDraft {
  return {
    subject: values.subject,
    yearGroups: splitList(values.yearGroups).map(Number),
    topic: values.topic,
    careers: [...splitCareers(values.careerChoices), ...splitCareers(values.otherCareers)],
    date: values.date,
    note: values.note,
  };
}

/** Checks a link, from the card or the shortcut, against the school's curriculum; errors are per card field. */
export function validateLinkDraft(draft: LinkDraft, curriculum: readonly CurriculumSubject[], today: IsoDate): LinkValidation {
  const errors: LinkFieldErrors = {};
  const check = checkLinkSubject(draft.subject, curriculum);
  const taught = check.kind === 'taught' ? check.entry : undefined;
  errors.subject = subjectProblem(draft.subject, check);

  const yearGroups = [...new Set(draft.yearGroups)].sort((a, b) => a - b);
  if (yearGroups.length === 0) errors.yearGroups = 'Choose at least one year group.';
  else if (yearGroups.some((year) => !Number.isInteger(year))) errors.yearGroups = 'Choose year groups from the list.';
  else if (taught) {
    const notTaught = yearGroups.filter((year) => !taught.yearGroups.includes(year));
    if (notTaught.length > 0) errors.yearGroups = LINK_PROBLEMS.notTaught(taught.subject, notTaught);
  }

  const topic = oneLine(draft.topic);
  if (topic === '') errors.topic = 'Say what the lesson covered, e.g. “ratio and proportion”.';
  else errors.topic = topicProblem(draft.topic);

  const careers = distinctCareers(draft.careers.map(oneLine).filter((career) => career !== ''));
  if (careers.length === 0) errors.otherCareers = 'Add at least one career the topic leads to.';
  else errors.otherCareers = careersProblem(careers);

  const date = (draft.date ?? '').trim() === '' ? today : (draft.date ?? '').trim();
  const earliest = academicYearOf(addDays(academicYearOf(today).start, -1)).start;
  if (!isRealIsoDate(date)) errors.date = 'Choose a date from the calendar.';
  else if (date > today) errors.date = 'That date is in the future: a link records a lesson that has happened.';
  else if (date < earliest) errors.date = 'Choose a date in this academic year or the last.';

  const note = (draft.note ?? '').trim();
  if (characterCount(note) > LINK_LIMITS.note)
    errors.note = `Keep the note to ${LINK_LIMITS.note} characters (it has ${characterCount(note)}).`;

  for (const field of Object.keys(errors) as Array<keyof LinkFieldErrors>) if (errors[field] === undefined) delete errors[field];
  if (Object.keys(errors).length > 0 || !taught) return { ok: false, errors };
  return { ok: true, draft: { subject: taught.subject, yearGroups, topic, careers, date, ...(note ? { note } : {}) } };
}

/**
 * The links already logged that a new one repeats: the same day, subject and topic (ignoring case
 * and spacing) and a year group in common. The new links' own ids are left out, so a redelivered
 * Save is not taken for a repeat of itself.
 */
export function sameLinksLogged(logged: readonly CurriculumLink[], fresh: readonly CurriculumLink[]): CurriculumLink[] {
  const freshIds = new Set(fresh.map((link) => link.id));
  const topicKey = (topic: string) => oneLine(topic).toLowerCase();
  return logged.filter(
    (old) =>
      !freshIds.has(old.id) &&
      fresh.some(
        (link) =>
          link.date === old.date &&
          link.subject === old.subject &&
          link.yearGroup === old.yearGroup &&
          topicKey(link.topic) === topicKey(old.topic),
      ),
  );
}

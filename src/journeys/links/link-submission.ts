import { academicYearOf, addDays, isRealIsoDate } from '../../domain/calendar';
import { CONTROL_CHARACTERS, characterCount, oneLine } from '../../domain/typed-text';
import { subjectKey, type CurriculumSubject, type IsoDate } from '../../domain/school';

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


/** Splits the teacher's career text on commas, semicolons and slashes; keeps their wording. */
export function splitCareers(text: string): string[] {
  return text
    .split(/[,;/\n]/)
    .map(oneLine)
    .filter((career) => career !== '');
}

/** Checks a link card submission against the school's curriculum; errors are per field, for the card. */
export function validateLinkForm(values: LinkFormValues, curriculum: readonly CurriculumSubject[], today: IsoDate): LinkValidation {
  const errors: LinkFieldErrors = {};
  const taught = curriculum.find((entry) => subjectKey(entry.subject) === subjectKey(values.subject));
  if (!taught) errors.subject = 'Choose a subject your school teaches.';

  const yearGroups = [...new Set(values.yearGroups.split(',').map((part) => part.trim()).filter(Boolean).map(Number))].sort((a, b) => a - b);
  if (yearGroups.length === 0) errors.yearGroups = 'Choose at least one year group.';
  else if (yearGroups.some((year) => !Number.isInteger(year))) errors.yearGroups = 'Choose year groups from the list.';
  else if (taught) {
    const notTaught = yearGroups.filter((year) => !taught.yearGroups.includes(year));
    if (notTaught.length > 0) errors.yearGroups = `${taught.subject} isn’t taught to ${notTaught.map((year) => `Year ${year}`).join(' or ')} here.`;
  }

  const topic = oneLine(values.topic);
  if (topic === '') errors.topic = 'Say what the lesson covered, e.g. “ratio and proportion”.';
  else if (characterCount(topic) > LINK_LIMITS.topic) errors.topic = `Keep the topic to ${LINK_LIMITS.topic} characters (it has ${characterCount(topic)}).`;
  else if (CONTROL_CHARACTERS.test(values.topic)) errors.topic = 'The topic has characters I can’t store; please retype it.';

  const careers = dedupe([...splitCareers(values.careerChoices), ...splitCareers(values.otherCareers)]);
  if (careers.length === 0) errors.otherCareers = 'Add at least one career the topic leads to.';
  else if (careers.length > LINK_LIMITS.careers) errors.otherCareers = `Choose at most ${LINK_LIMITS.careers} careers (there are ${careers.length}).`;
  else if (careers.some((career) => characterCount(career) > LINK_LIMITS.career)) errors.otherCareers = `Keep each career to ${LINK_LIMITS.career} characters.`;
  else if (careers.some((career) => CONTROL_CHARACTERS.test(career))) errors.otherCareers = 'A career has characters I can’t store; please retype it.';

  const date = values.date.trim() === '' ? today : values.date.trim();
  const earliest = academicYearOf(addDays(academicYearOf(today).start, -1)).start;
  if (!isRealIsoDate(date)) errors.date = 'Choose a date from the calendar.';
  else if (date > today) errors.date = 'The date can’t be in the future.';
  else if (date < earliest) errors.date = 'Choose a date in this academic year or the last.';

  const note = values.note.trim();
  if (characterCount(note) > LINK_LIMITS.note) errors.note = `Keep the note to ${LINK_LIMITS.note} characters (it has ${characterCount(note)}).`;
  else if (CONTROL_CHARACTERS.test(note)) errors.note = 'The note has characters I can’t store; please retype it.';

  if (Object.keys(errors).length > 0 || !taught) return { ok: false, errors };
  return { ok: true, draft: { subject: taught.subject, yearGroups, topic, careers, date, ...(note ? { note } : {}) } };
}

function dedupe(careers: string[]): string[] {
  const seen = new Set<string>();
  return careers.filter((career) => {
    const key = career.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

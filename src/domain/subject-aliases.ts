// The names teachers type for subjects, and how they map onto a school's own curriculum spelling.
// Shared by the link shortcut (which must store the school's spelling) and career suggestions.

import type { CurriculumSubject } from './school';

interface SubjectAlias {
  /** The usual name in English schools; also the key for career suggestions. */
  standard: string;
  /** Other names a school's curriculum might use, tried in order after `standard`. */
  schoolNames?: readonly string[];
  /** What teachers type. Matching ignores case, full stops and "&" versus "and". */
  shortForms: readonly string[];
  /** Tried last, and used only when the school teaches exactly one of them ("MFL" at a French-only school). */
  narrowsTo?: readonly string[];
}

const MODERN_LANGUAGES = ['French', 'Spanish', 'German', 'Italian', 'Mandarin', 'Urdu', 'Polish'] as const;

export const SUBJECT_ALIASES: readonly SubjectAlias[] = [
  { standard: 'Mathematics', schoolNames: ['Maths', 'Math'], shortForms: ['maths', 'math'] },
  { standard: 'Further Mathematics', schoolNames: ['Further Maths'], shortForms: ['further maths', 'further math'] },
  { standard: 'Statistics', shortForms: ['stats'] },
  { standard: 'English', shortForms: ['eng'], narrowsTo: ['English Language', 'English Literature'] },
  { standard: 'English Language', schoolNames: ['English Lang', 'English'], shortForms: ['eng lang', 'english lang'] },
  {
    standard: 'English Literature',
    schoolNames: ['English Lit', 'English'],
    shortForms: ['eng lit', 'english lit', 'lit', 'literature'],
  },
  {
    standard: 'Science',
    schoolNames: ['Combined Science', 'Combined Science Trilogy'],
    shortForms: ['sci', 'combined sci', 'combined science', 'trilogy science'],
  },
  { standard: 'Biology', shortForms: ['bio', 'biol'] },
  { standard: 'Chemistry', shortForms: ['chem'] },
  { standard: 'Physics', shortForms: ['phys'] },
  {
    standard: 'Computing',
    schoolNames: ['Computer Science', 'ICT', 'Information Technology'],
    shortForms: ['ict', 'cs', 'comp sci', 'compsci', 'computer science', 'information technology', 'computers'],
  },
  { standard: 'Geography', shortForms: ['geog', 'geo'] },
  { standard: 'History', shortForms: ['hist'] },
  { standard: 'French', shortForms: [] },
  { standard: 'Spanish', shortForms: [] },
  { standard: 'German', shortForms: [] },
  {
    standard: 'Modern Foreign Languages',
    schoolNames: ['MFL', 'Modern Languages', 'Languages'],
    shortForms: ['mfl', 'languages', 'modern languages', 'foreign languages'],
    narrowsTo: MODERN_LANGUAGES,
  },
  { standard: 'Art and Design', schoolNames: ['Art', 'Fine Art'], shortForms: ['art', 'fine art'] },
  {
    standard: 'Design and Technology',
    schoolNames: ['Design Technology', 'DT', 'Product Design'],
    shortForms: ['dt', 'd and t', 'design tech', 'design and tech', 'design technology', 'product design'],
  },
  {
    standard: 'Food Preparation and Nutrition',
    schoolNames: ['Food Technology', 'Food and Nutrition', 'Food'],
    shortForms: ['food', 'food tech', 'food technology', 'food prep', 'food preparation', 'food and nutrition', 'fpn', 'cooking'],
  },
  { standard: 'Music', shortForms: [] },
  { standard: 'Drama', schoolNames: ['Drama and Theatre', 'Theatre Studies', 'Performing Arts'], shortForms: ['theatre studies'] },
  {
    standard: 'Physical Education',
    schoolNames: ['PE', 'Sport', 'Sports Studies'],
    shortForms: ['pe', 'phys ed', 'sport', 'sports', 'games'],
  },
  {
    standard: 'Religious Education',
    schoolNames: ['Religious Studies', 'RE', 'RS', 'Religion, Philosophy and Ethics', 'Philosophy and Ethics'],
    shortForms: ['re', 'rs', 'rpe', 'religious studies', 'religion'],
  },
  { standard: 'Business', schoolNames: ['Business Studies'], shortForms: ['bus studies', 'business studies'] },
  { standard: 'Economics', shortForms: ['econ', 'econs'] },
  { standard: 'Psychology', shortForms: ['psych'] },
  { standard: 'Sociology', shortForms: ['socio'] },
  { standard: 'Citizenship', schoolNames: ['Citizenship Studies'], shortForms: ['citz'] },
  { standard: 'PSHE', schoolNames: ['PSHE Education', 'PSHCE', 'RSHE', 'Personal Development'], shortForms: ['pshce', 'pshee', 'rshe'] },
  { standard: 'Media Studies', schoolNames: ['Media'], shortForms: ['media'] },
  { standard: 'Health and Social Care', shortForms: ['hsc'] },
  { standard: 'Latin', schoolNames: ['Classics'], shortForms: [] },
];

/** How subject names compare: case, full stops, "&" versus "and" and spacing don't matter. */
export function subjectMatchKey(text: string): string {
  return text.toLowerCase().replace(/&/g, ' and ').replace(/\./g, '').replace(/\s+/g, ' ').trim();
}

function namesOf(alias: SubjectAlias): string[] {
  return [alias.standard, ...(alias.schoolNames ?? [])];
}

const ALIAS_BY_KEY: ReadonlyMap<string, SubjectAlias> = (() => {
  const byKey = new Map<string, SubjectAlias>();
  for (const alias of SUBJECT_ALIASES) {
    // Earlier entries win, so "english" stays English even though English Language lists it as a school name.
    for (const name of [alias.standard, ...alias.shortForms, ...(alias.schoolNames ?? [])]) {
      const key = subjectMatchKey(name);
      if (!byKey.has(key)) byKey.set(key, alias);
    }
  }
  return byKey;
})();

/** The alias entry for what a teacher typed, whatever the school teaches. */
export function subjectAliasFor(text: string): SubjectAlias | undefined {
  return ALIAS_BY_KEY.get(subjectMatchKey(text));
}

/** The names worth looking up for a subject, most specific first: the text itself, then its alias entry's names. */
export function subjectNamesFor(text: string): string[] {
  const alias = subjectAliasFor(text);
  return [text, ...(alias ? namesOf(alias) : [])];
}

export type SubjectResolution =
  | { kind: 'taught'; entry: CurriculumSubject }
  /** The text could mean several subjects the school teaches (e.g. "MFL" where French and Spanish are taught). */
  | { kind: 'ambiguous'; options: string[] }
  | { kind: 'not-taught' };

/** Which of the school's subjects the text means. The school's own spelling always wins over an alias. */
export function resolveSubject(text: string, curriculum: readonly CurriculumSubject[]): SubjectResolution {
  const key = subjectMatchKey(text);
  if (key === '') return { kind: 'not-taught' };
  const taughtAs = (name: string) => curriculum.find((entry) => subjectMatchKey(entry.subject) === subjectMatchKey(name));

  const exact = taughtAs(text);
  if (exact) return { kind: 'taught', entry: exact };
  const alias = ALIAS_BY_KEY.get(key);
  if (!alias) return { kind: 'not-taught' };
  for (const name of namesOf(alias)) {
    const entry = taughtAs(name);
    if (entry) return { kind: 'taught', entry };
  }
  const candidates = (alias.narrowsTo ?? []).flatMap((name) => taughtAs(name) ?? []);
  if (candidates.length === 1 && candidates[0]) return { kind: 'taught', entry: candidates[0] };
  if (candidates.length > 1) return { kind: 'ambiguous', options: candidates.map((entry) => entry.subject) };
  return { kind: 'not-taught' };
}

/** The school's spelling of the subject the text means, or undefined if it teaches nothing (or several things) by that name. */
export function canonicalSubject(text: string, curriculum: readonly CurriculumSubject[]): string | undefined {
  const resolution = resolveSubject(text, curriculum);
  return resolution.kind === 'taught' ? resolution.entry.subject : undefined;
}

/** Whether the text names a subject at all: one the school teaches, or one we know schools teach. */
export function isSubjectName(text: string, curriculum: readonly CurriculumSubject[]): boolean {
  const key = subjectMatchKey(text);
  return ALIAS_BY_KEY.has(key) || curriculum.some((entry) => subjectMatchKey(entry.subject) === key);
}

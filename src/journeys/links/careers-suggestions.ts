// Careers to offer on the link card for a subject, from a curated list that teachers can extend with
// their own. Matching uses the same subject names as the link shortcut, so "D&T" and "Design
// Technology" both find Design and Technology's list.

import { z } from 'zod/v4';
import suggestionsFile from './careers-suggestions.json';
import { subjectMatchKey, subjectNamesFor } from '../../domain/subject-aliases';

const suggestionsSchema = z.object({
  general: z.array(z.string().min(1)).min(1),
  subjects: z.record(z.string(), z.array(z.string().min(1)).min(1)),
});

const suggestions = suggestionsSchema.parse(suggestionsFile);

const SUGGESTIONS_BY_SUBJECT: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(suggestions.subjects).map(([subject, careers]) => [subjectMatchKey(subject), careers]),
);

/** Careers to suggest for a subject (however it is spelt); a general list for subjects we have none for. */
export function careerSuggestionsFor(subject: string): string[] {
  for (const name of subjectNamesFor(subject)) {
    const careers = SUGGESTIONS_BY_SUBJECT.get(subjectMatchKey(name));
    if (careers) return [...careers];
  }
  return [...suggestions.general];
}

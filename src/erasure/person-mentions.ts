import { fullName, type Person } from '../domain/school';

/**
 * Whether stored text names the person: their id as a whole token (so P1 is not found in P10),
 * their email or their full name, ignoring case. Used on free-form stored records (outbox cards,
 * audit subjects, keys) that no typed field points from.
 */
export function personMentions(person: Pick<Person, 'id' | 'email' | 'givenName' | 'familyName'>): (text: string) => boolean {
  const idToken = new RegExp(`(^|[^A-Za-z0-9_-])${escape(person.id)}($|[^A-Za-z0-9_-])`, 'i');
  const phrases = [person.email.trim().toLowerCase(), fullName(person).toLowerCase()].filter((phrase) => phrase.length > 0);
  return (text) => {
    const lower = text.toLowerCase();
    return idToken.test(text) || phrases.some((phrase) => lower.includes(phrase));
  };
}

/** The id, as a whole token, replaced: what an audit subject keeps of an erased person. */
export function withoutId(text: string, id: string, replacement: string): string {
  return text.replace(new RegExp(`(^|[^A-Za-z0-9_-])${escape(id)}(?=$|[^A-Za-z0-9_-])`, 'gi'), `$1${replacement}`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import { defineVerb, NO_DATA } from '../../cards/card-verb';
import type { Role } from '../../domain/school';

/** Who may set up, ask for and stop the digest. */
export const DIGEST_ROLES: readonly Role[] = ['careers_leader', 'admin'];

// Every card verb of the digest, with the data its buttons send, so cards and routes agree. Its
// "Message the teachers" button is the nudges' own verb (MESSAGE_TEACHERS_VERBS.preview).
export const DIGEST_VERBS = {
  allGaps: defineVerb('digest.all', NO_DATA),
} as const;

// Every card verb of the digest, in one place so cards and routes agree.
export const DIGEST_VERBS = {
  allGaps: 'digest.all',
  nudgeTeachers: 'digest.nudge',
} as const;

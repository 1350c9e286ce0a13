import { cardVerb, type CardVerb, type MessageCommand } from '../../bot/route';
import { allGaps, gapsNow, postDigestHere, stopDigest } from './digest-journey';
import { DIGEST_ROLES, DIGEST_VERBS } from './digest-verbs';
import { GAPS, POST_THE_DIGEST_HERE, STOP_THE_DIGEST } from './digest-examples';

// The digest's commands and card verbs; what each does is in digest-journey.ts.

export const postDigestHereCommand: MessageCommand = {
  name: 'post the digest here',
  understood: POST_THE_DIGEST_HERE,
  pattern: /^\s*(please\s+)?post\s+the\s+(weekly\s+)?digest\s+here\s*[.!]?\s*$/i,
  roles: DIGEST_ROLES,
  help: {
    title: 'Weekly digest',
    description: 'In a team channel, have Waypoint post the weekly benchmark gaps there.',
    command: 'post the digest here',
  },
  handle: postDigestHere,
};

export const stopDigestCommand: MessageCommand = {
  name: 'stop the digest',
  understood: STOP_THE_DIGEST,
  pattern: /^\s*stop\s+the\s+(weekly\s+)?digest\s*[.!]?\s*$/i,
  roles: DIGEST_ROLES,
  handle: stopDigest,
};

export const gapsCommand: MessageCommand = {
  name: 'gaps',
  understood: GAPS,
  pattern: /^\s*(show\s+(me\s+)?(the\s+)?)?(gaps|digest)\s*[.!?]?\s*$/i,
  roles: DIGEST_ROLES,
  help: {
    title: 'Gaps now',
    description: 'The benchmark gaps to act on first, as the weekly digest would show them today.',
    command: 'gaps',
  },
  handle: gapsNow,
};

export const DIGEST_COMMANDS: readonly MessageCommand[] = [postDigestHereCommand, stopDigestCommand, gapsCommand];

export const DIGEST_CARD_VERBS: readonly CardVerb[] = [cardVerb({ verb: DIGEST_VERBS.allGaps, roles: DIGEST_ROLES, handle: allGaps })];

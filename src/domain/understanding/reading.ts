import { NOT_A_COMMAND, type RankedIntent } from './intent-model';

// What to do with a ranking: run the command when one clearly leads, ask when a few are close,
// otherwise say so. The thresholds were chosen on the training examples (ten folds, each left out
// in turn), then checked against the held-out phrasings (`npm run bench -- understanding`).

/** The leader's likelihood, and its lead over the next intent, needed to run a command unasked. */
export const RUN_SCORE = 0.55;
export const RUN_MARGIN = 0.2;
/** Below this nothing is offered: the message is not understood. */
export const ASK_SCORE = 0.2;
/** "Did you mean…?" offers at most this many, each at least this likely. */
export const MOST_OFFERED = 3;
const OFFER_SCORE = 0.1;

export type Reading = { kind: 'run'; intent: string } | { kind: 'did you mean'; intents: string[] } | { kind: 'not understood' };

export function readRanking(ranking: readonly RankedIntent[]): Reading {
  const [first, second] = ranking;
  if (!first || first.intent === NOT_A_COMMAND || first.score < ASK_SCORE) return { kind: 'not understood' };
  if (first.score >= RUN_SCORE && first.score - (second?.score ?? 0) >= RUN_MARGIN) return { kind: 'run', intent: first.intent };
  const offered = ranking
    .filter(({ intent, score }) => intent !== NOT_A_COMMAND && score >= OFFER_SCORE)
    .slice(0, MOST_OFFERED)
    .map(({ intent }) => intent);
  return { kind: 'did you mean', intents: offered };
}

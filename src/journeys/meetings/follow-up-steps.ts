import { describeError, type LogFields } from '../../observability/log';
import type { Services } from '../../services';

// A change to a meeting is one etag-checked write (the meeting row) followed by steps that tidy
// up around it: a slot given back, the pupil's marker, an audit row, a notice. Storage can fail
// between any two, and Teams may deliver the tap again. So every step is safe to run again, a
// redelivered tap runs them all again rather than returning early, and the user hears which of
// them are still to do.

export interface FollowUpStep {
  /** For the log. */
  name: string;
  /** What the user is told is still to do if this step (or one before it) could not be done; none for steps they would not notice. */
  pending?: string;
  run(): Promise<unknown>;
}

/**
 * Runs the steps in order and stops at the first that fails (storage is most likely down, and a
 * later step may depend on an earlier one). Returns what is still to do, for the user.
 */
export async function runFollowUps(services: Services, ids: LogFields, steps: readonly FollowUpStep[]): Promise<string[]> {
  for (const [index, step] of steps.entries()) {
    try {
      await step.run();
    } catch (error) {
      services.log.warn('meeting.follow_up_failed', { ...ids, step: step.name, ...describeError(error) });
      return steps.slice(index).flatMap((later) => (later.pending ? [later.pending] : []));
    }
  }
  return [];
}

/**
 * "Your meeting is cancelled, but I couldn’t make sure of everything just now: …": a step that failed
 * may still have been applied, so the user hears what is unconfirmed, not what was not done.
 */
export function unfinished(done: string, pending: readonly string[], button: string): string {
  const list = pending.length <= 1 ? (pending[0] ?? '') : `${pending.slice(0, -1).join(', ')} and ${pending.at(-1)}`;
  return `${done}, but I couldn’t make sure of everything just now: ${list}. Press “${button}” in a minute and I’ll finish it.`;
}

/**
 * Makes the one write a change rests on. Storage can apply a write and still fail to answer, so
 * a failed write is checked by reading again: 'saved' when it took effect after all, 'unknown'
 * when storage cannot even be read (the user must not be told that nothing changed). A write that
 * did not take effect fails as it did.
 */
export async function saveOrConfirm(save: () => Promise<unknown>, tookEffect: () => Promise<boolean>): Promise<'saved' | 'unknown'> {
  try {
    await save();
    return 'saved';
  } catch (error) {
    let applied: boolean;
    try {
      applied = await tookEffect();
    } catch {
      return 'unknown';
    }
    if (applied) return 'saved';
    throw error;
  }
}

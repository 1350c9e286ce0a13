import type { Role } from '../domain/school';
import { NOT_A_COMMAND, rankIntents, trainIntentModel, type IntentExamples, type IntentModel } from '../domain/understanding/intent-model';
import { MOST_OFFERED, readRanking } from '../domain/understanding/reading';
import type { MessageCommand } from './route';

// Free text the exact patterns do not take: the intent model, trained from the examples each
// command declares beside its route, reads it as one of the commands the sender's role may use.

export interface CommandUnderstanding {
  model: IntentModel;
  commands: ReadonlyMap<string, MessageCommand>;
}

/** What a message comes to: a command to run as if typed, up to three to offer, or nothing. */
export type Understood =
  { kind: 'run'; command: MessageCommand } | { kind: 'did you mean'; commands: MessageCommand[] } | { kind: 'not understood' };

/** Trains on every command's examples, for the roles each is meant by, and on what asks for nothing. */
export function understandCommands(commands: readonly MessageCommand[], notACommand: readonly string[]): CommandUnderstanding {
  const training: IntentExamples[] = [{ intent: NOT_A_COMMAND, examples: notACommand }];
  const byName = new Map<string, MessageCommand>();
  for (const command of commands) {
    const { understood } = command;
    if (!understood) continue;
    byName.set(command.name, command);
    const roles = understood.roles ?? command.roles;
    training.push({ intent: command.name, roles, examples: understood.examples });
    for (const extra of understood.examplesFor ?? [])
      training.push({ intent: command.name, roles: extra.roles.filter((role) => roles.includes(role)), examples: extra.examples });
  }
  return { model: trainIntentModel(training), commands: byName };
}

/** Longer than this is not a request to read: a pasted paragraph reads as nothing. */
const LONGEST_REQUEST = 300;

export function understandMessage({ model, commands }: CommandUnderstanding, text: string, role: Role): Understood {
  if (text.length > LONGEST_REQUEST) return { kind: 'not understood' };
  const reading = readRanking(rankIntents(model, text, role));
  if (reading.kind === 'not understood') return reading;
  const named = (reading.kind === 'run' ? [reading.intent] : reading.intents).map((intent) => commands.get(intent)!);
  // A command that changes something at once is only ever offered: the tap is the decision.
  if (reading.kind === 'run' && !named[0]!.understood?.offerOnly) return { kind: 'run', command: named[0]! };
  const offered = named.slice(0, MOST_OFFERED);
  return offered.length > 0 ? { kind: 'did you mean', commands: offered } : { kind: 'not understood' };
}

/**
 * The command a message clearly means instead of the one whose loose pattern took it ("record
 * meeting outcome" is not a pupil called "meeting outcome"), or undefined to run that one. The
 * words the pattern took must mean something on their own too, so a name ("record Priya") stays
 * a name.
 */
export function clearlyMeantInstead(
  understanding: CommandUnderstanding,
  command: MessageCommand,
  text: string,
  role: Role,
): MessageCommand | undefined {
  const words = command.takesAnyWords ? command.pattern.exec(text)?.[1] : undefined;
  if (!words) return undefined;
  const whole = understandMessage(understanding, text, role);
  if (whole.kind !== 'run' || whole.command === command) return undefined;
  return understandMessage(understanding, words, role).kind === 'not understood' ? undefined : whole.command;
}

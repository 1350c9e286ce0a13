import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  clearlyMeantInstead,
  understandCommands,
  understandMessage,
  type CommandUnderstanding,
  type Understood,
} from '../../src/bot/understanding';
import type { MessageCommand } from '../../src/bot/route';
import { ROLES, type CurriculumSubject, type Role } from '../../src/domain/school';
import { NOT_A_COMMAND } from '../../src/domain/understanding/intent-model';
import { JOURNEYS } from '../../src/journeys';
import { LINK_SHORTCUT } from '../../src/journeys/links/link-routes';
import { parseLinkShortcut } from '../../src/journeys/links/link-shortcut';
import { PROJECT_ROOT } from '../../src/project-root';

// The held-out phrasings (held-out-phrasings.json, written by someone who never saw the training
// examples) routed as the bot routes a message, and scored: shared by `npm run bench --
// understanding`, which prints the figures, and test/understanding, which holds their floor.

export interface HeldOutRow {
  role: Role;
  text: string;
  /** A registered command's name, or NOT_A_COMMAND. */
  expected: string;
}

/** The set's own command ids that differ from the registered commands' names. */
const REGISTERED_NAME: Readonly<Record<string, string>> = { 'my meeting': 'meetings', record: 'pupil record' };

export function heldOutRows(): HeldOutRow[] {
  const file = path.join(PROJECT_ROOT, 'testing', 'understanding', 'held-out-phrasings.json');
  const set = JSON.parse(readFileSync(file, 'utf8')) as { rows: Array<{ role: Role; text: string; expected: string }> };
  return set.rows.map(({ role, text, expected }) => ({ role, text, expected: REGISTERED_NAME[expected] ?? expected }));
}

/** How a message ended: a command ran, a "did you mean" card offered some, or nothing ran. */
export type Routed = { kind: 'ran'; command: string } | { kind: 'offered'; commands: string[] } | { kind: 'nothing ran' };

/**
 * As the application routes a typed message: the first exact pattern (refused for a role that may
 * not use it), "record <words>" yielding to a clear other reading, the link shortcut handing back
 * what it cannot parse, and everything else read by the intent model.
 */
export function routeAsTheBotWould(
  understanding: CommandUnderstanding,
  curriculum: readonly CurriculumSubject[],
  { role, text }: { role: Role; text: string },
): Routed {
  const typed = JOURNEYS.commands.find((command) => command.pattern.test(text));
  if (typed === LINK_SHORTCUT) {
    const mayLog = JOURNEYS.commands.some((command) => command.name === 'log link' && command.roles.includes(role));
    if (mayLog && parseLinkShortcut(text, curriculum).kind !== 'not-a-link') return { kind: 'ran', command: LINK_SHORTCUT.name };
  } else if (typed) {
    const instead = clearlyMeantInstead(understanding, typed, text, role);
    if (instead) return { kind: 'ran', command: instead.name };
    return typed.roles.includes(role) ? { kind: 'ran', command: typed.name } : { kind: 'nothing ran' };
  }
  return fromUnderstood(understandMessage(understanding, text, role));
}

function fromUnderstood(understood: Understood): Routed {
  if (understood.kind === 'run') return { kind: 'ran', command: understood.command.name };
  if (understood.kind === 'did you mean') return { kind: 'offered', commands: understood.commands.map(({ name }) => name) };
  return { kind: 'nothing ran' };
}

export type Outcome = 'right' | 'wrong' | 'did you mean (right one offered)' | 'did you mean (not offered)' | 'not understood';

/** The set's "log link" is the two-step card or the one-line form ("Y9 maths: ratio -> nurse"), which the link shortcut takes. */
function sameCommand(ran: string, expected: string): boolean {
  return ran === expected || (ran === LINK_SHORTCUT.name && expected === 'log link');
}

/**
 * Right: the meant command ran, or for a "none" phrase nothing ran. A command that changes
 * something at once (stop, the digest here) is only ever offered, so offering it first is right.
 * Wrong (the harmful case): another command ran.
 */
export function outcomeOf(row: HeldOutRow, routed: Routed, commands: ReadonlyMap<string, MessageCommand>): Outcome {
  if (routed.kind === 'ran') return sameCommand(routed.command, row.expected) ? 'right' : 'wrong';
  if (row.expected === NOT_A_COMMAND) return routed.kind === 'nothing ran' ? 'right' : 'did you mean (not offered)';
  if (routed.kind === 'nothing ran') return 'not understood';
  if (routed.commands[0] === row.expected && commands.get(row.expected)?.understood?.offerOnly) return 'right';
  return routed.commands.includes(row.expected) ? 'did you mean (right one offered)' : 'did you mean (not offered)';
}

export interface Share {
  rows: number;
  right: number;
  wrong: number;
  didYouMean: number;
  notUnderstood: number;
}

export interface Evaluation {
  byRole: ReadonlyMap<Role, Share>;
  overall: Share;
  /** "none" phrases that ran a command: the floor is zero. */
  noneThatRan: HeldOutRow[];
  misses: Array<{ row: HeldOutRow; routed: Routed; outcome: Outcome }>;
}

export function evaluateHeldOut(curriculum: readonly CurriculumSubject[], rows: readonly HeldOutRow[] = heldOutRows()): Evaluation {
  const understanding = understandCommands(JOURNEYS.commands, JOURNEYS.notACommandExamples);
  const commands = new Map(JOURNEYS.commands.map((command) => [command.name, command]));
  const scored = rows.map((row) => {
    const routed = routeAsTheBotWould(understanding, curriculum, row);
    return { row, routed, outcome: outcomeOf(row, routed, commands) };
  });
  const share = (of: typeof scored): Share => {
    const count = (test: (outcome: Outcome) => boolean) => of.filter(({ outcome }) => test(outcome)).length / Math.max(1, of.length);
    return {
      rows: of.length,
      right: count((outcome) => outcome === 'right'),
      wrong: count((outcome) => outcome === 'wrong'),
      didYouMean: count((outcome) => outcome.startsWith('did you mean')),
      notUnderstood: count((outcome) => outcome === 'not understood'),
    };
  };
  return {
    byRole: new Map(ROLES.map((role) => [role, share(scored.filter(({ row }) => row.role === role))])),
    overall: share(scored),
    noneThatRan: scored.filter(({ row, routed }) => row.expected === NOT_A_COMMAND && routed.kind === 'ran').map(({ row }) => row),
    misses: scored.filter(({ outcome }) => outcome !== 'right'),
  };
}

/** What the held-out figures must reach (issue 24): the test holds them, the bench prints them. */
export const FLOORS = { rightOverall: 0.9, rightEveryRole: 0.85, wrongAtMost: 0.02 } as const;

/** Held-out rows that equal a training example once case and punctuation are set aside (written apart, but short phrases coincide). */
export function rowsEqualToAnExample(rows: readonly HeldOutRow[] = heldOutRows()): HeldOutRow[] {
  const plain = (text: string) =>
    text
      .toLowerCase()
      .replace(/[’'`]/g, '')
      .replace(/[^a-z0-9 ]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const examples = new Set(
    [
      ...JOURNEYS.notACommandExamples,
      ...JOURNEYS.commands.flatMap(({ understood }) => [
        ...(understood?.examples ?? []),
        ...(understood?.examplesFor ?? []).flatMap(({ examples: more }) => more),
      ]),
    ].map(plain),
  );
  return rows.filter(({ text }) => examples.has(plain(text)));
}

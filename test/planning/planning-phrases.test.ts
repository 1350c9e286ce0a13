// Ordinary ways staff ask to plan, or to see the plan, reach the planning commands; nobody else's.
import { describe, expect, it } from 'vitest';
import { commandForPhrase } from '../../src/bot/phrases/ordinary-phrases';
import type { Role } from '../../src/domain/school';
import { MESSAGE_COMMANDS } from '../../src/journeys';

const PHRASINGS: [Role, string, string | undefined][] = [
  ['careers_leader', 'I want to plan an employer talk for Year 10', 'plan an activity'],
  ['careers_leader', 'can we schedule a college visit', 'plan an activity'],
  ['careers_adviser', 'organise a careers fair', 'plan an activity'],
  ['teacher', 'add a planned university trip', 'plan an activity'],
  ['careers_leader', "what's planned?", 'planned activities'],
  ['careers_leader', 'show me the upcoming careers events', 'planned activities'],
  ['teacher', 'what have we got coming up', 'planned activities'],
  ['careers_adviser', 'our plan', 'planned activities'],
  // Recording what happened stays recording.
  ['careers_leader', 'log an employer talk', 'record activity'],
  ['careers_leader', 'we had a visit from a local employer', 'record activity'],
  // Roles that may not plan are offered nothing.
  ['pupil', 'plan an employer talk', undefined],
  ['senco', "what's planned?", undefined],
  ['admin', 'plan an employer talk', undefined],
  // A pupil's own plans are theirs, not the school's.
  ['pupil', 'I want to change my plans', 'my plans'],
];

describe('ordinary phrasings for planning', () => {
  it.each(PHRASINGS)('%s: "%s" runs %s', (role, text, expected) => {
    expect(commandForPhrase(text, role)).toBe(expected);
  });

  it.each(PHRASINGS.filter(([, , expected]) => expected !== undefined))('%s: "%s" becomes a command that role may use', (role, text) => {
    const command = MESSAGE_COMMANDS.find((candidate) => candidate.pattern.test(commandForPhrase(text, role)!));
    expect(command?.roles).toContain(role);
  });
});

// Ordinary ways staff ask to plan, or to see the plan, reach the planning commands; nobody else's.
import { describe, expect, it } from 'vitest';
import { understandCommands, understandMessage } from '../../src/bot/understanding';
import type { Role } from '../../src/domain/school';
import { JOURNEYS } from '../../src/journeys';

const understanding = understandCommands(JOURNEYS.commands, JOURNEYS.notACommandExamples);
const PLANNING = ['plan an activity', 'planned activities'];

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
  // Roles that may not plan are offered no planning command.
  ['pupil', 'plan an employer talk', undefined],
  ['senco', "what's planned?", undefined],
  ['admin', 'plan an employer talk', undefined],
  // A pupil's own plans are theirs, not the school's.
  ['pupil', 'I want to change my plans', 'my plans'],
];

describe('ordinary phrasings for planning', () => {
  it.each(PHRASINGS)('%s: "%s" runs %s', (role, text, expected) => {
    const understood = understandMessage(understanding, text, role);
    if (expected) expect(understood.kind === 'run' && understood.command.name).toBe(expected);
    else {
      const named = understood.kind === 'run' ? [understood.command] : understood.kind === 'did you mean' ? understood.commands : [];
      expect(named.filter((command) => PLANNING.includes(command.name))).toEqual([]);
    }
  });
});

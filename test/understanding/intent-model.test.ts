import { describe, expect, it } from 'vitest';
import { understandCommands, understandMessage } from '../../src/bot/understanding';
import { ROLES } from '../../src/domain/school';
import { rankIntents } from '../../src/domain/understanding/intent-model';
import { JOURNEYS } from '../../src/journeys';
import { heldOutRows } from '../../testing/understanding/held-out-evaluation';

// The intent model on its own: the same examples give the same answers, nobody is offered a
// command their role may not use, and slips still reach the command.

const understanding = understandCommands(JOURNEYS.commands, JOURNEYS.notACommandExamples);
const texts = [...new Set(heldOutRows().map(({ text }) => text))];

describe('the intent model', () => {
  it('trains to the same model every time: identical rankings for every held-out phrasing', () => {
    const again = understandCommands(JOURNEYS.commands, JOURNEYS.notACommandExamples);
    for (const text of texts.slice(0, 60))
      expect(rankIntents(again.model, text, 'careers_leader'), text).toEqual(rankIntents(understanding.model, text, 'careers_leader'));
  });

  it.each(ROLES)('never runs or offers a %s a command their role may not use', (role) => {
    for (const text of texts) {
      const understood = understandMessage(understanding, text, role);
      const named = understood.kind === 'run' ? [understood.command] : understood.kind === 'did you mean' ? understood.commands : [];
      for (const command of named) expect(command.roles, `${role}: “${text}” -> ${command.name}`).toContain(role);
    }
  });

  it('reads slips and missing apostrophes: “can i book a carrers apointmnet”, “whens my meetin”', () => {
    const run = (text: string) => {
      const understood = understandMessage(understanding, text, 'pupil');
      return understood.kind === 'run' ? understood.command.name : understood.kind;
    };
    expect(run('can i book a carrers apointmnet')).toBe('book a meeting');
    expect(run('whens my meetin')).toBe('meetings');
  });

  it('reads nothing into a message longer than a request', () => {
    expect(understandMessage(understanding, `when is my meeting ${'x'.repeat(400)}`, 'pupil').kind).toBe('not understood');
  });
});

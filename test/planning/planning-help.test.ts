// The help cards: "Planned activities" is there for everyone who may plan, and for the careers
// leader it sits behind "More", so their own six buttons stay as they were.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/school';
import { helpEntriesFor } from '../../src/journeys';
import { MOST_BUTTONS, topEntries } from '../../src/journeys/help/help-card';

const commandsOf = (role: Role) => helpEntriesFor(role).map((entry) => entry.command);

describe('planning on the help cards', () => {
  it.each<Role>(['careers_leader', 'careers_adviser', 'teacher'])('lists “planned activities” for the %s', (role) => {
    expect(commandsOf(role)).toContain('planned activities');
  });

  it.each<Role>(['pupil', 'senco', 'admin'])('does not list it for the %s', (role) => {
    expect(commandsOf(role)).not.toContain('planned activities');
  });

  it('keeps the careers leader’s top buttons their own work, with planning under “More”', () => {
    const { shown, more } = topEntries(helpEntriesFor('careers_leader'));
    expect(more).toBe(true);
    expect(shown).toHaveLength(MOST_BUTTONS - 1);
    expect(shown.map((entry) => entry.command)).toEqual(['report', 'gaps', 'record activity', 'attendance', 'record']);
  });
});

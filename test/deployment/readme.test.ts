import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-root';

describe('the README', () => {
  const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');

  it('points at nothing outside the repository (a clone has no ../shared)', () => {
    expect(readme).not.toMatch(/\.\.\/shared\//);
  });

  it('names every school data file the import reads', () => {
    for (const file of [
      'people.csv',
      'curriculum.csv',
      'activities.csv',
      'attendance.csv',
      'links.csv',
      'meetings.csv',
      'destinations.csv',
    ])
      expect(readme).toContain(`\`${file}\``);
  });

  it('says how to see messages sent to other people in the Playground', () => {
    expect(readme).toMatch(/### Seeing messages sent to other people[^]*--as careers_adviser/);
  });
});

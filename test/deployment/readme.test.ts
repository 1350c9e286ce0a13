import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-root';
import { SCHOOL_FILE_NAMES } from '../../src/schooldata/school-files';

describe('the README', () => {
  const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');

  it('points at nothing outside the repository (a clone has no ../shared)', () => {
    expect(readme).not.toMatch(/\.\.\/shared\//);
  });

  it('names every school data file the import reads', () => {
    // The import command reads these names from a folder (src/school-transfer/import-folder.ts), so a new file fails here.
    expect(SCHOOL_FILE_NAMES.length).toBeGreaterThan(5);
    expect(SCHOOL_FILE_NAMES.filter((file) => !readme.includes(`\`${file}\``))).toEqual([]);
  });

  it('says how to see messages sent to other people in the Playground', () => {
    expect(readme).toMatch(/### Seeing messages sent to other people[^]*--as careers_adviser/);
  });
});

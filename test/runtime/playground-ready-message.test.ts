import { describe, expect, it } from 'vitest';
import { playgroundReadyMessage } from '../../src/playground/ready-message';
import { person } from '../harness/test-bot';

describe('what `npm run playground` prints when it is ready', () => {
  const message = playgroundReadyMessage({
    playgroundUrl: 'http://localhost:56150',
    botUrl: 'http://127.0.0.1:41234',
    you: person({ id: 'P1', role: 'pupil', givenName: 'Ava', familyName: 'Patel', email: 'ava@school.example', yearGroup: 10 }),
    schoolId: 'school',
  });

  it('gives the bot’s address, so the digest job can be called on its port', () => {
    expect(message).toContain('The bot listens at http://127.0.0.1:41234');
    expect(message).toContain('curl -X POST http://127.0.0.1:41234/dev/jobs/weekly-digest');
  });

  it('says how to read messages sent to other people', () => {
    expect(message).toMatch(/Messages to other people[^]*--as that role/);
  });

  it('still says where to open the Playground and who you are', () => {
    expect(message).toContain('Open http://localhost:56150 in your browser.');
    expect(message).toContain('Signed in as Ava Patel (Pupil, Year 10, ava@school.example, roster id P1), in school "school".');
  });
});

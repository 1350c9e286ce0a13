import { MESSAGE_COMMANDS } from '../../src/journeys';
import { MAX_TYPED_CHARACTERS, prepareTypedMessage } from '../../src/bot/typed-message';
import { parseLinkShortcut } from '../../src/journeys/links/link-shortcut';
import type { Measurement } from '../bench-context';
import { underMs } from '../printer';
import { medianMs } from '../timing';

const RUNS = 7;
const fill = (unit: string, characters = MAX_TYPED_CHARACTERS) => unit.repeat(Math.floor(characters / unit.length));

/** Messages shaped to make patterns backtrack, as long as a body may carry or as the cap allows. */
export const HOSTILE_TEXTS: Readonly<Record<string, string>> = {
  'help and 250,000 spaces': `help${' '.repeat(250_000)}`,
  'record, spaces, a name': `record x${' '.repeat(250_000)}y`,
  'spaces and tabs only': fill(' \t\n', 250_000),
  'the the the ... report!': `${fill('the ', MAX_TYPED_CHARACTERS - 10)}report!x`,
  colons: fill(': '),
  'year groups': `Y9 maths ${fill('y9 ', MAX_TYPED_CHARACTERS - 20)}`,
  dashes: fill('-'),
  'arrows and commas': `Y9 maths: a -> ${fill('b, ', MAX_TYPED_CHARACTERS - 20)}`,
  'one long word before a colon': `${fill('m', MAX_TYPED_CHARACTERS - 10)}: x -> y`,
  'subject words': `Y9 ${fill('design and ', MAX_TYPED_CHARACTERS - 20)}`,
};

/** What the slowest hostile message costs between arriving and a route being chosen: collapse, every command pattern, the link shortcut. */
export const hostileText: Measurement = {
  name: 'hostile-text',
  async run({ school }) {
    let slowest = { name: '', ms: 0 };
    for (const [name, text] of Object.entries(HOSTILE_TEXTS)) {
      const ms = await medianMs(RUNS, () => {
        const activity = { type: 'message', text };
        if (prepareTypedMessage(activity).kind !== 'ready') return;
        for (const command of MESSAGE_COMMANDS) command.pattern.test(activity.text);
        parseLinkShortcut(activity.text, school.curriculum);
      });
      if (ms > slowest.ms) slowest = { name, ms };
    }
    return {
      name: 'slowest hostile message, text to route',
      ms: slowest.ms,
      targets: [underMs(slowest.ms, 5)],
      note: `“${slowest.name}”, median of ${RUNS}`,
    };
  },
};

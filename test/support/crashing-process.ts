// A process that installs the last-resort handler, as src/index.ts does, then fails the way the
// first argument says, with someone's name in the error's message.
import { exitOnUncaughtErrors } from '../../src/observability/last-resort';
import { createLogger } from '../../src/observability/log';

exitOnUncaughtErrors(createLogger('error'));
const failure = new TypeError('Cannot read the record of Ava Patel');
if (process.argv[2] === 'rejection') void Promise.reject(failure);
else
  setTimeout(() => {
    throw failure;
  }, 0);
// Something that would keep a limping process alive.
setInterval(() => undefined, 1_000);

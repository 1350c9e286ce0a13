import { describeError, type Logger } from './log';

/**
 * An error nothing caught leaves the process in a state nobody designed for: log what failed (its
 * class and code, never its message, which may carry someone's data) and exit, so the platform
 * starts a clean instance, rather than limp on.
 */
export function exitOnUncaughtErrors(log: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  const crash = (kind: 'uncaughtException' | 'unhandledRejection') => (error: unknown) => {
    log.error('process.crashed', { kind, ...describeError(error) });
    exit(1);
  };
  process.on('uncaughtException', crash('uncaughtException'));
  process.on('unhandledRejection', crash('unhandledRejection'));
}

import type { LogLevel } from '../config';

// Pupil data is children's personal data: log ids and counts only, never names, emails or notes.
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const SEVERITY: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const emit =
    (severity: Exclude<LogLevel, 'silent'>) =>
    (event: string, fields: LogFields = {}) => {
      if (SEVERITY[severity] < SEVERITY[level]) return;
      write(`${JSON.stringify({ at: new Date().toISOString(), level: severity, event, ...fields })}\n`);
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** The error's class and code, which say what failed without echoing user content. */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) {
    const withStatus = error as Error & { statusCode?: number; code?: string };
    return { error: error.name, statusCode: withStatus.statusCode, code: withStatus.code };
  }
  return { error: typeof error };
}

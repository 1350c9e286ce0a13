import path from 'node:path';
import { ConfigError, loadConfig, schoolIdSchema } from '../config';
import { createLogger } from '../observability/log';
import { openServices, type Services } from '../services';

/** Runs a command-line task against the configured storage (embedded Azurite when none is set). */
export async function runWithServices(task: (services: Services) => Promise<number>): Promise<void> {
  let exitCode = 1;
  try {
    const config = loadConfig();
    const opened = await openServices(
      config,
      createLogger('warn', (line) => process.stderr.write(line)),
    );
    try {
      exitCode = await task(opened.services);
    } finally {
      await opened.close();
    }
  } catch (error) {
    process.stderr.write(
      error instanceof ConfigError ? `${error.message}\n` : `${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(exitCode);
}

/** `--name value` from the arguments, or undefined. */
export function optionValue(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

/** `--school ID`, checked as WAYPOINT_SCHOOL_ID is; the configured school without it. */
export function schoolOption(args: readonly string[], defaultSchoolId: string): string {
  const given = optionValue(args, 'school');
  if (given === undefined) return defaultSchoolId;
  const checked = schoolIdSchema.safeParse(given);
  if (!checked.success)
    throw new ConfigError(
      `--school must be 1 to 40 lower-case letters, digits and hyphens (as WAYPOINT_SCHOOL_ID); got ${JSON.stringify(given.slice(0, 60))}`,
    );
  return checked.data;
}

/** The arguments that are neither options nor their values. */
export function positionalArguments(args: readonly string[], optionsWithValues: readonly string[]): string[] {
  const positional: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg.startsWith('--')) {
      if (optionsWithValues.includes(arg.slice(2))) index++;
    } else positional.push(arg);
  }
  return positional;
}

/** `DIR [--school ID]` for the folder commands; undefined (after printing the usage) when DIR is missing. */
export function folderAndSchool(usage: string, defaultSchoolId: string): { folder: string; schoolId: string } | undefined {
  const args = process.argv.slice(2);
  const [folder] = positionalArguments(args, ['school']);
  if (!folder) {
    process.stderr.write(`${usage}\n`);
    return undefined;
  }
  return { folder: path.resolve(folder), schoolId: schoolOption(args, defaultSchoolId) };
}

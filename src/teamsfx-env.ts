// Teams Toolkit style environments: env/.env.<name> holds KEY=VALUE lines for one environment
// (local, dev, playground, ...), chosen by TEAMSFX_ENV.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

export const DEFAULT_ENV_NAME = 'local';

/** The environment name, checked because it becomes part of file paths. */
export function resolveEnvName(requested: string | undefined): string {
  const name = requested?.trim() || DEFAULT_ENV_NAME;
  if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    throw new Error(`TEAMSFX_ENV must be letters, digits, '-' or '_', got "${name}"`);
  }
  return name;
}

export function envFilePath(envDir: string, envName: string): string {
  return join(envDir, `.env.${envName}`);
}

/**
 * The environment file's variables (if the file exists) overlaid by the process environment.
 * An empty process variable does not blank a value from the file: an exported-but-empty shell
 * variable is far more often an accident than a deliberate override.
 */
export function loadEnvVars(
  envDir: string,
  envName: string,
  processEnv: NodeJS.ProcessEnv = process.env,
): Record<string, string | undefined> {
  const path = envFilePath(envDir, envName);
  const fromFile = existsSync(path) ? parseEnv(readFileSync(path, 'utf8')) : {};
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [key, value] of Object.entries(processEnv)) {
    if (value) merged[key] = value;
  }
  return merged;
}

import path from 'node:path';
import { z } from 'zod/v4';
import { PROJECT_ROOT } from './project-root';
import { loadEnvVars, resolveEnvName } from './teamsfx-env';

// Teams Toolkit keeps per-environment settings in env/.env.<name>; real environment variables win.

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** A school's id, as storage keys it: WAYPOINT_SCHOOL_ID and the CLI's --school alike. */
export const schoolIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and hyphens');

const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().default('0.0.0.0'),
    BOT_ID: optionalText,
    BOT_PASSWORD: optionalText,
    BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    BOT_TENANT_ID: optionalText,
    // Where the Bot Framework's token-signing keys are published, and who issues channel tokens:
    // left unset in Azure's public cloud; set for other clouds, or by tests that sign their own tokens.
    BOT_OPENID_METADATA_URL: optionalText,
    BOT_TOKEN_ISSUER: optionalText,
    WAYPOINT_TENANT_ID: optionalText,
    WAYPOINT_STORAGE_CONNECTION_STRING: optionalText,
    WAYPOINT_STORAGE_ACCOUNT_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    WAYPOINT_DATA_DIR: z.string().default(path.join(PROJECT_ROOT, '.data')),
    WAYPOINT_TABLE_PREFIX: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/, 'letters and digits only, starting with a letter')
      .default('waypoint'),
    WAYPOINT_SCHOOL_ID: schoolIdSchema.default('school'),
    WAYPOINT_DEMO_DATA: z.enum(['auto', 'off']).default('auto'),
    WAYPOINT_OUTBOX_CLAIM_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    WAYPOINT_ROSTER_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    WAYPOINT_CALENDAR: z.enum(['off', 'graph']).default('off'),
    WAYPOINT_GRAPH_URL: z.url({ protocol: /^https?$/ }).default('https://graph.microsoft.com'),
  })
  .transform((env) => ({
    environment: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    bot: {
      appId: env.BOT_ID,
      appPassword: env.BOT_PASSWORD,
      appType: env.BOT_TYPE,
      appTenantId: env.BOT_TENANT_ID,
      openIdMetadataUrl: env.BOT_OPENID_METADATA_URL,
      tokenIssuer: env.BOT_TOKEN_ISSUER,
    },
    /** When set, only Teams users from this Microsoft 365 tenant are served. */
    allowedTenantId: env.WAYPOINT_TENANT_ID,
    storage: {
      connectionString: env.WAYPOINT_STORAGE_CONNECTION_STRING,
      /** Table endpoint reached with an Entra identity (managed identity in Azure) when no connection string is set. */
      accountUrl: env.WAYPOINT_STORAGE_ACCOUNT_URL,
      dataDir: path.resolve(PROJECT_ROOT, env.WAYPOINT_DATA_DIR),
      tablePrefix: env.WAYPOINT_TABLE_PREFIX,
    },
    defaultSchoolId: env.WAYPOINT_SCHOOL_ID,
    demoData: env.WAYPOINT_DEMO_DATA,
    /** How long an instance may hold a message it is sending before another may take it over. */
    outboxClaimSeconds: env.WAYPOINT_OUTBOX_CLAIM_SECONDS,
    /** How long an instance uses the roster and curriculum it read before reading them again. */
    rosterCacheSeconds: env.WAYPOINT_ROSTER_CACHE_SECONDS,
    logLevel: env.LOG_LEVEL,
    /** Guidance meetings in the adviser's and pupil's Outlook calendars, through Microsoft Graph: off unless the school turns it on. */
    calendar: { mode: env.WAYPOINT_CALENDAR, graphUrl: env.WAYPOINT_GRAPH_URL.replace(/\/+$/, '') },
  }));

export type Config = z.output<typeof configSchema>;
export type LogLevel = Config['logLevel'];

export class ConfigError extends Error {}

/** Reads env/.env.<TEAMSFX_ENV> (default "local") and the environment, validated. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const values = loadEnvVars(path.join(PROJECT_ROOT, 'env'), resolveEnvName(environment.TEAMSFX_ENV), environment);
  // Teams Toolkit leaves unfilled keys empty; an empty value must not mask a default.
  const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Waypoint's configuration is not valid:\n  ${problems.join('\n  ')}`);
  }
  assertProductionIsComplete(parsed.data);
  return parsed.data;
}

/**
 * Production answers Teams on the internet, for one school's tenant, from Azure Table Storage. A bot
 * with Bot Framework credentials is reachable from the internet (it listens where HOST says), so it
 * is held to the same checks whatever NODE_ENV says.
 */
function assertProductionIsComplete(config: Config): void {
  const hasIdentity = config.bot.appId !== undefined;
  if (config.environment !== 'production' && !hasIdentity) return;
  const hasSecret = config.bot.appPassword !== undefined || config.bot.appType === 'UserAssignedMSI';
  if (!hasIdentity || !hasSecret) {
    throw new ConfigError(
      'Waypoint will not start in production without Bot Framework credentials: set BOT_ID and ' +
        'BOT_PASSWORD (or BOT_TYPE=UserAssignedMSI with BOT_ID as the managed identity client id).',
    );
  }
  if (config.allowedTenantId === undefined) {
    throw new ConfigError(
      "Waypoint will not start in production without WAYPOINT_TENANT_ID: set it to the school's Microsoft 365 tenant " +
        `(directory) id, so only its Teams users are served.${credentialsMeanProduction(config)}`,
    );
  }
  if (config.storage.connectionString === undefined && config.storage.accountUrl === undefined) {
    throw new ConfigError(
      'Waypoint will not start in production on embedded storage: set WAYPOINT_STORAGE_ACCOUNT_URL (the Azure ' +
        'Table Storage endpoint, reached with the managed identity) or WAYPOINT_STORAGE_CONNECTION_STRING.' +
        credentialsMeanProduction(config),
    );
  }
}

function credentialsMeanProduction(config: Config): string {
  return config.environment === 'production' ? '' : ' (BOT_ID is set, so this is production whatever NODE_ENV says.)';
}

/**
 * Where the HTTP server listens. Without Bot Framework credentials no token is checked, so such a
 * bot (development and tests; production refuses to start) is reachable from this machine only,
 * and only it has the development job triggers (src/scheduling/development-triggers.ts).
 */
export function listeningHost(config: Config): { host: string; loopbackOnly: boolean } {
  if (config.bot.appId === undefined) return { host: '127.0.0.1', loopbackOnly: true };
  return { host: config.host, loopbackOnly: false };
}

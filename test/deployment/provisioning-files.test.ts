// The provisioning files (m365agents.yml, infra/*.bicep) cannot be deployed from here, and there is no
// Bicep CLI: these checks read them as text, structurally, and hold them to what matters to a school.
// The app's side of every contract (variable names, the messaging route) is read from src/, so a
// renamed variable or route breaks a test here rather than a deployment.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from '../../src/node-flags';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

// `yaml` is not a dependency of Waypoint; it comes with @microsoft/teams-ai (and vite). Test-only use.
const YAML = createRequire(__filename)('yaml') as { parse(text: string): unknown };

const STORAGE_TABLE_DATA_CONTRIBUTOR = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3';
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
/** Asked for (subscription, resource group) or generated (RESOURCE_SUFFIX) by the toolkit itself. */
const TOOLKIT_SUPPLIED = ['AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'RESOURCE_SUFFIX'];
/** Filled in env/.env.dev by the school before provisioning (README); Bicep rejects it if left empty. */
const SCHOOL_SUPPLIED = ['WAYPOINT_TENANT_ID'];

// ---------------------------------------------------------------------------------------------
// Bicep, read structurally

/** The text with // and /* *\/ comments blanked out, leaving strings (which may hold "//") alone. */
function withoutComments(source: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (inString) {
      out += char;
      if (char === '\\') out += source[++i] ?? '';
      else if (char === "'") inString = false;
    } else if (char === "'") {
      inString = true;
      out += char;
    } else if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i++;
      out += '\n';
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 1;
    } else out += char;
  }
  return out;
}

/** From the `{` (or `[`) at `open` to its matching close, skipping brackets inside strings. */
function bracketBlock(source: string, open: number): string {
  const [opening, closing] = source[open] === '[' ? ['[', ']'] : ['{', '}'];
  let depth = 0;
  let inString = false;
  for (let i = open; i < source.length; i++) {
    const char = source[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === "'") inString = false;
    } else if (char === "'") inString = true;
    else if (char === opening) depth++;
    else if (char === closing && --depth === 0) return source.slice(open, i + 1);
  }
  throw new Error(`unbalanced ${opening}${closing} from offset ${open}`);
}

interface BicepResource {
  symbol: string;
  body: string;
}

class Bicep {
  readonly text: string;

  constructor(readonly file: string) {
    this.text = withoutComments(read(file));
  }

  /** The one resource of this type (e.g. 'Microsoft.Storage/storageAccounts'). */
  resource(type: string): BicepResource {
    const found = this.resources(type);
    expect(
      found.map((resource) => resource.symbol),
      `${this.file}: resources of type ${type}`,
    ).toHaveLength(1);
    return found[0]!;
  }

  /** Every resource of this type, in file order. */
  resources(type: string): BicepResource[] {
    const pattern = new RegExp(`^resource\\s+(\\w+)\\s+'${type.replace(/[.]/g, '\\.')}@[^']+'\\s*=\\s*(?:if\\s*\\([^)]*\\)\\s*)?\\{`, 'gm');
    return [...this.text.matchAll(pattern)].map((match) => ({
      symbol: match[1]!,
      body: bracketBlock(this.text, match.index + match[0].length - 1),
    }));
  }

  module(pathInFile: string): BicepResource {
    const pattern = new RegExp(`^module\\s+(\\w+)\\s+'${pathInFile.replace(/[.]/g, '\\.')}'\\s*=\\s*\\{`, 'm');
    const match = pattern.exec(this.text);
    if (!match) throw new Error(`${this.file} has no module '${pathInFile}'`);
    return { symbol: match[1]!, body: bracketBlock(this.text, match.index + match[0].length - 1) };
  }

  /** Parameter name -> whether it has a default value. */
  params(): Map<string, boolean> {
    return new Map([...this.text.matchAll(/^param\s+(\w+)\s+\w+(\s*=.*)?$/gm)].map((m) => [m[1]!, m[2] !== undefined]));
  }

  outputs(): Map<string, string> {
    return new Map([...this.text.matchAll(/^output\s+(\w+)\s+\w+\s*=\s*(.+?)\s*$/gm)].map((m) => [m[1]!, m[2]!]));
  }

  /** A `var` resolved to its expression; anything else is returned unchanged. */
  resolve(expression: string): string {
    if (!/^\w+$/.test(expression)) return expression;
    const variable = new RegExp(`^var\\s+${expression}\\s*=\\s*(.+?)\\s*$`, 'm').exec(this.text);
    return variable ? variable[1]! : expression;
  }
}

/** `key: value` lines directly inside a block (first match; keys are unique where this is used). */
function property(body: string, key: string): string | undefined {
  return new RegExp(`^\\s*${key}:\\s*(.+?)\\s*$`, 'm').exec(body)?.[1];
}

function appSettings(webAppBody: string): Map<string, string> {
  const start = webAppBody.indexOf('appSettings: [');
  expect(start, 'the web app has appSettings').toBeGreaterThanOrEqual(0);
  const list = bracketBlock(webAppBody, start + 'appSettings: '.length);
  return new Map([...list.matchAll(/name:\s*'([^']+)'\s*\n\s*value:\s*(.+?)\s*$/gm)].map((m) => [m[1]!, m[2]!]));
}

const unquote = (value: string | undefined) => value?.replace(/^'(.*)'$/, '$1');

// ---------------------------------------------------------------------------------------------
// What the app reads, from src/config.ts as text

function configVariables(): { names: Set<string>; enumValues(name: string): string[] } {
  const source = read('src/config.ts');
  const schema = /z\s*\.object\(\{([\s\S]*?)\n\s*\}\)\s*\.transform/.exec(source);
  if (!schema) throw new Error('src/config.ts: could not find the z.object({...}).transform(...) schema');
  const names = new Set([...schema[1]!.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*:/gm)].map((m) => m[1]!));
  return {
    names,
    enumValues(name) {
      const values = new RegExp(`${name}:\\s*z\\.enum\\(\\[([^\\]]*)\\]`).exec(schema[1]!);
      if (!values) throw new Error(`src/config.ts: ${name} is not a z.enum`);
      return [...values[1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The toolkit's YAML

interface Step {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}

interface ProjectFile {
  version: string;
  environmentFolderPath?: string;
  provision?: Step[];
  deploy?: Step[];
  publish?: Step[];
}

const projectFile = (file: string) => YAML.parse(read(file)) as ProjectFile;
const placeholders = (text: string) => new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!));
const stepsUsing = (steps: Step[] | undefined, uses: string) => (steps ?? []).filter((step) => step.uses === uses);
const withText = (step: Step, key: string) => {
  const value = step.with?.[key];
  expect(typeof value, `${step.uses}: with.${key}`).toBe('string');
  return value as string;
};
const projectPath = (relative: string) => path.join(ROOT, relative);

/** Variables env/.env.dev gives a value to, and every variable it names (filled or not). */
function devEnvironment(): { filled: Set<string>; named: Set<string> } {
  const values = parseEnv(read('env/.env.dev'));
  return {
    filled: new Set(
      Object.entries(values)
        .filter(([, value]) => value !== '')
        .map(([key]) => key),
    ),
    named: new Set(Object.keys(values)),
  };
}

/** The environment variables a step writes: its writeToEnvironmentFile, or an ARM template's outputs. */
function writtenBy(step: Step): string[] {
  const written = Object.values(step.writeToEnvironmentFile ?? {});
  if (step.uses === 'arm/deploy') {
    for (const template of (step.with?.templates ?? []) as { path: string }[]) {
      written.push(...new Bicep(template.path.replace(/^\.\//, '')).outputs().keys());
    }
  }
  return written;
}

/** For each step of provision, then publish, the variables it references that nothing has set by then. */
function unsetReferences(file: ProjectFile): string[] {
  const env = devEnvironment();
  const available = new Set([...env.filled, ...TOOLKIT_SUPPLIED, ...SCHOOL_SUPPLIED.filter((name) => env.named.has(name))]);
  const problems: string[] = [];
  for (const [stage, steps] of [
    ['provision', file.provision],
    ['deploy', file.deploy],
    ['publish', file.publish],
  ] as const) {
    for (const step of steps ?? []) {
      const referenced = placeholders(JSON.stringify(step.with ?? {}));
      for (const key of ['manifestPath', 'parameters'] as const) {
        const files =
          key === 'parameters' ? ((step.with?.templates ?? []) as { parameters?: string }[]).map((t) => t.parameters) : [step.with?.[key]];
        for (const file of files)
          if (typeof file === 'string') for (const name of placeholders(readFileSync(projectPath(file), 'utf8'))) referenced.add(name);
      }
      for (const name of referenced) if (!available.has(name)) problems.push(`${stage} ${step.uses}: \${{${name}}}`);
      for (const name of writtenBy(step)) available.add(name);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

describe('infra/azure.bicep', () => {
  const bicep = new Bicep('infra/azure.bicep');
  const identity = bicep.resource('Microsoft.ManagedIdentity/userAssignedIdentities');
  const storage = bicep.resource('Microsoft.Storage/storageAccounts');
  const webApp = bicep.resource('Microsoft.Web/sites');
  const settings = appSettings(webApp.body);

  it('grants Storage Table Data Contributor, on the storage account, to the identity the web app runs as', () => {
    const role = bicep.resource('Microsoft.Authorization/roleAssignments');
    expect(property(role.body, 'scope')).toBe(storage.symbol);
    expect(property(role.body, 'principalId')).toBe(`${identity.symbol}.properties.principalId`);
    expect(property(role.body, 'principalType')).toBe("'ServicePrincipal'");
    const roleDefinition = property(role.body, 'roleDefinitionId') ?? '';
    const roleId = /'Microsoft\.Authorization\/roleDefinitions',\s*(\S+?)\)/.exec(roleDefinition)?.[1] ?? '';
    expect(unquote(bicep.resolve(roleId))).toBe(STORAGE_TABLE_DATA_CONTRIBUTOR);

    // ...and that identity is the one the app runs as, signs in to storage with, and is the bot.
    expect(property(webApp.body, 'type')).toBe("'UserAssigned'");
    expect(webApp.body).toContain(`'\${${identity.symbol}.id}': {}`);
    expect(settings.get('AZURE_CLIENT_ID')).toBe(`${identity.symbol}.properties.clientId`);
    expect(settings.get('BOT_ID')).toBe(`${identity.symbol}.properties.clientId`);
    // AZURE_CLIENT_ID only matters because the app signs in to storage with an Azure Identity credential.
    const services = read('src/services.ts');
    expect(services).toMatch(/DefaultAzureCredential|ManagedIdentityCredential/);
  });

  it('gives the web app NODE_ENV=production and the bot and storage settings Waypoint reads, and no secrets', () => {
    const config = configVariables();
    for (const name of ['NODE_ENV', 'BOT_ID', 'BOT_TYPE', 'BOT_TENANT_ID', 'WAYPOINT_STORAGE_ACCOUNT_URL', 'WAYPOINT_TENANT_ID']) {
      expect(settings.has(name), `app setting ${name}`).toBe(true);
      expect(config.names.has(name), `src/config.ts reads ${name}`).toBe(true);
    }
    // Every Waypoint setting given to the app is one it actually reads (a rename breaks this).
    const waypointSettings = [...settings.keys()].filter((name) => /^(NODE_ENV|PORT|HOST|LOG_LEVEL|BOT_|WAYPOINT_)/.test(name));
    expect(waypointSettings.filter((name) => !config.names.has(name))).toEqual([]);

    expect(unquote(settings.get('NODE_ENV'))).toBe('production');
    expect(config.enumValues('NODE_ENV')).toContain('production');
    expect(unquote(settings.get('BOT_TYPE'))).toBe('UserAssignedMSI');
    expect(config.enumValues('BOT_TYPE')).toContain('UserAssignedMSI');
    expect(settings.get('BOT_TENANT_ID')).toBe(`${identity.symbol}.properties.tenantId`);
    expect(unquote(settings.get('WAYPOINT_DEMO_DATA'))).toBe('off');

    // The storage URL is this account's table endpoint; the tenant is the school's, from env.
    const url = bicep.resolve(settings.get('WAYPOINT_STORAGE_ACCOUNT_URL') ?? '');
    expect(url).toMatch(new RegExp(`^'https://\\$\\{${storage.symbol}\\.name\\}\\.table\\.`));
    expect(settings.get('WAYPOINT_TENANT_ID')).toBe('waypointTenantId');

    // No password, connection string or account key: the managed identity replaces them all.
    expect([...settings.keys()]).not.toContain('BOT_PASSWORD');
    expect([...settings.keys()]).not.toContain('WAYPOINT_STORAGE_CONNECTION_STRING');
    expect(bicep.text).not.toMatch(/listKeys|connectionString|@secure/i);
  });

  it('runs the compiled app on Linux with Node 24 LTS, as `npm start` does, always on, HTTPS only', () => {
    const plan = bicep.resource('Microsoft.Web/serverfarms');
    expect(property(plan.body, 'kind')).toBe("'linux'");
    expect(property(plan.body, 'reserved')).toBe('true');
    expect(property(webApp.body, 'serverFarmId')).toBe(`${plan.symbol}.id`);
    expect(property(webApp.body, 'kind')).toBe("'app,linux'");
    expect(property(webApp.body, 'linuxFxVersion')).toBe("'NODE|24-lts'");
    // The Node it deploys on is the one CI runs the whole suite on a second time.
    expect(/\.ci\/node-from-npm (\d+)/.exec(read('.ci/run'))?.[1]).toBe('24');
    // App Service runs what `deploy` compiled (npm run build), with the same flags as `npm start`.
    const command = `node ${NODE_FLAGS.join(' ')} lib/src/index.js`;
    expect(property(webApp.body, 'appCommandLine')).toBe(`'${command}'`);
    expect(property(webApp.body, 'alwaysOn')).toBe('true');
    expect(property(webApp.body, 'httpsOnly')).toBe('true');
    expect(property(webApp.body, 'healthCheckPath')).toBe("'/healthz'");
    expect(read('src/server.ts')).toContain("'/healthz'");

    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string>; engines: { node: string } };
    expect(pkg.scripts.start).toBe(`${pkg.scripts.build} && ${command}`);
    // Node 20.19 is the oldest it runs on (and its tests pass on); 24 is what it deploys on.
    expect(pkg.engines.node).toBe('>=20.19');
  });

  it("keeps the school's records in StorageV2 over TLS 1.2 with no public blobs and shared keys disabled", () => {
    expect(property(storage.body, 'kind')).toBe("'StorageV2'");
    expect(property(storage.body, 'minimumTlsVersion')).toBe("'TLS1_2'");
    expect(property(storage.body, 'supportsHttpsTrafficOnly')).toBe('true');
    expect(property(storage.body, 'allowBlobPublicAccess')).toBe('false');
    expect(property(storage.body, 'allowSharedKeyAccess')).toBe('false');
  });

  it('registers the bot for Teams only, as the managed identity, with its messaging endpoint at /api/messages', () => {
    const bot = new Bicep('infra/botRegistration/azurebot.bicep');
    const service = bot.resource('Microsoft.BotService/botServices');
    const endpoint = property(service.body, 'endpoint') ?? '';
    expect(endpoint).toMatch(/^'https:\/\/\$\{botAppDomain\}\/api\/messages'$/);
    expect(read('src/server.ts')).toContain("'/api/messages'");
    expect(property(service.body, 'msaAppType')).toBe("'UserAssignedMSI'");
    expect(property(service.body, 'msaAppId')).toBe('identityClientId');
    expect(property(service.body, 'msaAppMSIResourceId')).toBe('identityResourceId');
    expect(property(service.body, 'msaAppTenantId')).toBe('identityTenantId');
    // Teams is the only channel on: Azure adds Web Chat to every new bot, so it and Direct Line are declared off.
    const channels = bot.resources('Microsoft.BotService/botServices/channels');
    for (const channel of channels) expect(property(channel.body, 'parent')).toBe(service.symbol);
    const byName = new Map(channels.map((channel) => [property(channel.body, 'channelName'), channel.body]));
    expect([...byName.keys()].sort()).toEqual(["'DirectLineChannel'", "'MsTeamsChannel'", "'WebChatChannel'"]);
    expect(byName.get("'MsTeamsChannel'")).not.toMatch(/isEnabled:\s*false/);
    for (const off of ["'DirectLineChannel'", "'WebChatChannel'"]) {
      const body = byName.get(off)!;
      expect(body, off).toMatch(/isEnabled:\s*false/);
      expect(body, off).not.toMatch(/Enabled:\s*true/);
    }

    // azure.bicep hands the module the web app's host name and the same identity the app runs as.
    const registration = bicep.module('./botRegistration/azurebot.bicep');
    expect(property(registration.body, 'botAppDomain')).toBe(`${webApp.symbol}.properties.defaultHostName`);
    expect(property(registration.body, 'identityClientId')).toBe(`${identity.symbol}.properties.clientId`);
    expect(property(registration.body, 'identityResourceId')).toBe(`${identity.symbol}.id`);
    expect(property(registration.body, 'identityTenantId')).toBe(`${identity.symbol}.properties.tenantId`);
    const moduleParams = bot.params();
    const passed = [...registration.body.matchAll(/^\s{4}(\w+):/gm)].map((m) => m[1]!);
    expect(passed.filter((name) => !moduleParams.has(name))).toEqual([]);
    expect([...moduleParams].filter(([name, hasDefault]) => !hasDefault && !passed.includes(name))).toEqual([]);
  });

  it('takes exactly the parameters infra/azure.parameters.json gives it', () => {
    const file = JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, { value: unknown }> };
    const given = Object.keys(file.parameters);
    const declared = bicep.params();
    expect(given.filter((name) => !declared.has(name))).toEqual([]);
    expect([...declared].filter(([name, hasDefault]) => !hasDefault && !given.includes(name)).map(([name]) => name)).toEqual([]);
    expect(file.parameters.waypointTenantId?.value).toBe('${{WAYPOINT_TENANT_ID}}');
    // The toolkit leaves an empty variable's ${{...}} in place; the 36-character GUID length rule
    // makes an unset WAYPOINT_TENANT_ID fail provisioning instead of serving every tenant.
    expect(read('infra/azure.bicep')).toMatch(
      /@minLength\(36\)\s*@maxLength\(36\)[^\n]*\n(?:@description[^\n]*\n)?param waypointTenantId string\n/,
    );
    expect(devEnvironment().named.has('WAYPOINT_TENANT_ID')).toBe(true);
  });
});

describe('m365agents.yml', () => {
  const agents = projectFile('m365agents.yml');
  const bicepOutputs = new Bicep('infra/azure.bicep').outputs();

  it("uses the toolkit's v1.11 schema and the templates' actions", () => {
    expect(agents.version).toBe('v1.11');
    expect(agents.environmentFolderPath).toBe('./env');
    expect(agents.provision?.map((step) => step.uses)).toEqual([
      'teamsApp/create',
      'arm/deploy',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(stepsUsing(agents.provision, 'teamsApp/create')[0]?.writeToEnvironmentFile).toEqual({ teamsAppId: 'TEAMS_APP_ID' });
    const arm = stepsUsing(agents.provision, 'arm/deploy')[0]!;
    expect(arm.with?.subscriptionId).toBe('${{AZURE_SUBSCRIPTION_ID}}');
    expect(arm.with?.resourceGroupName).toBe('${{AZURE_RESOURCE_GROUP_NAME}}');
    const templates = arm.with?.templates as { path: string; parameters: string; deploymentName: string }[];
    expect(templates).toHaveLength(1);
    expect(templates[0]).toMatchObject({ path: './infra/azure.bicep', parameters: './infra/azure.parameters.json' });
    expect(templates[0]!.deploymentName).toBeTruthy();
    for (const template of templates) {
      expect(existsSync(projectPath(template.path))).toBe(true);
      expect(existsSync(projectPath(template.parameters))).toBe(true);
    }
  });

  it('has every ${{VAR}} the manifest uses written by provisioning before the package is built, or set in env/.env.dev', () => {
    const manifestVars = placeholders(read('appPackage/manifest.json'));
    expect([...manifestVars].sort()).toEqual(['APP_NAME_SUFFIX', 'BOT_DOMAIN', 'BOT_ID', 'TEAMS_APP_ID']);
    expect([...manifestVars].filter((name) => SCHOOL_SUPPLIED.includes(name) || TOOLKIT_SUPPLIED.includes(name))).toEqual([]);
    for (const step of stepsUsing(agents.provision, 'teamsApp/zipAppPackage'))
      expect(withText(step, 'manifestPath')).toBe('./appPackage/manifest.json');
    // The walk checks the manifest at validateManifest/zipAppPackage, the parameters file at arm/deploy,
    // and every ${{...}} in every step, against what env/.env.dev and the earlier steps provide.
    expect(unsetReferences(agents)).toEqual([]);
    expect(unsetReferences(projectFile('m365agents.local.yml'))).toEqual([]);
    // The ids the manifest needs come from provisioning, not from values typed into env/.env.dev.
    expect(bicepOutputs.has('BOT_ID')).toBe(true);
    expect(bicepOutputs.has('BOT_DOMAIN')).toBe(true);
  });

  it('deploys with npm install and build, uploading neither node_modules, local data nor env secrets', () => {
    const deploy = agents.deploy ?? [];
    expect(deploy.map((step) => step.uses)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    expect(withText(deploy[0]!, 'args')).toMatch(/^install\b/);
    expect(withText(deploy[1]!, 'args')).toMatch(/^run build\b/);
    const zip = deploy[2]!;
    expect(withText(zip, 'artifactFolder')).toBe('.');
    const resourceId = /^\$\{\{(\w+)\}\}$/.exec(withText(zip, 'resourceId'))?.[1];
    const webAppSymbol = new Bicep('infra/azure.bicep').resource('Microsoft.Web/sites').symbol;
    expect(resourceId && bicepOutputs.get(resourceId)).toBe(`${webAppSymbol}.id`);

    const ignoreFile = withText(zip, 'ignoreFile');
    expect(existsSync(projectPath(ignoreFile))).toBe(true);
    const ignored = readFileSync(projectPath(ignoreFile), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    for (const pattern of ['/node_modules/', '/.data/', '/env/', '/.git/', '/test/']) expect(ignored).toContain(pattern);
    for (const kept of ['src', 'lib', 'package.json', 'package-lock.json'])
      expect(ignored.some((line) => line.replace(/^\/|\/$/g, '') === kept)).toBe(false);

    // With node_modules left behind, App Service must install the dependencies itself, on Linux.
    const settings = appSettings(new Bicep('infra/azure.bicep').resource('Microsoft.Web/sites').body);
    expect(unquote(settings.get('SCM_DO_BUILD_DURING_DEPLOYMENT'))).toBe('true');
    expect(unquote(settings.get('CUSTOM_BUILD_COMMAND'))).toMatch(/^npm ci\b.*--omit=dev/);
    expect(settings.has('WEBSITE_RUN_FROM_PACKAGE')).toBe(false); // it would skip that install
  });

  it('publishes by validating, zipping and updating the Teams app, with one package path throughout', () => {
    const publish = agents.publish ?? [];
    const uses = publish.map((step) => step.uses);
    expect(uses.slice(0, 4)).toEqual([
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    const zipPath = withText(stepsUsing(publish, 'teamsApp/zipAppPackage')[0]!, 'outputZipPath');
    expect(zipPath).toBe('./appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip');
    for (const step of [...publish, ...(agents.provision ?? [])].filter((s) => s.with?.appPackagePath !== undefined)) {
      expect(withText(step, 'appPackagePath')).toBe(zipPath);
    }
  });
});

describe('m365agents.local.yml', () => {
  it('provisions nothing: local development is the Playground (npm run playground)', () => {
    const local = projectFile('m365agents.local.yml');
    expect(local.version).toBe('v1.11');
    expect(local.provision ?? []).toEqual([]);
    expect(local.deploy?.map((step) => step.uses)).toEqual(['cli/runNpmCommand']);
    expect(read('m365agents.local.yml')).toContain('npm run playground');
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.playground).toBeDefined();
  });
});

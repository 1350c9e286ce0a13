// Builds the Teams app package: fills ${{NAME}} placeholders in the manifest template, validates
// the result against the bundled Teams schema (offline), checks the icon sizes Teams insists on,
// and zips manifest and icons at the zip root.
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { readPngSize } from './png-file';

/** Teams Toolkit placeholder syntax, e.g. ${{BOT_ID}}; spaces inside the braces are tolerated. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

const REQUIRED_ICON_SIZES = { color: 192, outline: 32 } as const;

// Only schemas under this prefix are bundled with @microsoft/app-manifest; any other $schema
// would make the validator fetch it over the network.
const BUNDLED_SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.\d+\/MicrosoftTeams\.schema\.json$/;

export class MissingPlaceholderValuesError extends Error {
  constructor(readonly names: readonly string[]) {
    super(
      `No value for manifest placeholder${names.length > 1 ? 's' : ''} ${names.map((n) => `\${{${n}}}`).join(', ')}: ` +
        `set ${names.length > 1 ? 'them' : 'it'} in env/.env.<environment> or the process environment`,
    );
    this.name = 'MissingPlaceholderValuesError';
  }
}

export class InvalidAppPackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The Teams app package is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidAppPackageError';
  }
}

/**
 * Replaces every ${{NAME}} in the template with vars[NAME], escaped for a JSON string.
 * An undefined or empty value is an error naming every such placeholder: an empty id in
 * env/.env.dev means "not provisioned yet", which must not become an empty manifest field.
 */
export function fillPlaceholders(template: string, vars: Readonly<Record<string, string | undefined>>): string {
  const missing = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = vars[name];
    if (!value) {
      missing.add(name);
      return placeholder;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (missing.size > 0) throw new MissingPlaceholderValuesError([...missing]);
  if (filled.includes('${{')) {
    throw new InvalidAppPackageError(['the manifest has a malformed ${{...}} placeholder (names are letters, digits and _)']);
  }
  return filled;
}

/** Schema problems with the manifest, as readable strings; empty when it is valid. */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return ['the manifest is not a JSON object'];
  }
  const schemaUrl = (manifest as { $schema?: unknown }).$schema;
  if (typeof schemaUrl !== 'string' || !BUNDLED_SCHEMA_URL.test(schemaUrl)) {
    return [
      `$schema must be a Teams schema URL like ` +
        `https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json, got ${JSON.stringify(schemaUrl)}`,
    ];
  }
  try {
    return await AppManifestUtils.validateAgainstSchema(manifest as TeamsManifest);
  } catch (error) {
    // An unbundled version number (say v1.99) gets here as a failed download.
    return [`could not validate against ${schemaUrl}: ${(error as Error).message}`];
  }
}

/** Icon problems (unreadable PNG or wrong size); empty when both icons are right. */
export function checkIconSizes(icons: { color: Buffer; outline: Buffer }): string[] {
  const problems: string[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const required = REQUIRED_ICON_SIZES[kind];
    try {
      const { width, height } = readPngSize(icons[kind]);
      if (width !== required || height !== required) {
        problems.push(`the ${kind} icon must be ${required}x${required}, it is ${width}x${height}`);
      }
    } catch (error) {
      problems.push(`the ${kind} icon: ${(error as Error).message}`);
    }
  }
  return problems;
}

export interface AppPackageSources {
  /** manifest.json as written, with ${{NAME}} placeholders. */
  manifestTemplate: string;
  vars: Readonly<Record<string, string | undefined>>;
  /** Reads a file the manifest names (the icons), by its path relative to the manifest. */
  readAsset: (relativePath: string) => Promise<Buffer>;
}

export interface AppPackage {
  zip: Buffer;
  manifest: TeamsManifest;
}

/** Fills, validates and zips; throws MissingPlaceholderValuesError or InvalidAppPackageError. */
export async function buildAppPackageZip(sources: AppPackageSources): Promise<AppPackage> {
  const manifestJson = fillPlaceholders(sources.manifestTemplate, sources.vars);
  const manifest: unknown = JSON.parse(manifestJson);
  const schemaProblems = await validateManifest(manifest);
  if (schemaProblems.length > 0) throw new InvalidAppPackageError(schemaProblems);

  const valid = manifest as TeamsManifest & { icons: { color: string; outline: string } };
  const iconPaths = { color: valid.icons.color, outline: valid.icons.outline };
  for (const path of Object.values(iconPaths)) {
    // Teams looks for the icons beside manifest.json, so keep them at the zip root.
    if (path.includes('/') || path.includes('\\')) {
      throw new InvalidAppPackageError([`icon paths must be plain file names at the package root, got "${path}"`]);
    }
  }
  const icons = { color: await sources.readAsset(iconPaths.color), outline: await sources.readAsset(iconPaths.outline) };
  const iconProblems = checkIconSizes(icons);
  if (iconProblems.length > 0) throw new InvalidAppPackageError(iconProblems);

  // A fixed timestamp makes the same inputs give a byte-identical zip.
  const date = new Date(Date.UTC(2024, 0, 1));
  const zip = new JSZip();
  zip.file('manifest.json', manifestJson, { date });
  zip.file(iconPaths.color, icons.color, { date });
  zip.file(iconPaths.outline, icons.outline, { date });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  return { zip: bytes, manifest: valid };
}

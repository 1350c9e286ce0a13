// Builds the Teams app package for one environment:
//   TEAMSFX_ENV=dev npm run package   ->  appPackage/build/appPackage.dev.zip
// Values for ${{NAME}} placeholders come from env/.env.<TEAMSFX_ENV> (default "local"),
// overridden by the process environment.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { buildAppPackageZip, InvalidAppPackageError, MissingPlaceholderValuesError } from '../app-package/build-app-package';
import { envFilePath, loadEnvVars, resolveEnvName } from '../teamsfx-env';

const PROJECT_DIR = join(__dirname, '..', '..');
const APP_PACKAGE_DIR = join(PROJECT_DIR, 'appPackage');
const ENV_DIR = join(PROJECT_DIR, 'env');

async function packageApp(envName: string): Promise<string> {
  const { zip } = await buildAppPackageZip({
    manifestTemplate: await readFile(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8'),
    vars: loadEnvVars(ENV_DIR, envName),
    readAsset: (path) => readFile(join(APP_PACKAGE_DIR, path)),
  });
  const outputPath = join(APP_PACKAGE_DIR, 'build', `appPackage.${envName}.zip`);
  await mkdir(join(APP_PACKAGE_DIR, 'build'), { recursive: true });
  await writeFile(outputPath, zip);
  return outputPath;
}

async function main(): Promise<void> {
  const envName = resolveEnvName(process.env.TEAMSFX_ENV);
  try {
    console.log(await packageApp(envName));
  } catch (error) {
    if (!(error instanceof MissingPlaceholderValuesError || error instanceof InvalidAppPackageError)) throw error;
    const envFile = envFilePath(ENV_DIR, envName);
    const fileNote = existsSync(envFile) ? '' : ', which does not exist';
    console.error(`${error.message}\n(environment "${envName}" reads ${relative(PROJECT_DIR, envFile)}${fileNote})`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

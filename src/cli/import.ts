import path from 'node:path';
import { formatImportError } from '../schooldata/import-error';
import { describeImportCounts } from '../school-transfer/describe-counts';
import { importSchoolFolder } from '../school-transfer/import-folder';
import { optionValue, positionalArguments, runWithServices } from './with-services';

const USAGE = 'Usage: npm run import -- DIR [--school SCHOOL_ID]';

void runWithServices(async (services) => {
  const args = process.argv.slice(2);
  const [folder] = positionalArguments(args, ['school']);
  if (!folder) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const schoolId = optionValue(args, 'school') ?? services.config.defaultSchoolId;
  const result = await importSchoolFolder(services, schoolId, path.resolve(folder), 'import');
  if (!result.ok) {
    for (const error of result.errors) process.stderr.write(`${formatImportError(error)}\n`);
    process.stderr.write(`Nothing was imported: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'} to fix first.\n`);
    return 1;
  }
  for (const line of describeImportCounts(result.files, result.counts)) process.stdout.write(`${line}\n`);
  return 0;
});

import { formatImportError } from '../schooldata/import-error';
import { describeImportCounts } from '../school-transfer/describe-counts';
import { importSchoolFolder } from '../school-transfer/import-folder';
import { folderAndSchool, runWithServices } from './with-services';

void runWithServices(async (services) => {
  const target = folderAndSchool('Usage: npm run import -- DIR [--school SCHOOL_ID]', services.config.defaultSchoolId);
  if (!target) return 2;
  const result = await importSchoolFolder(services, target.schoolId, target.folder, 'import');
  if (!result.ok) {
    for (const error of result.errors) process.stderr.write(`${formatImportError(error)}\n`);
    process.stderr.write(`Nothing was imported: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'} to fix first.\n`);
    return 1;
  }
  for (const line of describeImportCounts(result.files, result.counts)) process.stdout.write(`${line}\n`);
  return 0;
});

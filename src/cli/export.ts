import path from 'node:path';
import { exportSchoolFolder } from '../school-transfer/export-folder';
import { optionValue, positionalArguments, runWithServices } from './with-services';

const USAGE = 'Usage: npm run export -- DIR [--school SCHOOL_ID]';

void runWithServices(async (services) => {
  const args = process.argv.slice(2);
  const [folder] = positionalArguments(args, ['school']);
  if (!folder) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const schoolId = optionValue(args, 'school') ?? services.config.defaultSchoolId;
  const target = path.resolve(folder);
  const files = await exportSchoolFolder(services, schoolId, target);
  process.stdout.write(`Wrote ${files.join(', ')} to ${target}\n`);
  return 0;
});

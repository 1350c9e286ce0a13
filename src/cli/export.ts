import { exportSchoolFolder } from '../school-transfer/export-folder';
import { folderAndSchool, runWithServices } from './with-services';

void runWithServices(async (services) => {
  const target = folderAndSchool('Usage: npm run export -- DIR [--school SCHOOL_ID]', services.config.defaultSchoolId);
  if (!target) return 2;
  const files = await exportSchoolFolder(services, target.schoolId, target.folder);
  process.stdout.write(`Wrote ${files.join(', ')} to ${target.folder}\n`);
  return 0;
});

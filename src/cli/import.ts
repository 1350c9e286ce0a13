import { formatUkDate } from '../domain/calendar';
import { formatImportError } from '../schooldata/import-error';
import { describeImportCounts } from '../school-transfer/describe-counts';
import { importSchoolFolder } from '../school-transfer/import-folder';
import { describeRosterEntry } from '../school-transfer/roster-sync';
import { folderAndSchool, runWithServices } from './with-services';

void runWithServices(async (services) => {
  const target = folderAndSchool('Usage: npm run import -- DIR [--school SCHOOL_ID] [--leavers]', services.config.defaultSchoolId);
  if (!target) return 2;
  const markLeavers = process.argv.slice(2).includes('--leavers');
  const result = await importSchoolFolder(services, target.schoolId, target.folder, 'import', { markLeavers });
  if (!result.ok && 'absent' in result) {
    const count = result.absent.length;
    process.stderr.write(`people.csv leaves out ${count} ${count === 1 ? 'person' : 'people'} on roll now:\n`);
    for (const entry of result.absent) process.stderr.write(`  ${describeRosterEntry(entry)}\n`);
    process.stderr.write(
      `people.csv is the school's whole roster. If ${count === 1 ? 'this person has' : 'these people have'} left, import ` +
        `again with --leavers to mark ${count === 1 ? 'them' : 'them all'} left on ${formatUkDate(result.leftOn)}, or ` +
        `give ${count === 1 ? 'them' : 'each'} a left_on date in people.csv.\nNothing was imported.\n`,
    );
    return 1;
  }
  if (!result.ok) {
    for (const error of result.errors) process.stderr.write(`${formatImportError(error)}\n`);
    process.stderr.write(`Nothing was imported: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'} to fix first.\n`);
    return 1;
  }
  for (const line of describeImportCounts(result.files, result.counts)) process.stdout.write(`${line}\n`);
  if (result.markedLeft.length > 0) {
    process.stdout.write(`Marked as left on ${formatUkDate(result.leftOn)}: ${result.markedLeft.map(describeRosterEntry).join(', ')}\n`);
  }
  return 0;
});

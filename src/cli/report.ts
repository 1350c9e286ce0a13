import { isRealIsoDate } from '../domain/calendar';
import { schoolDateOf } from '../domain/school-time';
import { loadBenchmarkReport } from '../journeys/report/report-store';
import { reportTable } from '../journeys/report/report-table';
import { optionValue, positionalArguments, runWithServices, schoolOption } from './with-services';

const USAGE = 'Usage: npm run report -- [--as-of YYYY-MM-DD] [--json] [--school SCHOOL_ID]';

void runWithServices(async (services) => {
  const args = process.argv.slice(2);
  const stray = positionalArguments(args, ['as-of', 'school']);
  const unknown = args.filter((arg) => arg.startsWith('--') && !['--as-of', '--school', '--json'].includes(arg));
  const asOf = optionValue(args, 'as-of') ?? schoolDateOf(services.now());
  if (stray.length > 0 || unknown.length > 0 || !isRealIsoDate(asOf)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const schoolId = schoolOption(args, services.config.defaultSchoolId);
  const { report, settings } = await loadBenchmarkReport(services, schoolId, asOf);
  // --json prints exactly the contract's { asOf, rows, gaps }, nothing else on stdout.
  process.stdout.write(
    args.includes('--json')
      ? `${JSON.stringify({ asOf: report.asOf, rows: report.rows, gaps: report.gaps }, null, 2)}\n`
      : reportTable(report, settings.schoolName),
  );
  return 0;
});

import { isRealIsoDate } from '../domain/calendar';
import { digestText } from '../domain/digest/digest-text';
import { schoolDateOf } from '../domain/school-time';
import { buildDigest } from '../journeys/digest/build-digest';
import { optionValue, positionalArguments, runWithServices, schoolOption } from './with-services';

const USAGE = 'Usage: npm run digest -- --dry-run [--as-of YYYY-MM-DD] [--school SCHOOL_ID]';

// Prints this week's digest as text without posting or recording anything.
void runWithServices(async (services) => {
  const args = process.argv.slice(2);
  const asOf = optionValue(args, 'as-of') ?? schoolDateOf(services.now());
  const stray = positionalArguments(args, ['as-of', 'school']);
  if (!args.includes('--dry-run') || stray.length > 0 || !isRealIsoDate(asOf)) {
    process.stderr.write(`${USAGE}\n(Only --dry-run exists: the scheduled job posts the real digest.)\n`);
    return 2;
  }
  const schoolId = schoolOption(args, services.config.defaultSchoolId);
  const built = await buildDigest(services, schoolId, asOf);
  process.stdout.write(digestText(built.digest, built.schoolName));
  return 0;
});

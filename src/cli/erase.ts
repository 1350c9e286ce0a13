import { applyErasure, describeErasure, planErasure } from '../erasure/erase-person';
import { optionValue, positionalArguments, runWithServices } from './with-services';

const USAGE = 'Usage: npm run erase -- --person ID [--school SCHOOL_ID] [--yes]';

void runWithServices(async (services) => {
  const args = process.argv.slice(2);
  const personId = optionValue(args, 'person');
  const unknown = args.filter((arg) => arg.startsWith('--') && !['--person', '--school', '--yes'].includes(arg));
  if (!personId || personId.startsWith('--') || positionalArguments(args, ['person', 'school']).length > 0 || unknown.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const schoolId = optionValue(args, 'school') ?? services.config.defaultSchoolId;
  const plan = await planErasure(services, schoolId, personId);
  if (!plan) {
    process.stderr.write(
      `No person with id ${personId} in school ${schoolId}: nothing was erased. Check the id (the school's MIS id, as in ` +
        `people.csv) and --school.\n`,
    );
    return 1;
  }
  const lines = describeErasure(plan);
  if (!args.includes('--yes')) {
    process.stdout.write(
      `Erasing ${personId} (${plan.person.role}) from school ${schoolId} would ` +
        `change:\n${lines.map((line) => `  ${line}`).join('\n')}\nNothing was changed. Run again with --yes to erase.\n`,
    );
    return 0;
  }
  await applyErasure(services, plan, 'erase');
  process.stdout.write(`Erased ${personId} from school ${schoolId}:\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
  return 0;
});

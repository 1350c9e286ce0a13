import { academicStartYearOf, isRealIsoDate } from '../domain/calendar';
import {
  calendarFormValues,
  describeCalendar,
  TERM_NAMES,
  validateCalendar,
  withCalendar,
  type CalendarFieldErrors,
} from '../journeys/settings/calendar-submission';
import { schoolDateOf } from '../domain/school-time';
import type { TermName } from '../domain/calendar';
import { sameSettings } from '../journeys/settings/settings-journey';
import { ChangedUnderUsError } from '../storage/school-collection';
import { runWithServices, schoolOption } from './with-services';

const USAGE = [
  'Usage: npm run settings -- [--school SCHOOL_ID] [--year YYYY] [--name TEXT] [--cut-off-hours N]',
  '         [--term NAME=FIRST..LAST]... [--half-term NAME=FIRST..LAST|NAME=none]... [--closures DATE,DATE,...]',
  '  NAME is autumn, spring or summer; dates are YYYY-MM-DD; --year is the September the school year starts in',
  '  (by default the year of the first --term, or the current one). With no changes it prints the settings.',
].join('\n');

// The school's name, term dates and meeting-change cut-off from the command line: the same checks
// as the card in "school settings"; nothing is saved unless every value is good.

interface Changes {
  year?: number;
  name?: string;
  cutoffHours?: string;
  terms: Array<{ term: TermName; first: string; last: string }>;
  halfTerms: Array<{ term: TermName; first: string; last: string }>;
  closures?: string;
}

const OPTIONS = ['school', 'year', 'name', 'cut-off-hours', 'term', 'half-term', 'closures'];
const DATE_RANGE = /^(autumn|spring|summer)=(?:(none)|(\S+?)\.\.(\S+))$/;

/** The options as given; a string (what is wrong) for anything this command does not take. */
function parseArguments(args: readonly string[]): Changes | string {
  const changes: Changes = { terms: [], halfTerms: [] };
  for (let index = 0; index < args.length; index += 2) {
    const option = args[index]!.replace(/^--/, '');
    const value = args[index + 1];
    if (!args[index]!.startsWith('--') || !OPTIONS.includes(option)) return `I don’t know ${JSON.stringify(args[index]!.slice(0, 40))}.`;
    if (value === undefined || value.startsWith('--')) return `--${option} needs a value.`;
    if (option === 'year') {
      if (!/^\d{4}$/.test(value)) return '--year wants the year the school year starts in, e.g. 2026 for 2026/27.';
      changes.year = Number(value);
    } else if (option === 'name') changes.name = value;
    else if (option === 'cut-off-hours') changes.cutoffHours = value;
    else if (option === 'closures') changes.closures = value;
    else if (option === 'term' || option === 'half-term') {
      const match = DATE_RANGE.exec(value);
      if (!match || (option === 'term' && match[2]))
        return (
          `--${option} wants NAME=FIRST..LAST, e.g. ` + `autumn=2026-09-02..2026-12-18${option === 'half-term' ? ' (or autumn=none)' : ''}.`
        );
      (option === 'term' ? changes.terms : changes.halfTerms).push({
        term: match[1] as TermName,
        first: match[3] ?? '',
        last: match[4] ?? '',
      });
    }
  }
  return changes;
}

/** The option a field's value came from, to name it in an error. */
function optionOf(field: string): string {
  const simple: Record<string, string> = { schoolName: '--name', cutoffHours: '--cut-off-hours', closures: '--closures' };
  const term = TERM_NAMES.find((name) => field.startsWith(name));
  return simple[field] ?? `${field.includes('Half') ? '--half-term' : '--term'} ${term ?? ''}`;
}

function errorLines(errors: CalendarFieldErrors): string[] {
  return Object.entries(errors).map(([field, message]) => `  ${optionOf(field)}: ${message}`);
}

void runWithServices(async (services) => {
  const args = process.argv.slice(2);
  const changes = parseArguments(args);
  if (typeof changes === 'string') {
    process.stderr.write(`${changes}\n${USAGE}\n`);
    return 2;
  }
  const schoolId = schoolOption(args, services.config.defaultSchoolId);
  const firstTerm = changes.terms[0]?.first;
  const year =
    changes.year ??
    (firstTerm && isRealIsoDate(firstTerm) ? academicStartYearOf(firstTerm) : academicStartYearOf(schoolDateOf(services.now())));
  const stored = await services.settings.get(schoolId);
  const nothingGiven =
    changes.name === undefined &&
    changes.cutoffHours === undefined &&
    changes.closures === undefined &&
    changes.terms.length + changes.halfTerms.length === 0;
  if (nothingGiven) {
    process.stdout.write(
      `Settings of school ${schoolId}:\n${describeCalendar(stored.settings, year)
        .map((line) => `  ${line}`)
        .join('\n')}\n`,
    );
    return 0;
  }

  const values = calendarFormValues(stored.settings, year);
  if (changes.name !== undefined) values.schoolName = changes.name;
  if (changes.cutoffHours !== undefined) values.cutoffHours = changes.cutoffHours;
  if (changes.closures !== undefined) values.closures = changes.closures;
  for (const { term, first, last } of changes.terms) Object.assign(values, { [`${term}Start`]: first, [`${term}End`]: last });
  for (const { term, first, last } of changes.halfTerms) Object.assign(values, { [`${term}HalfStart`]: first, [`${term}HalfEnd`]: last });

  const validation = validateCalendar(values, year);
  if (!validation.ok) {
    process.stderr.write(`Nothing was changed:\n${errorLines(validation.errors).join('\n')}\n`);
    return 1;
  }
  const settings = withCalendar(stored.settings, validation.change);
  const lines = describeCalendar(settings, year)
    .map((line) => `  ${line}`)
    .join('\n');
  if (sameSettings(stored.settings, settings)) {
    process.stdout.write(`Nothing to change for school ${schoolId}:\n${lines}\n`);
    return 0;
  }
  try {
    await services.settings.save(schoolId, settings, stored.etag);
  } catch (error) {
    if (!(error instanceof ChangedUnderUsError)) throw error;
    process.stderr.write('Someone saved the settings at the same moment, so nothing was changed. Run the command again.\n');
    return 1;
  }
  await services.audit.record(
    schoolId,
    { actorId: 'cli', action: 'settings.calendar', subject: String(year), at: services.now().toISOString() },
    `cli-settings-${Date.now()}`,
  );
  process.stdout.write(`Saved for school ${schoolId}:\n${lines}\n`);
  return 0;
});

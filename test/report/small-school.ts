// The small-school fixture as SchoolData, and the settings the report tests save with it.
import { computeBenchmarkReport } from '../../src/domain/benchmarks';
import { emptySchoolData, type SchoolData } from '../../src/domain/school';
import { defaultSchoolSettings, type SchoolSettings } from '../../src/domain/school-settings';
import { parseSchoolFiles } from '../../src/schooldata/parse-school-files';
import { readSmallSchool } from '../schooldata/small-school-files';
import { SCHOOL_ID, TestBot } from '../harness/test-bot';

/** The fixture is meant to be read as of this day (its README). */
export const SMALL_SCHOOL_AS_OF = '2026-03-15';

export function smallSchool(): SchoolData {
  const parsed = parseSchoolFiles(readSmallSchool(), emptySchoolData());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { ...emptySchoolData(), ...parsed.data };
}

/** Two Benchmark 1 checks met, two not, so both kinds of row show. */
export const SMALL_SCHOOL_SETTINGS: SchoolSettings = defaultSchoolSettings({
  schoolName: 'Northfield Academy',
  programmeUrl: 'https://www.northfield.sch.uk/careers',
  careersLeader: { name: 'Helen Marsh', email: 'careers.lead@northfield.example' },
  lastEvaluatedDate: '2025-12-10',
});

/** What every report in Waypoint shows: no slots are published until the meetings journey counts them. */
export function expectedReport(data: SchoolData, asOf: string, settings: SchoolSettings) {
  return computeBenchmarkReport(data, asOf, settings, { publishedFreeSlots: 0 });
}

/** A bot on the small school as of its day, with the report tests' settings saved. */
export async function startSmallSchoolBot(school: SchoolData = smallSchool()): Promise<TestBot> {
  const bot = await TestBot.start({ school, now: () => new Date(`${SMALL_SCHOOL_AS_OF}T10:00:00Z`) });
  await bot.waypoint.services.settings.save(SCHOOL_ID, SMALL_SCHOOL_SETTINGS, undefined);
  return bot;
}

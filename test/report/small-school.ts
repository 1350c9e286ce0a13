// The small-school fixture as SchoolData, and the settings the report tests save with it.
import { computeBenchmarkReport } from '../../src/domain/benchmarks';
import { emptySchoolData, type SchoolData } from '../../src/domain/school';
import { defaultSchoolSettings, type SchoolSettings } from '../../src/domain/school-settings';
import { parseSchoolFiles } from '../../src/schooldata/parse-school-files';
import { readSmallSchool } from '../schooldata/small-school-files';

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

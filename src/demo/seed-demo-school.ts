import { emptySchoolData } from '../domain/school';
import { schoolDateOf } from '../domain/school-time';
import { generateDemoSchool } from '../schooldata/demo-school';
import type { Services } from '../services';

/** First run on embedded storage: a fictional school so there is something to try. */
export async function seedDemoSchoolIfEmpty(services: Services, schoolId: string): Promise<boolean> {
  if (!(await services.school.isEmpty(schoolId))) return false;
  const data = generateDemoSchool({ asOf: schoolDateOf(services.now()) });
  const counts = await services.school.import(schoolId, data, emptySchoolData());
  services.log.info('demo.seeded', { schoolId, people: counts.people?.added ?? 0, attendance: counts.attendance?.added ?? 0 });
  return true;
}

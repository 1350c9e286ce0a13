import type { Destination, Person } from '../../domain/school';
import type { Services } from '../../services';
import { rosterPupils } from '../record/record-store';

/** What the leavers list is built from: the school's pupils (leavers included) and every recorded destination. */
export async function leaversData(services: Services, schoolId: string): Promise<{ people: Person[]; destinations: Destination[] }> {
  const [people, destinations] = await Promise.all([
    rosterPupils(services, schoolId),
    services.school.collections.destinations.list(schoolId),
  ]);
  return { people, destinations };
}

import { odata } from '@azure/data-tables';
import type { Services } from '../../services';
import { encodeKey } from '../../storage/keys';
import { tryGet } from '../../storage/not-found';

// Kept beside each school's settings: who said "stop" to Waypoint's nudges.
const rowKey = (personId: string) => `nudge-opt-out|${encodeKey(personId)}`;

export async function optOutOfNudges(services: Services, schoolId: string, personId: string, at: string): Promise<void> {
  await services.storage.table('settings', schoolId).upsertEntity({ partitionKey: schoolId, rowKey: rowKey(personId), at }, 'Replace');
}

export async function hasOptedOut(services: Services, schoolId: string, personId: string): Promise<boolean> {
  return (await tryGet(services.storage.table('settings', schoolId), schoolId, rowKey(personId))) !== undefined;
}

/** Schools that have saved settings (the nudges are off until a school turns them on). */
export function schoolsWithSettings(services: Services): Promise<string[]> {
  return services.storage.schoolsHolding('settings', (schoolId) => odata`PartitionKey eq ${schoolId} and RowKey eq ${'school'}`);
}

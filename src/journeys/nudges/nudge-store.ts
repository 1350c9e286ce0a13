import { odata } from '@azure/data-tables';
import type { Services } from '../../services';
import { decodeKey, encodeKey } from '../../storage/keys';
import { tryGet } from '../../storage/not-found';

// Kept beside each school's settings: who said "stop" to Waypoint's nudges.
const OPT_OUT = 'nudge-opt-out|';
const rowKey = (personId: string) => `${OPT_OUT}${encodeKey(personId)}`;

export async function optOutOfNudges(services: Services, schoolId: string, personId: string, at: string): Promise<void> {
  await services.storage.table('settings', schoolId).upsertEntity({ partitionKey: schoolId, rowKey: rowKey(personId), at }, 'Replace');
}

export async function hasOptedOut(services: Services, schoolId: string, personId: string): Promise<boolean> {
  return (await tryGet(services.storage.table('settings', schoolId), schoolId, rowKey(personId))) !== undefined;
}

/** Everyone at the school who said "stop", in one read (for work over many people at once). */
export async function peopleOptedOut(services: Services, schoolId: string): Promise<Set<string>> {
  const rows = await services.storage.listAll(
    services.storage.table('settings', schoolId),
    schoolId,
    odata`RowKey ge ${OPT_OUT} and RowKey lt ${'nudge-opt-out}'}`,
    ['RowKey'],
  );
  return new Set(rows.map((row) => decodeKey(row.rowKey!.slice(OPT_OUT.length))));
}

/** Schools that have saved settings (the nudges are off until a school turns them on). */
export function schoolsWithSettings(services: Services): Promise<string[]> {
  return services.storage.schoolsHolding('settings', (schoolId) => odata`PartitionKey eq ${schoolId} and RowKey eq ${'school'}`);
}

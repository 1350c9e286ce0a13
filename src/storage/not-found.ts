import type { GetTableEntityOptions, GetTableEntityResponse, TableClient, TableEntityResult } from '@azure/data-tables';
import { isNotFound } from './errors';

/** Reads one entity: undefined when there is none (404); any other failure is thrown. */
export async function tryGet<T extends object = Record<string, unknown>>(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
  options?: GetTableEntityOptions,
): Promise<GetTableEntityResponse<TableEntityResult<T>> | undefined> {
  try {
    return await table.getEntity<T>(partitionKey, rowKey, options);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Deletes one entity; one already gone (404) counts as deleted, so a repeated delete is harmless. */
export async function deleteIfPresent(table: TableClient, partitionKey: string, rowKey: string): Promise<void> {
  try {
    await table.deleteEntity(partitionKey, rowKey);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

import type { TableClient } from '@azure/data-tables';
import type { TableName, TableStorage } from '../../src/storage/table-storage';

/** How the armed write fails: refused before storage sees it, or applied and then its reply lost. */
export type FaultMode = 'refused' | 'applied-then-failed';

const WRITE_METHODS = new Set(['createEntity', 'updateEntity', 'upsertEntity', 'deleteEntity', 'submitTransaction']);

/**
 * Wraps a running bot's real storage (Azurite) so that tests can make one write fail: every
 * create, update, upsert, delete and transaction is counted, and the armed Nth one fails as storage
 * failing would (a 503), either before it is applied or after. Reads are never touched.
 */
export class WriteFaults {
  /** Writes counted since the last arm() or count(). */
  writes = 0;
  private failAt: number | undefined;
  private mode: FaultMode = 'refused';
  /** What the counted writes were, e.g. "updateEntity meetings", for failure messages. */
  readonly log: string[] = [];

  constructor(storage: TableStorage) {
    const table = storage.table.bind(storage) as (name: TableName, schoolId?: string) => TableClient;
    const wrapped = new Map<string, TableClient>();
    const wrapping = (name: TableName, schoolId?: string) => {
      const key = `${name}|${schoolId ?? ''}`;
      let client = wrapped.get(key);
      if (!client) {
        client = this.wrap(table(name, schoolId), name);
        wrapped.set(key, client);
      }
      return client;
    };
    storage.table = wrapping as TableStorage['table'];
  }

  /** Counts writes from now on without failing any. */
  count(): void {
    this.writes = 0;
    this.log.length = 0;
    this.failAt = undefined;
  }

  /** Fails nothing more, keeping the count. */
  disarm(): void {
    this.failAt = undefined;
  }

  /** Makes the `nth` write from now on fail (1-based). */
  arm(nth: number, mode: FaultMode): void {
    this.count();
    this.failAt = nth;
    this.mode = mode;
  }

  private wrap(client: TableClient, name: TableName): TableClient {
    return new Proxy(client, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver);
        if (typeof property !== 'string' || !WRITE_METHODS.has(property) || typeof value !== 'function')
          return typeof value === 'function' ? value.bind(target) : value;
        return async (...args: unknown[]) => {
          this.writes++;
          this.log.push(`${property} ${name}`);
          if (this.writes !== this.failAt) return value.apply(target, args);
          if (this.mode === 'applied-then-failed') await value.apply(target, args);
          throw Object.assign(new Error(`injected storage fault on write ${this.writes} (${property} ${name})`), { statusCode: 503 });
        };
      },
    });
  }
}

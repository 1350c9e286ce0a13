import { odata } from '@azure/data-tables';
import { z } from 'zod/v4';
import type { ErasedPeople } from './erased-people';
import { ExpiringCache, type ExpiringCacheOptions } from './expiring-cache';
import { decodeKey, encodeKey } from './keys';
import { deleteIfPresent, tryGet } from './not-found';
import type { TableStorage } from './table-storage';

export interface TeamsIdentity {
  tenantId: string;
  aadObjectId: string;
}

export interface RosterLink {
  schoolId: string;
  personId: string;
  /**
   * The sign-in name (UPN) the link was made from. Each turn checks it against the roster, so the
   * link follows a corrected email, a leaver or a move to another school.
   */
  signIn?: string;
  /** The personal chat with the bot last seen, so proactive messages can reach it. */
  personalConversationId?: string;
}

const rosterLinkSchema = z.object({
  schoolId: z.string(),
  personId: z.string(),
  signIn: z.string().optional(),
  personalConversationId: z.string().optional(),
});

/** Remembers which roster person a Teams user is, and their sign-in name, so the roster API is asked only once. */
export class IdentityStore {
  // Every turn starts here; the sign-in name behind a Teams user rarely changes.
  private readonly known: ExpiringCache<RosterLink | undefined>;

  constructor(
    private readonly storage: TableStorage,
    cache: ExpiringCacheOptions,
    private readonly erased: ErasedPeople,
  ) {
    this.known = new ExpiringCache(cache);
  }

  find(identity: TeamsIdentity): Promise<RosterLink | undefined> {
    return this.known.get(cacheKey(identity), () => this.read(identity));
  }

  private async read(identity: TeamsIdentity): Promise<RosterLink | undefined> {
    const entity = await tryGet(this.storage.table('identities'), encodeKey(identity.tenantId), encodeKey(identity.aadObjectId));
    return entity && rosterLinkSchema.parse(entity);
  }

  /** Links the Teams user to the person; never to an erased person (false), whatever this instance still has cached. */
  async remember(identity: TeamsIdentity, link: RosterLink): Promise<boolean> {
    const write = async () => {
      await this.storage
        .table('identities')
        .upsertEntity(
          { partitionKey: encodeKey(identity.tenantId), rowKey: encodeKey(identity.aadObjectId), ...withoutUndefined(link) },
          'Replace',
        );
    };
    const written = await this.erased.unlessErased(link.schoolId, link.personId, write, () => this.forget(identity));
    if (written) this.known.set(cacheKey(identity), link);
    else this.known.delete(cacheKey(identity));
    return written;
  }

  /** Unbinds every Teams user linked to these people of the school (they left): one scan of the school's links. */
  async forgetPeople(schoolId: string, personIds: ReadonlySet<string>): Promise<void> {
    const linked: TeamsIdentity[] = [];
    const query = this.storage
      .table('identities')
      .listEntities({ queryOptions: { filter: odata`schoolId eq ${schoolId}`, select: ['PartitionKey', 'RowKey', 'personId'] } });
    for await (const entity of query) {
      if (personIds.has(String(entity['personId'])))
        linked.push({ tenantId: decodeKey(entity.partitionKey!), aadObjectId: decodeKey(entity.rowKey!) });
    }
    await Promise.all(linked.map((identity) => this.forget(identity)));
  }

  async forget(identity: TeamsIdentity): Promise<void> {
    await deleteIfPresent(this.storage.table('identities'), encodeKey(identity.tenantId), encodeKey(identity.aadObjectId));
    this.known.delete(cacheKey(identity));
  }
}

function cacheKey(identity: TeamsIdentity): string {
  return `${identity.tenantId}/${identity.aadObjectId}`;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

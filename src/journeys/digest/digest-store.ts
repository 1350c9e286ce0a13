import { odata } from '@azure/data-tables';
import type { ConversationReference } from 'botbuilder';
import { z } from 'zod/v4';
import type { DigestSnapshot } from '../../domain/digest/compose-digest';
import type { ConversationStore } from '../../storage/conversation-store';
import { isAlreadyExists } from '../../storage/errors';
import { encodeKey } from '../../storage/keys';
import { deleteIfPresent, tryGet } from '../../storage/not-found';
import type { TableStorage } from '../../storage/table-storage';

/** The conversation key under which a school's digest channel is kept (see ConversationStore). */
export const DIGEST_CHANNEL_KEY = 'digest-channel';
const REGISTRATION_ROW = 'digest';

export interface DigestRegistration {
  schoolId: string;
  teamId: string;
  channelId: string;
  registeredBy: string;
  registeredAt: string;
}

const registrationSchema = z.object({ teamId: z.string(), channelId: z.string(), registeredBy: z.string(), registeredAt: z.string() });
const snapshotSchema = z.object({
  asOf: z.string(),
  rows: z.string().transform((text) => JSON.parse(text) as DigestSnapshot['rows']),
  postedAt: z.string(),
});

export interface StoredDigest extends DigestSnapshot {
  weekOf: string;
  postedAt: string;
}

/** Where each school's digest goes, and every digest posted (so next week can show the change). Built once, in services.ts. */
export class DigestStore {
  constructor(
    private readonly storage: TableStorage,
    private readonly conversations: ConversationStore,
  ) {}

  async register(registration: DigestRegistration, reference: Partial<ConversationReference>): Promise<void> {
    await this.conversations.save(registration.schoolId, DIGEST_CHANNEL_KEY, reference);
    const { schoolId, ...fields } = registration;
    await this.storage.table('channels').upsertEntity({ partitionKey: schoolId, rowKey: REGISTRATION_ROW, ...fields }, 'Replace');
  }

  async registration(schoolId: string): Promise<DigestRegistration | undefined> {
    const entity = await tryGet(this.storage.table('channels'), schoolId, REGISTRATION_ROW);
    return entity && { schoolId, ...registrationSchema.parse(entity) };
  }

  async unregister(schoolId: string): Promise<void> {
    await this.conversations.remove(schoolId, DIGEST_CHANNEL_KEY);
    await deleteIfPresent(this.storage.table('channels'), schoolId, REGISTRATION_ROW);
  }

  /** Every school with a digest channel. */
  async allRegistrations(): Promise<DigestRegistration[]> {
    const registrations: DigestRegistration[] = [];
    const query = this.storage
      .table('channels')
      .listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`RowKey eq ${REGISTRATION_ROW}` } });
    for await (const entity of query) registrations.push({ schoolId: entity.partitionKey!, ...registrationSchema.parse(entity) });
    return registrations;
  }

  /** Registrations in a team, whichever school made them (used when the bot leaves the team). */
  async registrationsInTeam(teamId: string): Promise<DigestRegistration[]> {
    return (await this.allRegistrations()).filter((registration) => registration.teamId === teamId);
  }

  /**
   * Records the digest for a school-week. Only the first writer wins (409), so with several bot
   * instances on one storage account exactly one digest exists per week: the one to post.
   */
  async recordWeek(schoolId: string, weekOf: string, snapshot: DigestSnapshot, postedAt: string): Promise<StoredDigest> {
    try {
      await this.storage.table('digests', schoolId).createEntity({
        partitionKey: schoolId,
        rowKey: encodeKey(weekOf),
        asOf: snapshot.asOf,
        rows: JSON.stringify(snapshot.rows),
        postedAt,
      });
      return { ...snapshot, weekOf, postedAt };
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      return (await this.week(schoolId, weekOf))!;
    }
  }

  async week(schoolId: string, weekOf: string): Promise<StoredDigest | undefined> {
    const entity = await tryGet(this.storage.table('digests', schoolId), schoolId, encodeKey(weekOf));
    return entity && { weekOf, ...snapshotSchema.parse(entity) };
  }

  /** The most recent digest posted before the given week. */
  async latestBefore(schoolId: string, weekOf: string): Promise<StoredDigest | undefined> {
    let latest: StoredDigest | undefined;
    const query = this.storage.table('digests', schoolId).listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${schoolId} and RowKey lt ${encodeKey(weekOf)}` },
    });
    for await (const entity of query) {
      const stored = { weekOf: entity.rowKey!, ...snapshotSchema.parse(entity) };
      if (!latest || stored.weekOf > latest.weekOf) latest = stored;
    }
    return latest;
  }
}

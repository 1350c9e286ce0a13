import type { ConversationReference } from 'botbuilder';
import { z } from 'zod/v4';
import { isNotFound } from './errors';
import { encodeKey } from './keys';
import type { TableStorage } from './table-storage';

const storedReference = z.object({ reference: z.string().transform((text) => JSON.parse(text) as Partial<ConversationReference>) });

/**
 * Where the bot can reach someone or somewhere proactively: a person's personal chat
 * (key `person:<id>`) or a registered channel (key chosen by its owner), per school.
 */
export class ConversationStore {
  constructor(private readonly storage: TableStorage) {}

  async save(schoolId: string, key: string, reference: Partial<ConversationReference>): Promise<void> {
    await this.storage
      .table('conversations', schoolId)
      .upsertEntity({ partitionKey: schoolId, rowKey: encodeKey(key), reference: JSON.stringify(reference) }, 'Replace');
  }

  async find(schoolId: string, key: string): Promise<Partial<ConversationReference> | undefined> {
    try {
      return storedReference.parse(await this.storage.table('conversations', schoolId).getEntity(schoolId, encodeKey(key))).reference;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async remove(schoolId: string, key: string): Promise<void> {
    await this.storage
      .table('conversations', schoolId)
      .deleteEntity(schoolId, encodeKey(key))
      .catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
  }
}

export function personalChatKey(personId: string): string {
  return `person:${personId}`;
}

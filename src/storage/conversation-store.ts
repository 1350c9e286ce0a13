import type { ConversationReference } from 'botbuilder';
import { z } from 'zod/v4';
import type { ErasedPeople } from './erased-people';
import { encodeKey } from './keys';
import { deleteIfPresent, tryGet } from './not-found';
import type { TableStorage } from './table-storage';

const storedReference = z.object({ reference: z.string().transform((text) => JSON.parse(text) as Partial<ConversationReference>) });

/**
 * Where the bot can reach someone or somewhere proactively: a person's personal chat
 * (key `person:<id>`) or a registered channel (key chosen by its owner), per school.
 */
export class ConversationStore {
  constructor(
    private readonly storage: TableStorage,
    private readonly erased: ErasedPeople,
  ) {}

  /** Saves where to reach them; an erased person's personal chat is never saved (false). */
  async save(schoolId: string, key: string, reference: Partial<ConversationReference>): Promise<boolean> {
    const write = () =>
      this.storage
        .table('conversations', schoolId)
        .upsertEntity({ partitionKey: schoolId, rowKey: encodeKey(key), reference: JSON.stringify(reference) }, 'Replace')
        .then(() => undefined);
    const personId = personOfChatKey(key);
    if (personId === undefined) return write().then(() => true);
    return this.erased.unlessErased(schoolId, personId, write, () => this.remove(schoolId, key));
  }

  async find(schoolId: string, key: string): Promise<Partial<ConversationReference> | undefined> {
    const entity = await tryGet(this.storage.table('conversations', schoolId), schoolId, encodeKey(key));
    return entity && storedReference.parse(entity).reference;
  }

  async remove(schoolId: string, key: string): Promise<void> {
    await deleteIfPresent(this.storage.table('conversations', schoolId), schoolId, encodeKey(key));
  }
}

const PERSONAL_CHAT = 'person:';

export function personalChatKey(personId: string): string {
  return `${PERSONAL_CHAT}${personId}`;
}

function personOfChatKey(key: string): string | undefined {
  return key.startsWith(PERSONAL_CHAT) ? key.slice(PERSONAL_CHAT.length) : undefined;
}

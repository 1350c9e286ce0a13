import { fullName, type Person } from '../../src/domain/school';
import { TABLE_NAMES } from '../../src/storage/table-storage';
import type { TestBot } from '../harness/test-bot';

/** Every entity in every table, with the tables named, as text to search. */
async function everyEntity(bot: TestBot): Promise<Array<{ table: string; text: string }>> {
  const found: Array<{ table: string; text: string }> = [];
  for (const table of TABLE_NAMES) {
    for (const client of await bot.waypoint.services.storage.everyTable(table)) {
      for await (const entity of client.listEntities()) {
        const { etag: _etag, timestamp: _timestamp, ...fields } = entity as Record<string, unknown>;
        found.push({ table, text: JSON.stringify(fields) });
      }
    }
  }
  return found;
}

/** Entities still holding the person's id (as a whole token), name or email. */
export async function traces(bot: TestBot, someone: Person): Promise<string[]> {
  const idToken = new RegExp(`(?<![A-Za-z0-9_-])${someone.id}(?![A-Za-z0-9_-])`);
  const words = [someone.email.toLowerCase(), fullName(someone).toLowerCase(), someone.familyName.toLowerCase()];
  return (await everyEntity(bot))
    .filter(({ text }) => idToken.test(text) || words.some((word) => text.toLowerCase().includes(word)))
    .map(({ table, text }) => `${table}: ${text.slice(0, 160)}`);
}

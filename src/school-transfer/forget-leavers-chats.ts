import { onRollOn, type IsoDate, type Person } from '../domain/school';
import type { Services } from '../services';
import { personalChatKey } from '../storage/conversation-store';

/** Who the import takes off roll: on roll (or new) before, left on or before today after. */
export function newlyLeft(imported: readonly Person[], before: readonly Person[], today: IsoDate): Person[] {
  const stored = new Map(before.map((person) => [person.id, person]));
  return imported.filter(
    (person) => !onRollOn(person, today) && (stored.get(person.id) === undefined || onRollOn(stored.get(person.id)!, today)),
  );
}

/**
 * A leaver can no longer use the bot, and nothing more reaches them: their personal chat and the
 * Teams identity bound to them are forgotten (a re-admitted person is linked afresh when they next
 * message the bot). Messages already queued for them then find no chat and are given up.
 */
export async function forgetLeaversChats(services: Services, schoolId: string, leavers: readonly Person[]): Promise<void> {
  if (leavers.length === 0) return;
  const ids = new Set(leavers.map((person) => person.id));
  await services.identities.forgetPeople(schoolId, ids);
  await Promise.all([...ids].map((id) => services.conversations.remove(schoolId, personalChatKey(id))));
}

import { buttonOn, press, type TestBot } from '../harness/test-bot';
import type { TeamsUser } from '../harness/fake-teams-connector';

/** Every input on a card with the value it shows: what Teams sends with an Action.Execute. */
export function inputValues(card: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Input.') && typeof record.id === 'string') {
      values[record.id] = record.type === 'Input.Toggle' ? (record.value ?? 'false') : (record.value ?? '');
    }
    Object.values(record).forEach(walk);
  };
  walk(card);
  return values;
}

/** Presses a button as Teams does: the card's inputs as shown, changed by `changes`, plus the button's data. */
export function submit(bot: TestBot, user: TeamsUser, card: unknown, title: string, changes: Record<string, unknown> = {}, activityOverrides: Record<string, unknown> = {}) {
  buttonOn(card, title);
  return press(bot, user, card, title, { ...inputValues(card), ...changes }, activityOverrides);
}

/** The toggles on a card, by their titles, with whether each is ticked. */
export function togglesOn(card: unknown): Array<{ id: string; title: string; on: boolean }> {
  const toggles: Array<{ id: string; title: string; on: boolean }> = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, unknown>;
    if (record.type === 'Input.Toggle') toggles.push({ id: record.id as string, title: record.title as string, on: record.value === 'true' });
    Object.values(record).forEach(walk);
  };
  walk(card);
  return toggles;
}

/** The toggles on a card, by their titles, with whether each is ticked. */
export function togglesOn(card: unknown): Array<{ id: string; title: string; on: boolean }> {
  const toggles: Array<{ id: string; title: string; on: boolean }> = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, unknown>;
    if (record.type === 'Input.Toggle')
      toggles.push({ id: record.id as string, title: record.title as string, on: record.value === 'true' });
    Object.values(record).forEach(walk);
  };
  walk(card);
  return toggles;
}

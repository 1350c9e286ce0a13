import { odata, type TransactionAction } from '@azure/data-tables';
import { encodeKey } from '../../src/storage/keys';
import type { Measurement } from '../bench-context';
import { formatDuration } from '../printer';
import { medianMs, timed } from '../timing';

const SENT_ENTRIES = 200_000;
const WRITE_CHUNK = 10_000;
const POLL_LIMIT = 50;

/**
 * The sender's poll ("what is due") every few seconds, against an empty outbox and then against
 * 200,000 sent messages: it reads the pending index only, so history must not slow it.
 */
export const outboxPoll: Measurement = {
  name: 'outbox-poll',
  async run({ services }) {
    const { outbox, storage } = services;
    const emptyMs = await medianMs(15, () => outbox.due(POLL_LIMIT));

    const sentAt = new Date(services.now().getTime() - 86_400_000).toISOString();
    for (let start = 0; start < SENT_ENTRIES; start += WRITE_CHUNK) {
      const actions: TransactionAction[] = [];
      for (let n = start; n < Math.min(start + WRITE_CHUNK, SENT_ENTRIES); n++) {
        const key = `digest-history:${n}`;
        // Twenty schools' worth of history, as a trust's deployment would hold.
        const schoolId = `history-${n % 20}`;
        actions.push([
          'create',
          {
            partitionKey: schoolId,
            rowKey: encodeKey(key),
            message: JSON.stringify({ schoolId, key, to: { kind: 'person', personId: `P${n}` }, text: 'Sent' }),
            status: 'sent',
            attempts: 1,
            dueAt: sentAt,
            sentAt,
          },
        ]);
      }
      const schools = [...new Set(actions.map((action) => action[1].partitionKey))];
      await Promise.all(
        schools.map((schoolId) =>
          storage.submitInBatches(
            storage.table('outbox', schoolId),
            actions.filter((action) => action[1].partitionKey === schoolId),
          ),
        ),
      );
    }
    const historyMs = await medianMs(15, () => outbox.due(POLL_LIMIT));
    // What the poll cost before the index: a filter on status over every entry.
    const { ms: scanMs } = await timed(async () => {
      for (const table of await storage.everyTable('outbox')) {
        for await (const _ of table.listEntities({
          queryOptions: { filter: odata`status eq ${'pending'} and dueAt le ${new Date().toISOString()}` },
        }))
          void _;
      }
    });
    const ratio = historyMs / emptyMs;
    return {
      name: `outbox poll, ${SENT_ENTRIES.toLocaleString('en-GB')} sent entries`,
      ms: historyMs,
      targets: [{ label: '< 2x empty outbox', ratio: ratio / 2 }],
      note:
        `empty outbox ${formatDuration(emptyMs)}, ratio ${ratio.toFixed(2)}x; a status scan over the history ` +
        `takes ${formatDuration(scanMs)}`,
    };
  },
};

import { describeError } from '../../observability/log';
import type { Services } from '../../services';
import { encodeKey } from '../../storage/keys';
import { askForFeedback } from '../feedback/feedback-store';
import { claimFanOut, dueFanOuts, finishFanOut, releaseFanOut, type FanOutRecord } from './attendance-fan-out-store';
import { clearFanOutMarks, rowsAwaitingFanOut } from './attendance-store';

// The work per pupil after attendance is saved (today: each newly attending pupil's feedback ask),
// off the turn: a save queues one record per activity (attendance-fan-out-store.ts) and marks its
// new rows; this job, every few seconds on every instance, claims each due record, asks the marked
// pupils and then takes their marks off. Interrupted half-way, it runs again once the claim lapses
// and asks nobody twice: each ask is keyed by pupil and week in the outbox.

/** How often each instance looks for queued fan-outs: a save's pupils are asked well within a minute. */
export const FAN_OUT_EVERY_MS = 10_000;
/** Longer than a whole school's run takes; after a crash another instance takes over once it lapses. */
const CLAIM_MS = 5 * 60_000;
const RETRY_MS = 60_000;
const RECORDS_PER_RUN = 20;

export interface FanOutRun {
  activities: number;
  asked: number;
}

/** Runs every due fan-out once; one activity's failure is logged and handed back, and the others go on. */
export async function runAttendanceFanOut(services: Services): Promise<FanOutRun> {
  const run: FanOutRun = { activities: 0, asked: 0 };
  for (const due of await dueFanOuts(services, RECORDS_PER_RUN)) {
    const claimed = await claimFanOut(services, due, CLAIM_MS);
    if (!claimed) continue;
    try {
      run.asked += await fanOut(services, claimed);
      await finishFanOut(services, claimed);
      run.activities++;
    } catch (error) {
      services.log.error('fan_out.failed', { schoolId: claimed.schoolId, activityId: claimed.activityId, ...describeError(error) });
      await releaseFanOut(services, claimed, RETRY_MS).catch(() => undefined);
    }
  }
  return run;
}

async function fanOut(services: Services, record: FanOutRecord): Promise<number> {
  const { schoolId, activityId } = record;
  const rows = await rowsAwaitingFanOut(services, schoolId, activityId);
  if (rows.length === 0) return 0;
  const activity = (await services.school.collections.activities.get(schoolId, encodeKey(activityId)))?.item;
  let asked = 0;
  if (activity) {
    // Each save's pupils are asked as of the day it was saved (its week, who was on roll then).
    for (const savedOn of new Set(rows.map((row) => row.savedOn))) {
      const pupilIds = rows.filter((row) => row.savedOn === savedOn).map((row) => row.pupilId);
      asked += await askForFeedback(services, schoolId, activity, pupilIds, savedOn);
    }
  }
  await clearFanOutMarks(services, schoolId, activityId, rows);
  return asked;
}

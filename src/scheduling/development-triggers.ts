import type restify from 'restify';
import { z } from 'zod/v4';
import { readJsonBody } from '../http/read-json-body';
import type { ScheduledJobs } from './scheduled-jobs';

const triggerBody = z.object({ at: z.iso.datetime({ offset: true }) });

/**
 * Development only: run a scheduled job as if the clock said `at`, e.g. Monday 08:00, to see the
 * digest arrive in the Playground's channel now. No token guards it, so it is registered only on a
 * bot without Bot Framework credentials, which listens on loopback (see listeningHost).
 */
export function registerDevelopmentTriggers(server: restify.Server, jobs: ScheduledJobs): void {
  server.post('/dev/jobs/weekly-digest', async (req, res) => {
    const read = await readJsonBody(req);
    const body = triggerBody.safeParse(read.ok ? read.value : undefined);
    if (!body.success) {
      res.send(400, { error: 'Send {"at": "2026-11-23T08:00:00Z"} (an ISO date and time).' });
      return;
    }
    res.send(200, { runs: await jobs.runWeeklyDigest(new Date(body.data.at)) });
  });
}

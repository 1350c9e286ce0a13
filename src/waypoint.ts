import type { AddressInfo } from 'node:net';
import type { TokenCredential } from '@azure/identity';
import { listeningHost, type Config } from './config';
import { createAdapter } from './bot/adapter';
import { createBotApplication } from './bot/application';
import { JOURNEYS } from './journeys';
import { teamHasPupilsFromJob } from './journeys/digest/team-pupils';
import type { TeamCheck } from './journeys/digest/weekly-digest-job';
import { seedDemoSchoolIfEmpty } from './demo/seed-demo-school';
import { topUpDemoSlots } from './demo/demo-slots';
import { topUpDemoTasks } from './demo/demo-tasks';
import { createLogger, type Logger } from './observability/log';
import { OutboxSender } from './outbox/outbox-sender';
import { graphCredential } from './calendar/graph-credential';
import { GraphCalendar } from './calendar/graph-calendar';
import { CalendarSync } from './journeys/meetings/calendar-sync';
import { registerDevelopmentTriggers } from './scheduling/development-triggers';
import { startScheduledJobs, type ScheduledJobs } from './scheduling/scheduled-jobs';
import { createServer } from './server';
import { openServices, type Services } from './services';

export interface RunningWaypoint {
  url: string;
  port: number;
  /** True when no Bot Framework credentials are set, so only this machine can reach the bot. */
  loopbackOnly: boolean;
  services: Services;
  /** Delivers queued proactive messages; tests flush it directly. */
  outboxSender: OutboxSender;
  /** Writes meetings to advisers' calendars; only with WAYPOINT_CALENDAR=graph. Tests flush it directly. */
  calendarSync?: CalendarSync;
  jobs: ScheduledJobs;
  close(): Promise<void>;
}

export interface StartOptions {
  log?: Logger;
  now?: () => Date;
  /** Milliseconds for the roster caches' freshness (tests move it rather than wait). */
  cacheClock?: () => number;
  /** Background sending and scheduled jobs (off in tests, which drive them directly). */
  backgroundJobs?: boolean;
  /** Who signs in to Microsoft Graph; by default the bot's own identity (see graph-credential.ts). */
  graphCredential?: TokenCredential;
  /** The Agents Playground's launcher only: hold messages for people it is not signed in as (see OutboxSender). */
  holdForAbsent?: boolean;
}

/** Storage, demo data on first run, the bot and its HTTP server: what `npm start` runs. */
export async function startWaypoint(config: Config, options: StartOptions = {}): Promise<RunningWaypoint> {
  const log = options.log ?? createLogger(config.logLevel);
  const opened = await openServices(config, log, options.now, options.cacheClock);
  try {
    if (opened.embedded && config.demoData === 'auto') {
      await seedDemoSchoolIfEmpty(opened.services, config.defaultSchoolId);
      // Every start, so the demo always has times to book in the coming weeks, and each role a job waiting.
      await topUpDemoSlots(opened.services, config.defaultSchoolId);
      await topUpDemoTasks(opened.services, config.defaultSchoolId);
    }
    const adapter = createAdapter(config, log);
    const app = createBotApplication(adapter, opened.services, JOURNEYS);
    const server = createServer(adapter, app, opened.services);
    const outboxSender = new OutboxSender(
      opened.services.outbox,
      opened.services.conversations,
      adapter,
      config.bot.appId ?? '',
      log,
      opened.services.now,
      undefined,
      config.outboxClaimSeconds * 1000,
      options.holdForAbsent ?? false,
    );
    const { calendar } = opened.services;
    const calendarSync = calendar
      ? new CalendarSync(
          opened.services,
          calendar,
          new GraphCalendar(config.calendar.graphUrl, options.graphCredential ?? (await graphCredential(config))),
          config.outboxClaimSeconds * 1000,
        )
      : undefined;
    const teamHasPupils: TeamCheck = (registration, channel) =>
      teamHasPupilsFromJob(adapter, config.bot.appId ?? '', channel, opened.services, registration.schoolId, registration.teamId);
    const jobs = startScheduledJobs(opened.services, outboxSender, {
      background: options.backgroundJobs ?? true,
      teamHasPupils,
      ...(calendarSync ? { calendarSync } : {}),
    });
    const { host: bindHost, loopbackOnly } = listeningHost(config);
    // Unauthenticated by design, so only where nothing else is: on loopback, without credentials.
    if (loopbackOnly) registerDevelopmentTriggers(server, jobs);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, bindHost, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const host = bindHost === '0.0.0.0' ? '127.0.0.1' : bindHost;
    log.info('server.listening', { host: bindHost, port, authenticated: !loopbackOnly });
    if (loopbackOnly) log.warn('server.loopback_only', { reason: 'no Bot Framework credentials (BOT_ID)', host: bindHost });
    return {
      url: `http://${host}:${port}`,
      port,
      loopbackOnly,
      services: opened.services,
      outboxSender,
      ...(calendarSync ? { calendarSync } : {}),
      jobs,
      close: async () => {
        await jobs.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await opened.close();
      },
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
}

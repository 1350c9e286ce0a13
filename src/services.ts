import type { Config } from './config';
import { DigestStore } from './journeys/digest/digest-store';
import { openMeetingTables, type MeetingTables } from './journeys/meetings/meeting-codecs';
import { pupilFeedbackCodec } from './journeys/feedback/feedback-store';
import type { PupilFeedback } from './domain/pupil-feedback';
import { SchoolCollection } from './storage/school-collection';
import type { Logger } from './observability/log';
import { CalendarQueue } from './calendar/calendar-queue';
import { Outbox } from './outbox/outbox';
import { AuditLog } from './storage/audit-log';
import { rosterCache } from './storage/expiring-cache';
import { ConversationStore } from './storage/conversation-store';
import { ErasedPeople } from './storage/erased-people';
import { startPersistentAzurite, type EmbeddedStorage } from './storage/embedded-azurite';
import { IdentityStore } from './storage/identity-store';
import { SchoolDataStore } from './storage/school-data-store';
import { SettingsStore } from './storage/settings-store';
import { moveSharedTablesToSchools } from './storage/shared-tables-upgrade';
import { TableStorage, type TableEndpoint } from './storage/table-storage';

/** Everything a journey may use: adapters around storage, plus the clock so tests can move time. */
export interface Services {
  config: Config;
  log: Logger;
  storage: TableStorage;
  school: SchoolDataStore;
  identities: IdentityStore;
  conversations: ConversationStore;
  /** Tombstones of erased people: their identity and chat are never written again until re-imported. */
  erasedPeople: ErasedPeople;
  audit: AuditLog;
  settings: SettingsStore;
  /** The journeys' own stores, built here once so every caller shares them. */
  digests: DigestStore;
  meetingTables: MeetingTables;
  pupilFeedback: SchoolCollection<PupilFeedback>;
  /** Proactive messages: enqueue here; a background sender delivers them within Teams' limits. */
  outbox: Outbox;
  /** Meetings' events in advisers' calendars, to sync; only when the school turned calendars on (WAYPOINT_CALENDAR=graph). */
  calendar?: CalendarQueue;
  now(): Date;
}

export interface OpenedServices {
  services: Services;
  /** True when storage is the embedded Azurite (no connection string configured). */
  embedded: boolean;
  close(): Promise<void>;
}

/** `cacheClock` times the roster caches (ExpiringCache's own clock unless a test moves it). */
export async function openServices(
  config: Config,
  log: Logger,
  now: () => Date = () => new Date(),
  cacheClock?: () => number,
): Promise<OpenedServices> {
  let embedded: EmbeddedStorage | undefined;
  let endpoint: TableEndpoint;
  if (config.storage.connectionString !== undefined) endpoint = { connectionString: config.storage.connectionString };
  else if (config.storage.accountUrl !== undefined) {
    // Managed identity in Azure (AZURE_CLIENT_ID picks a user-assigned one); developer sign-in locally.
    // Loaded only here: a connection string or embedded storage never needs its ~20 MB.
    const { DefaultAzureCredential } = await import('@azure/identity');
    endpoint = { accountUrl: config.storage.accountUrl, credential: new DefaultAzureCredential() };
  } else {
    embedded = await startPersistentAzurite(config.storage.dataDir);
    endpoint = { connectionString: embedded.connectionString };
    log.info('storage.embedded', { attached: !embedded.owned });
  }
  const storage = new TableStorage(endpoint, config.storage.tablePrefix);
  await storage.createTables();
  await moveSharedTablesToSchools(storage, log);
  const erasedPeople = new ErasedPeople(storage);
  const conversations = new ConversationStore(storage, erasedPeople);
  const services: Services = {
    config,
    log,
    storage,
    school: new SchoolDataStore(storage, rosterCache(config.rosterCacheSeconds, cacheClock), erasedPeople),
    identities: new IdentityStore(storage, rosterCache(config.rosterCacheSeconds, cacheClock), erasedPeople),
    conversations,
    erasedPeople,
    audit: new AuditLog(storage),
    settings: new SettingsStore(storage),
    digests: new DigestStore(storage, conversations),
    meetingTables: openMeetingTables(storage),
    pupilFeedback: new SchoolCollection(storage, pupilFeedbackCodec),
    outbox: new Outbox(storage, now),
    ...(config.calendar.mode === 'graph' ? { calendar: new CalendarQueue(storage, now) } : {}),
    now,
  };
  return { services, embedded: embedded !== undefined, close: async () => embedded?.close() };
}

import { createHash, randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '../../src/config';
import { emptySchoolData, type Person, type SchoolData } from '../../src/domain/school';
import { createLogger } from '../../src/observability/log';
import { startInMemoryAzurite, type EmbeddedStorage } from '../../src/storage/embedded-azurite';
import { startWaypoint, type RunningWaypoint } from '../../src/waypoint';
import type { FakeGraph } from './fake-graph';
import { FakeTeamsConnector, type CapturedActivity, type TeamsUser } from './fake-teams-connector';

export const TEST_TENANT = '7a1e0c2b-0000-4000-8000-00000000a11c';
export const SCHOOL_ID = 'school';

export interface TestBotOptions {
  school?: SchoolData;
  /** Share another bot's storage (a second instance on the same account); not closed by this bot. */
  storage?: EmbeddedStorage;
  env?: Record<string, string>;
  now?: () => Date;
  /** Milliseconds for the roster caches (ExpiringCache): a test moves past WAYPOINT_ROSTER_CACHE_SECONDS without waiting. */
  cacheClock?: () => number;
  /**
   * A stand-in for Microsoft Graph (fake-graph.ts): the bot's WAYPOINT_GRAPH_URL, with calendars
   * turned on (WAYPOINT_CALENDAR=graph) unless `env` says otherwise. Started and stopped by the test.
   */
  graph?: FakeGraph;
  /** As the Playground's launcher runs it: messages for people with no chat wait rather than fail. */
  holdForAbsent?: boolean;
}

export interface InvokeResult {
  status: number;
  body: { statusCode?: number; type?: string; value?: any } | undefined;
}

/**
 * The real bot on a free port, on in-memory Azurite, talking to a fake Teams connector.
 * Tests post Teams-shaped activities to /api/messages and read what came back.
 */
export class TestBot {
  readonly connector = new FakeTeamsConnector();
  readonly logLines: string[] = [];
  waypoint!: RunningWaypoint;
  config!: Config;
  storage!: EmbeddedStorage;
  private ownsStorage = true;

  static async start(options: TestBotOptions = {}): Promise<TestBot> {
    const bot = new TestBot();
    await bot.connector.start();
    bot.ownsStorage = options.storage === undefined;
    bot.storage = options.storage ?? (await startInMemoryAzurite());
    bot.config = loadConfig({
      TEAMSFX_ENV: 'test',
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      WAYPOINT_STORAGE_CONNECTION_STRING: bot.storage.connectionString,
      WAYPOINT_TENANT_ID: TEST_TENANT,
      LOG_LEVEL: 'info',
      ...(options.graph ? { WAYPOINT_CALENDAR: 'graph', WAYPOINT_GRAPH_URL: options.graph.url } : {}),
      ...options.env,
    });
    const log = createLogger('info', (line) => bot.logLines.push(line));
    // Over plain http the Graph client attaches no token, so this credential is never asked.
    const graphCredential = { getToken: async () => ({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const { now, cacheClock, holdForAbsent } = options;
    bot.waypoint = await startWaypoint(bot.config, { log, now, cacheClock, backgroundJobs: false, graphCredential, holdForAbsent });
    if (options.school) await bot.waypoint.services.school.import(SCHOOL_ID, options.school, emptySchoolData());
    return bot;
  }

  async stop(): Promise<void> {
    const leaks = this.waypoint ? await this.personalDataInLogs().catch(() => []) : [];
    await this.waypoint?.close();
    if (this.ownsStorage) await this.storage?.close();
    await this.connector.stop();
    // Every test that starts a bot checks this on the way out, so the whole run's logs are covered.
    if (leaks.length > 0) throw new Error(`The bot logged personal data: ${leaks.slice(0, 5).join(' | ')}`);
  }

  /** Log lines holding a roster name or email, or meeting notes, from the school in storage. */
  async personalDataInLogs(): Promise<string[]> {
    return this.personalDataIn(this.logLines);
  }

  /** Texts holding a roster name or email, meeting notes, or what a pupil typed (reasons, plans). */
  async personalDataIn(texts: readonly string[], extraSecrets: readonly string[] = []): Promise<string[]> {
    const data = await this.waypoint.services.school.load(SCHOOL_ID);
    const secrets = new Set<string>();
    // Ids may be logged; a fixture that names someone after an id is not a leak.
    const ids = new Set(data.people.map((person) => person.id.toLowerCase()));
    for (const person of data.people) {
      secrets.add(person.email.toLowerCase());
      for (const name of [person.givenName, person.familyName])
        if (name.length >= 4 && !ids.has(name.toLowerCase())) secrets.add(name.toLowerCase());
    }
    for (const meeting of data.meetings)
      for (const note of [meeting.advice, meeting.agreedActions]) if (note.length >= 8) secrets.add(note.toLowerCase());
    for (const note of extraSecrets) if (note.length >= 8) secrets.add(note.toLowerCase());
    const found: string[] = [];
    for (const line of texts) {
      const lower = line.toLowerCase();
      for (const secret of secrets)
        if (new RegExp(`\\b${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(lower))
          found.push(`${secret} in ${line.slice(0, 120)}`);
    }
    return found;
  }

  /** A Teams user for a roster person (their UPN is the roster email), known to the roster API. */
  userFor(person: Pick<Person, 'id' | 'givenName' | 'familyName' | 'email'>, tenantId = TEST_TENANT): TeamsUser {
    // Teams ids follow the sign-in, not the MIS id (two schools may reuse an MIS id), and like
    // real AAD object ids they are opaque: nothing in them names the person.
    const hash = createHash('sha256').update(person.email.toLowerCase()).digest('hex');
    const user: TeamsUser = {
      id: `29:1${hash.slice(0, 30)}`,
      aadObjectId: `${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-8${hash.slice(17, 20)}-${hash.slice(20, 32)}`,
      name: `${person.givenName} ${person.familyName}`,
      userPrincipalName: person.email,
      tenantId,
    };
    this.connector.addMember(user);
    return user;
  }

  personalConversation(user: TeamsUser): string {
    return `a:personal-${user.id}`;
  }

  baseActivity(user: TeamsUser, conversationId = this.personalConversation(user)) {
    return {
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      serviceUrl: this.connector.url,
      channelId: 'msteams',
      locale: 'en-GB',
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: '28:waypoint-bot', name: 'Waypoint' },
      conversation: { id: conversationId, conversationType: 'personal', tenantId: user.tenantId },
      channelData: { tenant: { id: user.tenantId } },
    };
  }

  /** A message typed in a team channel (in a thread, as Teams sends it). */
  channelActivity(user: TeamsUser, channel: { teamId: string; channelId: string }) {
    return {
      ...this.baseActivity(user, `${channel.channelId};messageid=${Date.now()}`),
      conversation: {
        id: `${channel.channelId};messageid=${Date.now()}`,
        conversationType: 'channel',
        tenantId: user.tenantId,
        isGroup: true,
      },
      channelData: { tenant: { id: user.tenantId }, team: { id: channel.teamId }, channel: { id: channel.channelId } },
    };
  }

  /** A message in a group chat the bot was added to. */
  groupChatActivity(user: TeamsUser, chatId: string) {
    return {
      ...this.baseActivity(user, chatId),
      conversation: { id: chatId, conversationType: 'groupChat', tenantId: user.tenantId, isGroup: true },
    };
  }

  /** Text as Teams delivers it in a channel or group chat: the bot is @mentioned first. */
  mentioning(text: string) {
    const mention = '<at>Waypoint</at>';
    return {
      text: `${mention} ${text}`,
      entities: [{ type: 'mention', text: mention, mentioned: { id: '28:waypoint-bot', name: 'Waypoint' } }],
    };
  }

  async sayInChannel(
    user: TeamsUser,
    channel: { teamId: string; channelId: string },
    text: string,
  ): Promise<CapturedActivity['activity'][]> {
    const before = this.connector.sent.length;
    const response = await this.post({ ...this.channelActivity(user, channel), type: 'message', text });
    if (response.status >= 300) throw new Error(`bot answered ${response.status}`);
    return this.connector.sent.slice(before).map((entry) => entry.activity);
  }

  async post(activity: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.waypoint.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
  }

  /** Sends a chat message and returns the replies the bot posted to it. */
  async say(user: TeamsUser, text: string, activityOverrides: Record<string, unknown> = {}): Promise<CapturedActivity['activity'][]> {
    const activity = { ...this.baseActivity(user), type: 'message', text, ...activityOverrides };
    const before = this.connector.sent.length;
    const response = await this.post(activity);
    if (response.status >= 300) throw new Error(`bot answered ${response.status}`);
    return this.connector.sent.slice(before).map((entry) => entry.activity);
  }

  /** Presses a button that answers with new messages too: the invoke's answer and what it posted. */
  async executeWithReplies(
    user: TeamsUser,
    verb: string,
    data: Record<string, unknown> = {},
  ): Promise<[CapturedActivity['activity'] | undefined, InvokeResult]> {
    const before = this.connector.sent.length;
    const result = await this.execute(user, verb, data);
    return [this.connector.sent.slice(before).map((entry) => entry.activity)[0], result];
  }

  /** Presses an Action.Execute button; the reply card comes back in the HTTP response. */
  async execute(
    user: TeamsUser,
    verb: string,
    data: Record<string, unknown> = {},
    activityOverrides: Record<string, unknown> = {},
  ): Promise<InvokeResult> {
    const activity = {
      ...this.baseActivity(user),
      ...activityOverrides,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    };
    const response = await this.post(activity);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }
}

/** All the text a card shows, for assertions a user would recognise. */
export function cardText(activity: CapturedActivity['activity'] | { body?: unknown }): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      // A RichTextBlock's runs read as one line, as Teams shows them ("Help with: " then the reason).
      if (record.type === 'RichTextBlock' && Array.isArray(record.inlines)) {
        texts.push(record.inlines.map((run) => (typeof run === 'string' ? run : String((run as { text?: unknown }).text ?? ''))).join(''));
        return;
      }
      for (const key of ['text', 'title', 'value', 'label', 'placeholder'])
        if (typeof record[key] === 'string') texts.push(record[key] as string);
      for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
    }
  };
  walk('attachments' in activity && activity.attachments ? activity.attachments.map((attachment) => attachment.content) : activity);
  if ('text' in activity && typeof activity.text === 'string') texts.push(activity.text);
  return texts.join('\n');
}

export function person(overrides: Partial<Person> & Pick<Person, 'id' | 'role' | 'givenName' | 'familyName' | 'email'>): Person {
  return { send: false, pupilPremium: false, lookedAfter: false, consideringHigherEducation: false, subjects: [], ...overrides };
}

export function schoolWith(people: Person[], extra: Partial<SchoolData> = {}): SchoolData {
  return { ...emptySchoolData(), people, ...extra };
}

/** The Adaptive Card an invoke answered with (or a message's first card). */
export function cardOf(result: InvokeResult | CapturedActivity['activity'] | undefined): any {
  if (!result) throw new Error('no reply');
  if ('status' in result && 'body' in result) {
    const { body } = result as InvokeResult;
    if (body?.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`expected a card, got ${JSON.stringify(body)}`);
    return body.value;
  }
  const attachment = (result as CapturedActivity['activity']).attachments?.[0];
  if (!attachment) throw new Error(`expected a card, got ${JSON.stringify(result)}`);
  return attachment.content;
}

/** The text an invoke answered with instead of a card. */
export function messageOf(result: InvokeResult): string {
  if (result.body?.type !== 'application/vnd.microsoft.activity.message')
    throw new Error(`expected a message, got ${JSON.stringify(result.body)}`);
  return result.body.value as string;
}

/** Finds a button on a card by its title, wherever it sits (card actions or an ActionSet). */
export function buttonOn(card: unknown, title: string): { verb: string; data: Record<string, unknown> } {
  let found: { verb: string; data: Record<string, unknown> } | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute' && record.title === title) {
      found = { verb: record.verb as string, data: (record.data as Record<string, unknown>) ?? {} };
      return;
    }
    Object.values(record).forEach(walk);
  };
  walk(card);
  if (!found) throw new Error(`no button “${title}” on the card: ${cardText({ body: card })}`);
  return found;
}

/** An input on a card by id, to read what it was prefilled with. */
export function inputOn(card: unknown, id: string): Record<string, any> | undefined {
  let found: Record<string, any> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, any>;
    if (typeof record.type === 'string' && record.type.startsWith('Input.') && record.id === id) {
      found = record;
      return;
    }
    Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}

/** The values a card's inputs hold before anyone types: what Teams sends for untouched fields. */
export function prefilledInputs(card: unknown): Record<string, unknown> {
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

/** Presses a button as Teams would: its data merged with the card's input values (prefilled, then typed). */
export async function press(
  bot: TestBot,
  user: TeamsUser,
  card: unknown,
  title: string,
  inputs: Record<string, unknown> = {},
  activityOverrides: Record<string, unknown> = {},
): Promise<InvokeResult> {
  const button = buttonOn(card, title);
  return bot.execute(user, button.verb, { ...prefilledInputs(card), ...button.data, ...inputs }, activityOverrides);
}

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod/v4';

// Stands in for Microsoft Graph's calendar API on loopback, answering as Graph documents it
// (learn.microsoft.com/graph/api/user-post-events, event-update, event-cancel; the event and
// dateTimeTimeZone resources): 201 with the event on create, 200 on update, 202 with no body on
// cancel, 404 ErrorItemNotFound for an event that is gone, and whatever faults a test injects. A
// create carrying a transactionId already used in that mailbox makes no second event. Every
// request is recorded, and a body that is not what Graph takes is refused with 400, as Graph does.

const dateTimeTimeZone = z.strictObject({ dateTime: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/), timeZone: z.string() });
const location = z.strictObject({ displayName: z.string() });
const attendee = z.strictObject({
  emailAddress: z.strictObject({ address: z.string(), name: z.string() }),
  type: z.enum(['required', 'optional', 'resource']),
});
const onlineFields = {
  isOnlineMeeting: z.boolean().optional(),
  onlineMeetingProvider: z.enum(['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer']).optional(),
};

/** The event properties Waypoint sets, as the event resource types them; anything else is refused. */
export const createEventBody = z.strictObject({
  subject: z.string(),
  body: z.strictObject({ contentType: z.enum(['text', 'html']), content: z.string() }),
  start: dateTimeTimeZone,
  end: dateTimeTimeZone,
  location,
  attendees: z.array(attendee),
  allowNewTimeProposals: z.boolean(),
  sensitivity: z.enum(['normal', 'personal', 'private', 'confidential']),
  transactionId: z.string(),
  ...onlineFields,
});

/** An update sends only what changed; transactionId cannot be changed after the create. */
export const updateEventBody = z.strictObject({ start: dateTimeTimeZone, end: dateTimeTimeZone, location, ...onlineFields }).partial();

export const cancelEventBody = z.strictObject({ comment: z.string().optional() });

export interface GraphRequest {
  method: string;
  /** Decoded path, e.g. /v1.0/users/dan@school.example/events. */
  path: string;
  body: unknown;
  authorization?: string;
  /** The bot's clock when it arrived, if the test gave one. */
  at?: Date;
}

const ROUTE = /^\/v1\.0\/users\/[^/]+\/events(?:\/([^/]+))?(\/cancel)?$/;

/**
 * What is wrong with a request by Graph's documentation of the three calls Waypoint makes
 * (create: POST /users/{id}/events; update: PATCH /users/{id}/events/{id}; cancel: POST
 * /users/{id}/events/{id}/cancel), or undefined when it is one of them, with a body Graph takes.
 */
export function undocumented(request: GraphRequest): string | undefined {
  const match = ROUTE.exec(request.path);
  const [, eventId, cancel] = match ?? [];
  const schema = !match
    ? undefined
    : request.method === 'POST' && !eventId
      ? createEventBody
      : request.method === 'PATCH' && eventId && !cancel
        ? updateEventBody
        : request.method === 'POST' && eventId && cancel
          ? cancelEventBody
          : undefined;
  if (!schema) return `${request.method} ${request.path}: not a documented calendar call`;
  const parsed = schema.safeParse(request.body);
  return parsed.success ? undefined : `${request.method} ${request.path}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`;
}

export interface GraphEvent extends z.output<typeof createEventBody> {
  id: string;
  mailbox: string;
  isCancelled: boolean;
  onlineMeeting: { joinUrl: string } | null;
}

export interface Fault {
  status: number;
  retryAfterSeconds?: number;
}

export class FakeGraph {
  readonly requests: GraphRequest[] = [];
  /** Every event ever made, by id; cancelled or deleted ones stay here with their state. */
  readonly events = new Map<string, GraphEvent>();
  private readonly deleted = new Set<string>();
  private losing = 0;
  private hanging = 0;
  private server: Server | undefined;
  /** Asked before each request: a fault to answer with instead, or nothing. */
  fault: ((request: GraphRequest) => Fault | undefined) | undefined;
  /** The bot's clock, so a test can fail requests for a span of time. */
  clock: (() => Date) | undefined;

  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `count` requests get this fault. */
  failNext(count: number, fault: Fault): void {
    let left = count;
    this.fault = () => (left-- > 0 ? fault : undefined);
  }

  /** The next `count` requests are carried out but their answers are lost (the connection drops): a retry must not repeat them. */
  loseNextAnswers(count: number): void {
    this.losing = count;
  }

  /** The next `count` requests are never answered (Graph hangs). */
  hangNext(count: number): void {
    this.hanging = count;
  }

  /** The adviser deletes the event in Outlook. */
  deleteInOutlook(eventId: string): void {
    this.deleted.add(eventId);
  }

  /** Events in a mailbox's calendar now (not cancelled, not deleted). */
  liveEvents(mailbox?: string): GraphEvent[] {
    return [...this.events.values()].filter(
      (event) => !event.isCancelled && !this.deleted.has(event.id) && (mailbox === undefined || event.mailbox === mailbox),
    );
  }

  reset(): void {
    this.requests.length = 0;
    this.events.clear();
    this.deleted.clear();
    this.fault = undefined;
    this.losing = 0;
    this.hanging = 0;
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', this.url);
    const recorded: GraphRequest = {
      method: request.method ?? '',
      path: decodeURIComponent(url.pathname),
      body: text ? JSON.parse(text) : undefined,
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
      ...(this.clock ? { at: this.clock() } : {}),
    };
    this.requests.push(recorded);
    if (this.hanging > 0) {
      this.hanging--;
      return;
    }
    if (this.losing > 0) {
      this.losing--;
      lost.add(response);
    }
    const fault = this.fault?.(recorded);
    if (fault) {
      const headers: Record<string, string> = fault.retryAfterSeconds ? { 'Retry-After': String(fault.retryAfterSeconds) } : {};
      const code = fault.status === 429 ? 'TooManyRequests' : fault.status >= 500 ? 'ServiceUnavailable' : 'ErrorAccessDenied';
      return send(response, fault.status, { error: { code, message: 'Injected by the test.' } }, headers);
    }
    const match = /^\/v1\.0\/users\/([^/]+)\/events(?:\/([^/]+))?(\/cancel)?$/.exec(recorded.path);
    if (!match) return send(response, 400, { error: { code: 'BadRequest', message: 'Resource not found for the segment.' } });
    const [, mailbox, eventId, cancel] = match;
    if (recorded.method === 'POST' && !eventId) return this.create(response, mailbox!, recorded.body);
    const event = eventId ? this.events.get(eventId) : undefined;
    if (!event || event.mailbox !== mailbox || event.isCancelled || this.deleted.has(event.id))
      return send(response, 404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } });
    if (recorded.method === 'PATCH' && !cancel) {
      const changes = updateEventBody.safeParse(recorded.body);
      if (!changes.success) return invalid(response, changes.error);
      Object.assign(event, changes.data, joinInfo({ ...event, ...changes.data }, event.onlineMeeting));
      return send(response, 200, view(event));
    }
    if (recorded.method === 'POST' && cancel) {
      const body = cancelEventBody.safeParse(recorded.body ?? {});
      if (!body.success) return invalid(response, body.error);
      event.isCancelled = true;
      return send(response, 202, undefined);
    }
    return send(response, 405, { error: { code: 'BadRequest', message: 'Method not allowed.' } });
  }

  private create(response: ServerResponse, mailbox: string, body: unknown): void {
    const parsed = createEventBody.safeParse(body);
    if (!parsed.success) return invalid(response, parsed.error);
    const again = [...this.events.values()].find((event) => event.mailbox === mailbox && event.transactionId === parsed.data.transactionId);
    if (again) return send(response, 201, view(again));
    const event: GraphEvent = {
      ...parsed.data,
      id: `AAMk${randomUUID().replace(/-/g, '')}=`,
      mailbox,
      isCancelled: false,
      onlineMeeting: null,
    };
    Object.assign(event, joinInfo(event, null));
    this.events.set(event.id, event);
    send(response, 201, view(event));
  }
}

function joinInfo(event: { isOnlineMeeting?: boolean }, had: GraphEvent['onlineMeeting']): Pick<GraphEvent, 'onlineMeeting'> {
  if (!event.isOnlineMeeting) return { onlineMeeting: null };
  return { onlineMeeting: had ?? { joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomUUID()}%40thread.v2/0` } };
}

function view(event: GraphEvent): Record<string, unknown> {
  const { mailbox: _mailbox, ...rest } = event;
  return { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/events/$entity', ...rest, type: 'singleInstance' };
}

function invalid(response: ServerResponse, error: z.ZodError): void {
  send(response, 400, { error: { code: 'RequestBodyRead', message: error.issues.map((issue) => issue.message).join('; ') } });
}

const lost = new WeakSet<ServerResponse>();

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (lost.has(response)) return void response.socket?.destroy();
  response.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

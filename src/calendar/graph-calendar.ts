import type { TokenCredential } from '@azure/identity';
import { AuthenticationHandler, Client, GraphError, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import type { MeetingEvent, MeetingEventChanges } from '../domain/meeting-event';

// Events in an adviser's Exchange calendar through Microsoft Graph, with the application permission
// Calendars.ReadWrite (limited to the advisers' mailboxes by the school's Exchange admin).

export interface WrittenEvent {
  id: string;
  /** The Teams join link of an online meeting (onlineMeeting.joinUrl). */
  joinUrl?: string;
}

/** A refusal or fault from Graph, reduced to what deciding a retry needs: never the body, which may quote the event. */
export class GraphCalendarError extends Error {
  constructor(
    /** HTTP status; undefined when Graph could not be reached. */
    readonly status: number | undefined,
    readonly retryAfterSeconds: number | undefined,
    readonly code: string | undefined,
  ) {
    super(`graph ${status ?? 'unreachable'}${code ? ` ${code}` : ''}`);
  }
}

export interface CalendarWriter {
  create(mailbox: string, event: MeetingEvent & { transactionId: string }): Promise<WrittenEvent>;
  update(mailbox: string, eventId: string, changes: MeetingEventChanges): Promise<WrittenEvent>;
  /** The organiser's cancel: Outlook sends the attendee a cancellation. */
  cancel(mailbox: string, eventId: string, comment: string): Promise<void>;
}

interface EventResponse {
  id: string;
  onlineMeeting?: { joinUrl?: string } | null;
}

export class GraphCalendar implements CalendarWriter {
  private readonly client: Client;

  /**
   * `baseUrl` is Graph's root (https://graph.microsoft.com, or a national cloud's, or a local
   * stand-in in tests). A request unanswered after `timeoutMs` fails and is tried again later: the
   * client has no timeout of its own, and one hung request would hold every later sync.
   */
  constructor(
    baseUrl: string,
    credential: TokenCredential,
    private readonly timeoutMs = 30_000,
  ) {
    const origin = new URL(baseUrl);
    const auth = new AuthenticationHandler(
      new TokenCredentialAuthenticationProvider(credential, { scopes: [`${origin.origin}/.default`] }),
    );
    // No RetryHandler: a failed write goes back to the calendar queue, which waits (Retry-After
    // included) without holding a request open, and on a clock the tests control.
    auth.setNext(new HTTPMessageHandler());
    this.client = Client.initWithMiddleware({ middleware: auth, baseUrl, defaultVersion: 'v1.0', customHosts: new Set([origin.hostname]) });
  }

  async create(mailbox: string, event: MeetingEvent & { transactionId: string }): Promise<WrittenEvent> {
    return written(await this.call(() => this.request(`/users/${encodeURIComponent(mailbox)}/events`).post(event)));
  }

  async update(mailbox: string, eventId: string, changes: MeetingEventChanges): Promise<WrittenEvent> {
    return written(await this.call(() => this.request(eventPath(mailbox, eventId)).patch(changes)));
  }

  async cancel(mailbox: string, eventId: string, comment: string): Promise<void> {
    await this.call(() => this.request(`${eventPath(mailbox, eventId)}/cancel`).post({ comment }));
  }

  private request(path: string) {
    return this.client.api(path).option('signal', AbortSignal.timeout(this.timeoutMs));
  }

  private async call(request: () => Promise<unknown>): Promise<EventResponse> {
    try {
      return (await request()) as EventResponse;
    } catch (error) {
      if (!(error instanceof GraphError)) throw new GraphCalendarError(undefined, undefined, undefined);
      const retryAfter = Number(error.headers?.get('retry-after'));
      // The client reports an unreachable host as status -1.
      throw new GraphCalendarError(
        error.statusCode > 0 ? error.statusCode : undefined,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
        error.code ?? undefined,
      );
    }
  }
}

function eventPath(mailbox: string, eventId: string): string {
  return `/users/${encodeURIComponent(mailbox)}/events/${encodeURIComponent(eventId)}`;
}

function written(response: EventResponse): WrittenEvent {
  const joinUrl = response.onlineMeeting?.joinUrl;
  return { id: response.id, ...(joinUrl ? { joinUrl } : {}) };
}

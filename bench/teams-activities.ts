import { createHash, randomUUID } from 'node:crypto';
import type { Person } from '../src/domain/school';
import type { BenchUser } from './loopback-connector';

// Teams-shaped activities, as test/harness/test-bot.ts builds them, for posting to /api/messages.

export const BENCH_TENANT = '7a1e0c2b-0000-4000-8000-0000000be4c4';

/** A Teams user for a roster person: opaque ids derived from the sign-in, the UPN is the roster email. */
export function teamsUserFor(person: Pick<Person, 'givenName' | 'familyName' | 'email'>): BenchUser {
  const hash = createHash('sha256').update(person.email.toLowerCase()).digest('hex');
  return {
    id: `29:1${hash.slice(0, 30)}`,
    aadObjectId: `${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-8${hash.slice(17, 20)}-${hash.slice(20, 32)}`,
    name: `${person.givenName} ${person.familyName}`,
    userPrincipalName: person.email,
    tenantId: BENCH_TENANT,
  };
}

/** A fresh activity id per message: the bot keys idempotent writes on it. */
const RUN = randomUUID().slice(0, 8);
let sequence = 0;
export function nextActivityId(): string {
  return `bench-${RUN}-${++sequence}`;
}

function base(user: BenchUser, serviceUrl: string) {
  return {
    id: nextActivityId(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    locale: 'en-GB',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: '28:waypoint-bot', name: 'Waypoint' },
    conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: user.tenantId },
    channelData: { tenant: { id: user.tenantId } },
  };
}

/** A chat message in the user's personal chat with the bot. */
export function messageActivity(user: BenchUser, serviceUrl: string, text: string) {
  return { ...base(user, serviceUrl), type: 'message', text };
}

/** An Action.Execute button press; its answer card comes back in the HTTP response. */
export function executeActivity(user: BenchUser, serviceUrl: string, verb: string, data: Record<string, unknown>) {
  return {
    ...base(user, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

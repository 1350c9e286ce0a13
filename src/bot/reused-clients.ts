import { AuthenticationConstants, type BotFrameworkAuthentication, type ClaimsIdentity, type ConnectorClient, type ConnectorFactory, type UserTokenClient } from 'botframework-connector';

// Enough for every Teams region's service URL, each with the bot's one identity.
const MAX_CLIENTS = 100;

/**
 * The CloudAdapter builds a new connector client and a new user-token client, each with its whole
 * HTTP pipeline, for every incoming activity: about a seventh of a turn's CPU. Neither holds
 * per-turn state, and both fetch tokens through the shared credentials, so one of each per bot
 * identity (and service URL) serves every turn.
 */
export function reuseClients(authentication: BotFrameworkAuthentication): void {
  const connectors = new BoundedCache<ConnectorClient>();
  const userTokens = new BoundedCache<UserTokenClient>();

  const createUserTokenClient = authentication.createUserTokenClient.bind(authentication);
  authentication.createUserTokenClient = (claims) => userTokens.get(appIdOf(claims), () => createUserTokenClient(claims));

  const authenticateRequest = authentication.authenticateRequest.bind(authentication);
  authentication.authenticateRequest = async (...args) => {
    const result = await authenticateRequest(...args);
    const factory = result.connectorFactory;
    // Only the Bot Framework's own factory carries the identity (none when local auth is off); any
    // other (streaming) is left to make its own clients.
    if (factory && 'appId' in factory) {
      const appId = typeof factory.appId === 'string' ? factory.appId : '';
      result.connectorFactory = { create: (serviceUrl, audience) => connectors.get(`${appId}|${serviceUrl}|${audience ?? ''}`, () => factory.create(serviceUrl, audience)) } satisfies ConnectorFactory;
    }
    return result;
  };
}

/** The identity the Bot Framework builds clients for, as it reads it from the request's claims. */
function appIdOf(claims: ClaimsIdentity): string {
  return claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claims.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

class BoundedCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  get(key: string, create: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= MAX_CLIENTS) this.entries.delete(this.entries.keys().next().value!);
      entry = create();
      this.entries.set(key, entry);
      entry.catch(() => this.entries.delete(key));
    }
    return entry;
  }
}

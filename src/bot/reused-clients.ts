import {
  AuthenticationConstants,
  type BotFrameworkAuthentication,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import { ExpiringCache, type ExpiringCacheOptions } from '../storage/expiring-cache';

// Kept for good; enough for every Teams region's service URL, each with the bot's one identity.
const CLIENTS: ExpiringCacheOptions = { freshForMs: Number.POSITIVE_INFINITY, maxEntries: 100 };

/**
 * The CloudAdapter builds a new connector client and a new user-token client, each with its whole
 * HTTP pipeline, for every incoming activity: about a seventh of a turn's CPU. Neither holds
 * per-turn state, and both fetch tokens through the shared credentials, so one of each per bot
 * identity (and service URL) serves every turn.
 */
export function reuseClients(authentication: BotFrameworkAuthentication): void {
  const connectors = new ExpiringCache<ConnectorClient>(CLIENTS);
  const userTokens = new ExpiringCache<UserTokenClient>(CLIENTS);

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
      result.connectorFactory = {
        create: (serviceUrl, audience) =>
          connectors.get(`${appId}|${serviceUrl}|${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
      } satisfies ConnectorFactory;
    }
    return result;
  };
}

/** The identity the Bot Framework builds clients for, as it reads it from the request's claims. */
function appIdOf(claims: ClaimsIdentity): string {
  return claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claims.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

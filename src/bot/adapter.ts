import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory, StatusCodes, type TurnContext } from 'botbuilder';
import { AuthenticationError, type BotFrameworkAuthentication } from 'botframework-connector';
import { adaptiveCard, heading, textBlock } from '../cards/adaptive-card';
import type { Config } from '../config';
import { describeError, type Logger } from '../observability/log';
import { isStorageUnavailable } from '../storage/errors';
import { answerCardAction, isCardAction } from './invoke-answer';
import { reuseClients } from './reused-clients';

/**
 * The Bot Framework adapter. With an app id configured every request's JWT is validated
 * (an unsigned request gets 401); with none, local tools such as the Playground can talk to it.
 */
export function createAdapter(config: Config, log: Logger): TeamsAdapter {
  const credentials = {
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.appTenantId ?? '',
  };
  const authentication = {
    ...credentials,
    ...(config.bot.openIdMetadataUrl ? { ToBotFromChannelOpenIdMetadataUrl: config.bot.openIdMetadataUrl } : {}),
    ...(config.bot.tokenIssuer ? { ToBotFromChannelTokenIssuer: config.bot.tokenIssuer } : {}),
  };
  const adapter = new TeamsAdapter(authentication, new ConfigurationServiceClientCredentialFactory(credentials));
  const botFrameworkAuthentication = (adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication })
    .botFrameworkAuthentication;
  treatEveryTokenFailureAsUnauthorised(botFrameworkAuthentication, log);
  reuseClients(botFrameworkAuthentication);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    log.error('turn.failed', { activityId: context.activity.id, type: context.activity.type, ...describeError(error) });
    const message = isStorageUnavailable(error)
      ? 'Sorry, I can’t reach Waypoint’s records just now, so nothing was changed. Please try again in a minute.'
      : 'Sorry, something went wrong on my side and nothing was changed. Please try again.';
    // A tapped card shows only the tap's own answer (without one, Teams' generic error): say it there.
    const apology = isCardAction(context)
      ? answerCardAction(context, adaptiveCard([heading('That didn’t work'), textBlock(message)]))
      : context.sendActivity(message);
    await apology.catch(() => undefined);
  };
  return adapter;
}

/**
 * A token with a bad signature makes the token library throw a plain Error, which the adapter
 * answers with 500. Any failure to authenticate a request is a 401: the caller is refused, not
 * the server broken.
 */
function treatEveryTokenFailureAsUnauthorised(inner: BotFrameworkAuthentication, log: Logger): void {
  const authenticateRequest = inner.authenticateRequest.bind(inner);
  inner.authenticateRequest = async (...args: Parameters<BotFrameworkAuthentication['authenticateRequest']>) => {
    try {
      return await authenticateRequest(...args);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      log.warn('auth.rejected', describeError(error));
      throw new AuthenticationError('Unauthorized: the token could not be validated', StatusCodes.UNAUTHORIZED);
    }
  };
}

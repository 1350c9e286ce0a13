import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory, type TurnContext } from 'botbuilder';
import type { Config } from '../config';
import { describeError, type Logger } from '../observability/log';
import { isStorageUnavailable } from '../storage/errors';

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
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    log.error('turn.failed', { activityId: context.activity.id, type: context.activity.type, ...describeError(error) });
    const message = isStorageUnavailable(error)
      ? 'Sorry, I can’t reach Waypoint’s records just now, so nothing was changed. Please try again in a minute.'
      : 'Sorry, something went wrong on my side and nothing was changed. Please try again.';
    await context.sendActivity(message).catch(() => undefined);
  };
  return adapter;
}

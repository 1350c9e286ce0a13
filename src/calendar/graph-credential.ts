import type { TokenCredential } from '@azure/identity';
import type { Config } from '../config';

/**
 * Graph is reached as the bot itself: its user-assigned managed identity (BOT_TYPE=UserAssignedMSI,
 * no secret anywhere), or its app registration's id and secret; failing both, whoever is signed in
 * on this machine (the Azure CLI, for trying it against a test tenant). The identity needs the
 * application permission Calendars.ReadWrite, which the school's Exchange admin limits to the
 * advisers' mailboxes (README, "Calendars").
 */
export async function graphCredential(config: Config): Promise<TokenCredential> {
  // Loaded only here, as for storage: a bot with calendars off never needs its ~20 MB.
  const identity = await import('@azure/identity');
  const { appId, appPassword, appType, appTenantId } = config.bot;
  if (appType === 'UserAssignedMSI' && appId) return new identity.ManagedIdentityCredential({ clientId: appId });
  const tenantId = appTenantId ?? config.allowedTenantId;
  if (appId && appPassword && tenantId) return new identity.ClientSecretCredential(tenantId, appId, appPassword);
  return new identity.DefaultAzureCredential();
}

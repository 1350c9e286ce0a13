// Waypoint in Azure: a Linux App Service running the bot as a user-assigned managed identity, the
// Table Storage it keeps the school's records in, and the Azure Bot that connects it to Teams.
// Deployed by `arm/deploy` in m365agents.yml; outputs are written to env/.env.<environment>.

@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file')
param resourceBaseName string

@description('App Service plan SKU. B1 or above: Waypoint sends its scheduled digests from the running app, so it needs Always On, which F1 lacks.')
param webAppSKU string

@maxLength(42)
param botDisplayName string

@minLength(36)
@maxLength(36)
@description('WAYPOINT_TENANT_ID: the school\'s Microsoft 365 tenant (directory) id. Only Teams users of this tenant are served.')
param waypointTenantId string

@allowed(['off', 'graph'])
@description('WAYPOINT_CALENDAR: graph puts guidance meetings in advisers\' and pupils\' Outlook calendars. Needs the Exchange admin\'s grant first (README, "Calendars").')
param waypointCalendar string = 'off'

param storageSKU string = 'Standard_LRS'
param serverfarmsName string = resourceBaseName
param webAppName string = resourceBaseName
param identityName string = resourceBaseName
param storageName string = toLower(replace(resourceBaseName, '-', ''))
param location string = resourceGroup().location

// Built-in role "Storage Table Data Contributor": read, write and delete table entities, nothing else.
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageAccountUrl = 'https://${storage.name}.table.${environment().suffixes.storage}'

// The identity Waypoint runs as: the bot's Microsoft App ID and its sign-in to Table Storage.
// There is no password or storage key anywhere; Azure issues its tokens.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  location: location
  name: identityName
}

// The school's records. Shared keys are off, so the only way in is an Entra identity with a role.
resource storage 'Microsoft.Storage/storageAccounts@2022-09-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSKU
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    accessTier: 'Hot'
  }
}

// Lets the app's identity use the tables of this storage account, and only this one.
resource storageTableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Compute resources for your Web App: Linux
resource serverfarm 'Microsoft.Web/serverfarms@2022-03-01' = {
  kind: 'linux'
  location: location
  name: serverfarmsName
  sku: {
    name: webAppSKU
  }
  properties: {
    reserved: true
  }
}

// Web App that hosts your bot
resource webApp 'Microsoft.Web/sites@2022-03-01' = {
  kind: 'app,linux'
  location: location
  name: webAppName
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      // Compiled by `deploy` (npm run build); the flags are src/node-flags.ts's.
      appCommandLine: 'node --heap-growing-percent=50 lib/src/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        {
          name: 'BOT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'BOT_TYPE'
          value: 'UserAssignedMSI'
        }
        {
          name: 'BOT_TENANT_ID'
          value: identity.properties.tenantId
        }
        {
          name: 'WAYPOINT_TENANT_ID'
          value: waypointTenantId
        }
        {
          name: 'WAYPOINT_STORAGE_ACCOUNT_URL'
          value: storageAccountUrl
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'WAYPOINT_DEMO_DATA'
          value: 'off'
        }
        {
          name: 'WAYPOINT_CALENDAR'
          value: waypointCalendar
        }
        {
          // The upload leaves node_modules out (infra/.webappignore): App Service installs the
          // production dependencies on Linux itself, so any platform-specific package matches
          // the server rather than the machine that ran `deploy`.
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
        {
          name: 'CUSTOM_BUILD_COMMAND'
          value: 'npm ci --omit=dev'
        }
      ]
    }
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
}

// Register your web service as a bot with the Bot Framework
module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    identityClientId: identity.properties.clientId
    identityResourceId: identity.id
    identityTenantId: identity.properties.tenantId
    botAppDomain: webApp.properties.defaultHostName
    botDisplayName: botDisplayName
  }
}

// The output will be persisted in .env.{envName}. Visit https://aka.ms/teamsfx-actions/arm-deploy for more details.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
// The identity's service principal (object) id, which Exchange's New-ServicePrincipal asks for (README, "Calendars").
output BOT_IDENTITY_OBJECT_ID string = identity.properties.principalId
output WAYPOINT_STORAGE_ACCOUNT_URL string = storageAccountUrl
output WAYPOINT_STORAGE_ACCOUNT_RESOURCE_ID string = storage.id

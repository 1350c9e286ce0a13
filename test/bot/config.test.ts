import { describe, expect, it } from 'vitest';
import { ConfigError, listeningHost, loadConfig } from '../../src/config';

const base = { TEAMSFX_ENV: 'test' };
/** Everything production needs but the Bot Framework credentials. */
const productionSchool = {
  NODE_ENV: 'production',
  WAYPOINT_TENANT_ID: '7a1e0c2b-0000-4000-8000-00000000a11c',
  WAYPOINT_STORAGE_ACCOUNT_URL: 'https://northfield.table.core.windows.net',
};

describe('configuration', () => {
  it('defaults to embedded storage on port 3978 with authentication off', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(3978);
    expect(config.storage.connectionString).toBeUndefined();
    expect(config.storage.accountUrl).toBeUndefined();
    expect(config.bot.appId).toBeUndefined();
  });

  it('takes a table endpoint for managed identity, and rejects one that is not a URL', () => {
    expect(loadConfig({ ...base, WAYPOINT_STORAGE_ACCOUNT_URL: 'https://northfield.table.core.windows.net' }).storage.accountUrl).toBe(
      'https://northfield.table.core.windows.net',
    );
    expect(() => loadConfig({ ...base, WAYPOINT_STORAGE_ACCOUNT_URL: 'northfield' })).toThrow(ConfigError);
  });

  it('refuses production without credentials, and accepts a managed identity', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/will not start in production/);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', BOT_ID: 'abc' })).toThrow(/will not start in production/);
    expect(loadConfig({ ...base, ...productionSchool, BOT_ID: 'abc', BOT_TYPE: 'UserAssignedMSI' }).bot.appType).toBe('UserAssignedMSI');
  });

  it("refuses production without the school's tenant id", () => {
    const { WAYPOINT_TENANT_ID: _tenant, ...withoutTenant } = productionSchool;
    expect(() => loadConfig({ ...base, ...withoutTenant, BOT_ID: 'abc', BOT_PASSWORD: 'secret' })).toThrow(
      /will not start in production without WAYPOINT_TENANT_ID/,
    );
  });

  it('refuses production on embedded storage, and accepts a connection string or an account URL', () => {
    const { WAYPOINT_STORAGE_ACCOUNT_URL: _url, ...withoutStorage } = productionSchool;
    const credentials = { BOT_ID: 'abc', BOT_PASSWORD: 'secret' };
    expect(() => loadConfig({ ...base, ...withoutStorage, ...credentials })).toThrow(/will not start in production on embedded storage/);
    expect(
      loadConfig({
        ...base,
        ...withoutStorage,
        ...credentials,
        WAYPOINT_STORAGE_CONNECTION_STRING:
          'DefaultEndpointsProtocol=https;AccountName=northfield;AccountKey=a2V5;EndpointSuffix=core.windows.net',
      }).environment,
    ).toBe('production');
    expect(loadConfig({ ...base, ...productionSchool, ...credentials }).storage.accountUrl).toBe(
      'https://northfield.table.core.windows.net',
    );
  });

  it('listens on loopback only without credentials, whatever HOST says, and where HOST says with them', () => {
    expect(listeningHost(loadConfig({ ...base, HOST: '0.0.0.0' }))).toEqual({ host: '127.0.0.1', loopbackOnly: true });
    expect(listeningHost(loadConfig({ ...base, NODE_ENV: 'development', HOST: '192.0.2.10' }))).toEqual({
      host: '127.0.0.1',
      loopbackOnly: true,
    });
    const { NODE_ENV: _production, ...school } = productionSchool;
    expect(listeningHost(loadConfig({ ...base, ...school, HOST: '0.0.0.0', BOT_ID: 'abc', BOT_PASSWORD: 'secret' }))).toEqual({
      host: '0.0.0.0',
      loopbackOnly: false,
    });
  });

  it('holds a bot with credentials to the production checks whatever NODE_ENV says', () => {
    const credentials = { BOT_ID: 'abc', BOT_PASSWORD: 'secret' };
    for (const environment of [{}, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }]) {
      expect(() => loadConfig({ ...base, ...environment, ...credentials })).toThrow(/without WAYPOINT_TENANT_ID/);
      expect(() =>
        loadConfig({ ...base, ...environment, ...credentials, WAYPOINT_TENANT_ID: productionSchool.WAYPOINT_TENANT_ID }),
      ).toThrow(/on embedded storage/);
    }
  });

  it('names every bad setting', () => {
    expect(() => loadConfig({ ...base, PORT: 'eighty', WAYPOINT_SCHOOL_ID: 'Bad School!' })).toThrow(/PORT[\s\S]*WAYPOINT_SCHOOL_ID/);
  });
});

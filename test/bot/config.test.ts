import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

const base = { TEAMSFX_ENV: 'test' };

describe('configuration', () => {
  it('defaults to embedded storage on port 3978 with authentication off', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(3978);
    expect(config.storage.connectionString).toBeUndefined();
    expect(config.storage.accountUrl).toBeUndefined();
    expect(config.bot.appId).toBeUndefined();
  });

  it('takes a table endpoint for managed identity, and rejects one that is not a URL', () => {
    expect(loadConfig({ ...base, WAYPOINT_STORAGE_ACCOUNT_URL: 'https://northfield.table.core.windows.net' }).storage.accountUrl).toBe('https://northfield.table.core.windows.net');
    expect(() => loadConfig({ ...base, WAYPOINT_STORAGE_ACCOUNT_URL: 'northfield' })).toThrow(ConfigError);
  });

  it('refuses production without credentials, and accepts a managed identity', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/will not start in production/);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', BOT_ID: 'abc' })).toThrow(/will not start in production/);
    expect(loadConfig({ ...base, NODE_ENV: 'production', BOT_ID: 'abc', BOT_TYPE: 'UserAssignedMSI' }).bot.appType).toBe('UserAssignedMSI');
  });

  it('names every bad setting', () => {
    expect(() => loadConfig({ ...base, PORT: 'eighty', WAYPOINT_SCHOOL_ID: 'Bad School!' })).toThrow(/PORT[\s\S]*WAYPOINT_SCHOOL_ID/);
  });
});

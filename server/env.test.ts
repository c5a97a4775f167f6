import path from 'node:path';
import { DEFAULT_STATE_DIR, readEnv } from './env';

describe('readEnv: every environment variable through one schema', () => {
  it('gives the documented defaults on an empty environment (local mode)', () => {
    const env = readEnv({});
    expect(env).toMatchObject({
      stateDir: DEFAULT_STATE_DIR,
      port: 3000,
      host: '127.0.0.1',
      emulatorPort: 4010,
      emulatorUrl: 'http://127.0.0.1:4010',
      zoho: null,
    });
    expect(env.serviceApiToken).toBeUndefined();
  });

  it('treats an empty variable as unset, resolves STATE_DIR and follows EMULATOR_PORT for the CLI URL', () => {
    const env = readEnv({ PORT: '', STATE_DIR: 'relative/state', EMULATOR_PORT: '4999', LOG_LEVEL: 'debug' });
    expect(env.port).toBe(3000);
    expect(env.stateDir).toBe(path.resolve('relative/state'));
    expect(env.emulatorUrl).toBe('http://127.0.0.1:4999');
    expect(env.logLevel).toBe('debug');
  });

  it('lists everything that is wrong in one error, not one variable per restart', () => {
    let message = '';
    try {
      readEnv({ PORT: 'eighty', EMULATOR_PORT: '70000', LOG_LEVEL: 'loud', ZOHO_CLIENT_ID: 'x' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/4 problems/);
    expect(message).toMatch(/PORT="eighty": must be a port number/);
    expect(message).toMatch(/EMULATOR_PORT="70000": must be a port number/);
    expect(message).toMatch(/LOG_LEVEL="loud": must be one of fatal, error/);
    expect(message).toMatch(/incomplete Zoho credentials: set ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN/);
  });

  it('reads the Zoho org when all three credentials are set', () => {
    const env = readEnv({
      ZOHO_CLIENT_ID: 'id',
      ZOHO_CLIENT_SECRET: 'secret',
      ZOHO_REFRESH_TOKEN: 'refresh',
      ZOHO_DC: 'jp',
      SYNC_CRON: '*/5 * * * *',
    });
    expect(env.zoho?.apiBase).toBe('https://www.zohoapis.jp');
    expect(env.syncCron).toBe('*/5 * * * *');
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from './env.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadEnv({ DATA_DIR: '/tmp', ...env });
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('loadEnv', () => {
  it('gives working defaults with nothing set', () => {
    const env = loadEnv({ DATA_DIR: '/tmp' });
    expect(env).toMatchObject({ PORT: 3000, DEMO_COMPLAINTS: 200_000, DATA_DIR: '/tmp' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DEMO_DATA).toBeUndefined();
  });

  it('treats empty values as unset', () => {
    expect(loadEnv({ DATA_DIR: '/tmp', PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });

  it('lists every bad variable, one line each, without echoing the database URL', () => {
    const lines = problems({
      PORT: '70000',
      DEMO_DATA: 'maybe',
      DATABASE_URL: 'http://u:secret@host/db',
    });
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.startsWith('PORT:'))).toMatch(/70000/);
    expect(lines.find((l) => l.startsWith('DEMO_DATA:'))).toMatch(/maybe/);
    const url = lines.find((l) => l.startsWith('DATABASE_URL:'));
    expect(url).toMatch(/must start with postgres:\/\//);
    expect(url).not.toMatch(/secret/);
  });

  it('requires a database name in DATABASE_URL', () => {
    expect(problems({ DATABASE_URL: 'postgres://localhost:5432' })).toEqual([
      'DATABASE_URL: names no database (add /dbname)',
    ]);
  });

  it('reads DATABASE_REPLICA_URLS as a list of server URLs that needs DATABASE_URL', () => {
    const primary = 'postgres://u@primary:5432/db';
    const env = loadEnv({
      DATABASE_URL: primary,
      DATABASE_REPLICA_URLS: ' postgres://u@r1:5432/db, postgres://u@r2:5432/db ,',
    });
    expect(env.DATABASE_REPLICA_URLS).toEqual([
      'postgres://u@r1:5432/db',
      'postgres://u@r2:5432/db',
    ]);
    expect(loadEnv({ DATA_DIR: '/tmp' }).DATABASE_REPLICA_URLS).toEqual([]);
    expect(problems({ DATABASE_REPLICA_URLS: 'postgres://u@r1:5432/db' })).toEqual([
      'DATABASE_REPLICA_URLS: replicas need DATABASE_URL (the primary) too',
    ]);
    const bad = problems({
      DATABASE_URL: primary,
      DATABASE_REPLICA_URLS: 'mysql://u:secret@r1/db',
    });
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(/^DATABASE_REPLICA_URLS: must start with postgres:\/\//);
    expect(bad[0]).not.toMatch(/secret/);
  });

  it('checks METRICS_TOKEN and SHUTDOWN_GRACE_SECONDS', () => {
    expect(loadEnv({ DATA_DIR: '/tmp' }).SHUTDOWN_GRACE_SECONDS).toBe(30);
    expect(problems({ METRICS_TOKEN: 'short' })).toEqual([
      'METRICS_TOKEN: must be at least 16 characters',
    ]);
    expect(problems({ SHUTDOWN_GRACE_SECONDS: '-1' })).toHaveLength(1);
  });

  it('reads DEMO_DATA as on or off', () => {
    expect(loadEnv({ DATA_DIR: '/tmp', DEMO_DATA: 'off' }).DEMO_DATA).toBe(false);
    expect(loadEnv({ DATA_DIR: '/tmp', DEMO_DATA: 'on' }).DEMO_DATA).toBe(true);
  });
});

import os from 'node:os';
import { loadEnv, type Env } from '../../src/config/env.js';

/** A valid environment for an API under test: any free port, quiet logs, no demo data. */
export function testEnv(overrides: Record<string, string> = {}): Env {
  return loadEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    DEMO_DATA: 'off',
    DASHBOARD_DIR: '/nonexistent',
    NODE_ENV: 'test',
    DATA_DIR: os.tmpdir(),
    ...overrides,
  });
}

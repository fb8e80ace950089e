import os from 'node:os';
import { loadEnv, type Env } from '../../src/config/env.js';

export const TEST_ADMIN = { email: 'admin@test.example', password: 'correct horse battery' };

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
    TOKEN_SECRET: 'test-secret-test-secret-test-secret-0123',
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    ...overrides,
  });
}

// Starts the built API on a fresh embedded database with a small demo data set.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../apps/api/dist/main.js',
);

export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startServer(complaints = 20_000): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cw-e2e-'));
  const port = await freePort();
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL'));
  const proc: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      ...env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_COMPLAINTS: String(complaints),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (/GraphQL API at/.test(output)) return resolve();
      if (proc.exitCode !== null || Date.now() - started > 180_000) {
        return reject(new Error(`API did not start:\n${output}`));
      }
      setTimeout(tick, 200);
    };
    tick();
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// The embedded PostgreSQL (PGlite) used when no DATABASE_URL is set: its files live in
// DATA_DIR/pgdata, and a lock file stops a second process from opening them at once
// (two writers would corrupt the data folder).
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { ConfigError } from '../config/env.js';
import { pgliteParsers } from './pglite-pg-module.js';

export interface EmbeddedDatabase {
  db: PGlite;
  close(): Promise<void>;
}

/** Opens (creating on first use) the embedded database in `dataDir`. */
export async function openEmbeddedDatabase(dataDir: string | null): Promise<EmbeddedDatabase> {
  if (dataDir === null) {
    const db = await PGlite.create({ parsers: pgliteParsers });
    return { db, close: () => db.close() };
  }
  const abs = path.resolve(dataDir);
  mkdirSync(abs, { recursive: true });
  const unlock = lockDataDir(abs);
  try {
    const db = await PGlite.create({ dataDir: path.join(abs, 'pgdata'), parsers: pgliteParsers });
    return {
      db,
      close: async () => {
        await db.close();
        unlock();
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}

function lockDataDir(dir: string): () => void {
  const lockPath = path.join(dir, 'api.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new ConfigError([`DATA_DIR: ${dir} is in use by another API process (pid ${pid})`]);
      }
      // Left behind by a process that died: take it over.
      rmSync(lockPath, { force: true });
    }
  }
  throw new ConfigError([`DATA_DIR: could not lock ${dir}`]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

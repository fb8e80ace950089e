// npm run db:migrate: applies pending migrations to the configured store and exits.
import 'reflect-metadata';
import { ConfigError, loadEnv } from '../config/env.js';
import { openDatabase } from './data-source.js';
import { migrate } from './migrate.js';

try {
  const env = loadEnv();
  const database = await openDatabase(
    env.DATABASE_URL
      ? { kind: 'server', url: env.DATABASE_URL, poolSize: 1 }
      : { kind: 'embedded', dataDir: env.DATA_DIR },
  );
  try {
    const applied = await migrate(database.dataSource);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
  } finally {
    await database.close();
  }
} catch (e) {
  console.error(e instanceof ConfigError ? `configuration error: ${e.problems.join('; ')}` : e);
  process.exit(1);
}

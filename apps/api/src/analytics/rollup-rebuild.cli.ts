// npm run rollup:rebuild: recomputes the rollups from the complaints table (after a bulk
// change made with triggers disabled, or to check them) in one transaction.
import 'reflect-metadata';
import { ConfigError, loadEnv } from '../config/env.js';
import { openDatabase } from '../database/data-source.js';
import { migrate } from '../database/migrate.js';

try {
  const env = loadEnv();
  const database = await openDatabase(
    env.DATABASE_URL
      ? { kind: 'server', url: env.DATABASE_URL, poolSize: 1 }
      : { kind: 'embedded', dataDir: env.DATA_DIR },
  );
  try {
    await migrate(database.dataSource);
    const started = Date.now();
    await database.dataSource.transaction((tx) => tx.query(`SELECT rollup_rebuild()`));
    const [row] = await database.dataSource.query<
      { daily: number; monthly: number; complaints: number }[]
    >(
      `SELECT (SELECT count(*)::int FROM rollup_daily) AS daily, (SELECT count(*)::int FROM rollup_monthly) AS monthly,
              (SELECT count(*)::int FROM complaints) AS complaints`,
    );
    console.log(
      `rebuilt rollups from ${row!.complaints} complaints: ${row!.daily} daily rows, ${row!.monthly} monthly rows ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await database.close();
  }
} catch (e) {
  console.error(e instanceof ConfigError ? `configuration error: ${e.problems.join('; ')}` : e);
  process.exit(1);
}

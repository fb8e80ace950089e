// npm run seed -- [--complaints N] [--seed S] [--end YYYY-MM-DD] [--replace]
// Fills the configured store (DATABASE_URL, or the embedded one in DATA_DIR) with the demo
// data set. Refuses a store that holds data unless --replace, and never replaces real data.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { addDays, isCalendarDate, shanghaiDate } from '@cw/domain';
import { ConfigError, loadEnv } from '../config/env.js';
import { openDatabase } from '../database/data-source.js';
import { migrate } from '../database/migrate.js';
import { syncRegions } from '../registry/region-sync.js';
import { seedDemoData, storeIsEmpty } from './demo-seeder.js';

function fail(message: string): never {
  console.error(`seed: ${message}`);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    complaints: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '20261129' },
    end: { type: 'string' },
    replace: { type: 'boolean', default: false },
  },
});
const complaints = Number(values.complaints);
const seed = Number(values.seed);
const endDate = values.end ?? addDays(shanghaiDate(new Date()), -1);
if (!Number.isInteger(complaints) || complaints < 0 || complaints > 20_000_000) {
  fail('--complaints must be a whole number from 0 to 20000000');
}
if (!Number.isInteger(seed) || seed < 0) fail('--seed must be a whole number');
if (!isCalendarDate(endDate)) fail('--end must be a date written YYYY-MM-DD');

let env;
try {
  env = loadEnv();
} catch (e) {
  if (e instanceof ConfigError) fail(e.problems.join('; '));
  throw e;
}
const database = await openDatabase(
  env.DATABASE_URL
    ? { kind: 'server', url: env.DATABASE_URL, poolSize: 2 }
    : { kind: 'embedded', dataDir: env.DATA_DIR },
).catch((e: unknown) => fail(e instanceof ConfigError ? e.problems.join('; ') : String(e)));
try {
  const db = database.dataSource;
  await migrate(db);
  await syncRegions(db);
  if (!(await storeIsEmpty(db))) {
    if (!values.replace)
      fail('the store already holds data; add --replace to delete it and seed again');
    const [real] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM institutions WHERE NOT synthetic`,
    );
    if ((real?.n ?? 0) > 0)
      fail(`the store holds ${real!.n} real institutions; --replace only replaces demo data`);
    await db.query(`TRUNCATE complaints, collection_agencies, institutions RESTART IDENTITY`);
  }
  const started = Date.now();
  const result = await seedDemoData(db, { complaints, seed, endDate }, (n) => {
    if (n % 100_000 === 0) console.log(`  ${n} complaints`);
  });
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `seeded ${result.complaints} complaints (${result.institutions} institutions, ${result.agencies} agencies) ` +
      `ending ${endDate}, seed ${seed}, on the ${database.kind} database in ${seconds.toFixed(1)} s`,
  );
} finally {
  await database.close();
}

// Writes apps/api/src/schema.gql from the resolvers, or with --check fails when the
// committed file differs (the public API changed without the schema file showing it).
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNestApp } from '../bootstrap.js';
import { loadEnv } from '../config/env.js';
import { openDatabase } from '../database/data-source.js';
import { migrate } from '../database/migrate.js';
import { schemaText } from './print-schema.js';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/schema.gql');
const database = await openDatabase({ kind: 'embedded', dataDir: null });
// Migrated like any real store: services read their tables when the app starts.
await migrate(database.dataSource);
const app = await createNestApp(
  database,
  loadEnv({ LOG_LEVEL: 'error', DASHBOARD_DIR: '/nonexistent', DATA_DIR: '/tmp' }),
);
const text = await schemaText(app);
await app.close();
await database.close();

if (process.argv.includes('--check')) {
  const committed = readFileSync(file, 'utf8');
  if (committed !== text) {
    console.error(`${file} is out of date: run npm run schema and commit it`);
    process.exit(1);
  }
  console.log('schema.gql is current');
} else {
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}

// The stored narrative search tokens (migration StoreNarrativeSearchTokens): the API's
// tokeniser gives exactly the tokens of the SQL function it replaced, on the labelled gold
// narratives; the migration fills the column for complaints stored before it, without
// touching their counts; and the table refuses a narrative stored without its tokens.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePartitionsFor } from '../src/complaints/complaint-partitions.js';
import { narrativeSearchTokens } from '../src/complaints/narrative-search.js';
import { migrate } from '../src/database/migrate.js';
import { searchTokensFunction } from '../src/database/migrations/1765050000000-AddNarrativeSearch.js';
import { StoreNarrativeSearchTokens1765400000000 } from '../src/database/migrations/1765400000000-StoreNarrativeSearchTokens.js';
import { createInstitution, insertComplaints } from './support/factories.js';
import { openTestDatabase, testTargets, type TestDatabase } from './support/test-database.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const GOLD = path.resolve(repoRoot, '../shared/data/narratives-gold.jsonl');

const goldTexts = readFileSync(GOLD, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { text: string }).text);

/** Texts beyond the gold set: mixed scripts, long words, "null", digits, traditional forms. */
const EXTRA = [
  'Null and void: the collector said NULL 3 times',
  `${'a'.repeat(70)} 催`,
  '暴力催收！！！打了200通电話，冒充律師',
  '単字 㐀㐁 test123 ７８９',
  '',
];

describe.each(await testTargets())(
  'stored narrative search tokens on the %s database',
  (target) => {
    let db: TestDatabase;
    let inst: number;

    beforeAll(async () => {
      db = await openTestDatabase(target);
      inst = await createInstitution(db.dataSource, { name: '甲银行' });
    });

    afterAll(async () => {
      await db?.close();
    });

    it('gives the tokens of the SQL tokeniser it replaced', async () => {
      const texts = [...goldTexts, ...EXTRA];
      expect(goldTexts.length).toBeGreaterThanOrEqual(50);
      const runner = db.dataSource.createQueryRunner();
      try {
        await runner.query(searchTokensFunction('pg_temp.old_tokens'));
        const rows = (await runner.query(
          `SELECT pg_temp.old_tokens(t) AS tokens FROM unnest($1::text[]) WITH ORDINALITY AS u(t, i) ORDER BY i`,
          [texts],
        )) as { tokens: string[] }[];
        // PostgreSQL sorts by its collation, JavaScript by code unit: compare as sets.
        const mismatches = texts.filter(
          (t, i) =>
            JSON.stringify([...rows[i]!.tokens].sort()) !==
            JSON.stringify(narrativeSearchTokens(t)),
        );
        expect(mismatches).toEqual([]);
      } finally {
        await runner.release();
      }
    });

    it('fills the column for complaints stored before the migration, counts untouched', async () => {
      const ds = db.dataSource;
      const months = [0, 1, 2].map((i) => new Date(Date.UTC(2026, i, 10)));
      // The months' partitions are made before the column is dropped: PostgreSQL 15 leaves the
      // generated columns out of the rows a statement trigger sees from a partition whose
      // layout differs from its parent's, which one made after a DROP COLUMN does.
      await ensurePartitionsFor(ds, months);
      await ds.undoLastMigration({ transaction: 'each' });
      // Twelve complaints, so that ids 1..12 sort differently as text and as numbers, filled
      // two to a page.
      const ids = Array.from({ length: 12 }, (_, i) => `T-${String(i).padStart(2, '0')}`);
      await insertComplaints(
        ds,
        ids.map((externalId, i) => ({
          externalId,
          receivedAt: months[i % 3]!,
          institutionId: inst,
          provinceCode: '330000',
        })),
      );
      const narrative = (i: number) =>
        i % 4 === 3
          ? null
          : i % 4 === 2
            ? ''
            : `Threatened ${i} 次，爆通讯录 ${'我的家人'.slice(i % 3)}`;
      for (const [i, externalId] of ids.entries())
        await ds.query(`UPDATE complaints SET narrative = $2 WHERE external_id = $1`, [
          externalId,
          narrative(i),
        ]);
      const before = await ds.query(`SELECT * FROM rollup_monthly ORDER BY 1, 2, 3, 4, 5`);

      StoreNarrativeSearchTokens1765400000000.backfillPage = 2;
      try {
        expect(await migrate(ds)).toEqual(['StoreNarrativeSearchTokens1765400000000']);
      } finally {
        StoreNarrativeSearchTokens1765400000000.backfillPage = 5000;
      }
      const rows = (await ds.query(
        `SELECT external_id, tsvector_to_array(narrative_search) AS tokens
       FROM complaints ORDER BY external_id`,
      )) as { external_id: string; tokens: string[] | null }[];
      expect(rows.map((r) => [r.external_id, r.tokens && [...r.tokens].sort()])).toEqual(
        ids.map((id, i) => {
          const text = narrative(i);
          return [id, text === null ? null : narrativeSearchTokens(text)];
        }),
      );
      expect(await ds.query(`SELECT * FROM rollup_monthly ORDER BY 1, 2, 3, 4, 5`)).toEqual(before);
      const [index] = (await ds.query(
        `SELECT to_regclass('complaints_narrative_search_idx') IS NOT NULL AS ok`,
      )) as { ok: boolean }[];
      expect(index!.ok).toBe(target === 'server');
    });

    it('refuses a narrative stored without its tokens, and tokens without a narrative', async () => {
      await expect(
        db.dataSource.query(`UPDATE complaints SET narrative = '威胁' WHERE external_id = 'T-03'`),
      ).rejects.toThrow(/complaints_narrative_search_check/);
      await expect(
        db.dataSource.query(`UPDATE complaints SET narrative = NULL WHERE external_id = 'T-00'`),
      ).rejects.toThrow(/complaints_narrative_search_check/);
    });
  },
);

// Streaming: a ~200 MB canonical CSV, generated on the fly (never written to disk, never held
// whole), parses with flat memory: the heap grows by less than 100 MB, and what stays
// reachable after a garbage collection does not grow with the rows read.
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseFile } from './index.js';

/** A full garbage collection, so heapUsed counts what is still reachable. */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const TARGET_BYTES = 200 * 1024 * 1024;
const MAX_HEAP_GROWTH = 100 * 1024 * 1024;

const HEADER =
  'external_id,received_at,institution,collection_agency,product,province,city,channels,categories,narrative,amount_owed,overdue_days,status\n';
const NARRATIVE =
  '"催收员每天打二十多个电话，还威胁要联系我的单位和家人，说不还钱就上门。The collector called again at 23:00, ""final warning"", and texted my contacts."';

/** A CSV of about `bytes` bytes, produced a row batch at a time as it is read. */
function generatedCsv(bytes: number): { stream: Readable; rows: () => number } {
  let produced = 0;
  let rows = 0;
  function* chunks(): Generator<Buffer> {
    yield Buffer.from(HEADER);
    produced += HEADER.length;
    while (produced < bytes) {
      const lines: string[] = [];
      for (let i = 0; i < 200; i++) {
        rows++;
        const day = String((rows % 28) + 1).padStart(2, '0');
        lines.push(
          `MEM-${rows},2024-07-${day} 08:${String(rows % 60).padStart(2, '0')},示例网商银行,示例催收服务有限公司,BUSINESS_LOAN,浙江省,杭州市,电话;短信,威胁恐吓;频繁催收,${NARRATIVE},${rows % 100000}.50,${rows % 365},FORWARDED`,
        );
      }
      const chunk = Buffer.from(lines.join('\n') + '\n');
      produced += chunk.length;
      yield chunk;
    }
  }
  return { stream: Readable.from(chunks(), { objectMode: false }), rows: () => rows };
}

describe('memory', () => {
  it(
    'streams a generated ~200 MB CSV with heap growth under 100 MB',
    { timeout: 600_000 },
    async () => {
      const gc = collectGarbage();
      const { stream, rows } = generatedCsv(TARGET_BYTES);
      gc();
      const before = process.memoryUsage().heapUsed;
      let peak = before;
      const retained: number[] = [];
      let ok = 0;
      let other = 0;
      for await (const row of parseFile('canonical', stream, {
        now: new Date('2025-01-01T00:00:00Z'),
      })) {
        if (row.kind === 'ok') ok++;
        else other++;
        if ((ok & 0xfff) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
        if ((ok & 0x1ffff) === 0) {
          gc();
          retained.push(process.memoryUsage().heapUsed - before);
        }
      }
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      expect(other).toBe(0);
      expect(ok).toBe(rows());
      expect(ok).toBeGreaterThan(500_000);
      // Garbage included (collected when V8 sees fit).
      expect(peak - before).toBeLessThan(MAX_HEAP_GROWTH);
      // Reachable memory: the same after 130,000 rows as after 520,000.
      expect(retained.length).toBeGreaterThanOrEqual(4);
      for (const r of retained) expect(r).toBeLessThan(20 * 1024 * 1024);
    },
  );
});

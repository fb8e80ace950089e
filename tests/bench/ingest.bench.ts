// The ingest benchmark: a canonical CSV of N generated complaints POSTed to the built API
// (POST /api/imports?format=canonical&wait=true, raw body streamed from disk) on server
// PostgreSQL, timed end to end while the API's resident memory is sampled; then, in the same
// run, a plain `COPY` of the same file into a bare table of text columns (the baseline).
//
//   npx nx run api:build
//   npm run bench:ingest -- --rows 1000000
//
// Each size (the main one, and --small to show how memory scales with the file) gets a fresh
// database `<database>_<rows>` on the server, dropped at the end unless --keep. With
// --profile, one more import of the small file runs with `node --cpu-prof` and the CPU time is
// split by stage (parsing, registry, classification and redaction, driver, waiting).
// A benchmark reports; it does not fail: the exit code is 0 whatever the figures.

import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  CATEGORY,
  CHANNEL,
  EVIDENCE,
  PRODUCT,
  PROVINCE_POPULATION_2020,
  STATUS,
  citiesOf,
  creditCodeCheckChar,
  regionByCode,
  type Category,
  type Channel,
  type Status,
} from '@cw/domain';
import { END_DATE } from './analytics-queries.js';
import {
  cpuSeconds,
  dropDatabase as dropServerDatabase,
  freshDatabase as createFreshDatabase,
  gitCommit,
  quoteIdent,
  Random,
  rssBytes,
  startBenchApi,
  table,
  withClient,
  weighted,
  type BenchApi,
} from './support.js';

const GOALS = { rowsPerSecond: 100_000, copyRatio: 0.5, growthMb: 300 };
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const { values: opts } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    small: { type: 'string', default: '100000' },
    database: { type: 'string', default: 'cw_bench_ingest' },
    server: {
      type: 'string',
      default: process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432',
    },
    'api-dist': { type: 'string', default: 'apps/api/dist' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'cw-bench-ingest') },
    seed: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const mainRows = Number(opts.rows);
const smallRows = Number(opts.small);
const apiDist = path.resolve(ROOT, opts['api-dist']);
const serverUrl = opts.server.replace(/\/$/, '');
const workDir = path.resolve(opts.dir);

// --- small helpers (as in analytics.bench.ts) --------------------------------------------

const log = (line = '') => console.log(line);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
const gib = (n: number) => `${(n / 1024 ** 3).toFixed(2)} GiB`;
const secs = (s: number) => `${s.toFixed(1)} s`;
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)} %`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// --- the file ------------------------------------------------------------------------------

// Invented lenders and agencies (no real firm is meant), stored before the import the way a
// registry would hold them: a name, one or two aliases and a credit code.
const LENDER_WORDS = [
  '澹月',
  '栖霞',
  '照水',
  '听松',
  '鹤鸣',
  '望川',
  '晚枫',
  '青萝',
  '汀兰',
  '竹溪',
  '远岫',
  '秋水',
  '云栖',
  '石泉',
  '寒汀',
  '暮雪',
  '疏影',
  '横塘',
  '落星',
  '浮岚',
  '半溪',
  '杏雨',
  '桂棹',
  '苹洲',
  '雁丘',
  '芷岸',
  '蘅皋',
  '鸥鹭',
  '沧浪',
  '渔舟',
  '樵径',
  '梅坞',
  '兰渚',
  '柳浪',
  '松壑',
  '桐庐',
  '菱塘',
  '荷风',
  '苔径',
  '霜林',
];
const LENDER_KINDS: [string, string][] = [
  ['互联网银行', '微贷'],
  ['消费金融有限公司', '分期'],
  ['小额贷款有限公司', '借'],
  ['银行股份有限公司', '信用卡'],
  ['数字科技有限公司', '借条'],
];
const AGENCY_KINDS = [
  '资产管理有限公司',
  '信息咨询有限公司',
  '商务咨询有限公司',
  '法务咨询服务有限公司',
];

interface RegistryEntry {
  name: string;
  aliases: string[];
  creditCode: string;
}

function creditCode(random: Random): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = `91${random.pick(['110100', '310100', '440300', '330100', '510100'])}`;
  while (body.length < 17) body += alphabet[random.int(0, alphabet.length - 1)];
  return body + (creditCodeCheckChar(body) ?? '0');
}

function registry(random: Random): { lenders: RegistryEntry[]; agencies: RegistryEntry[] } {
  const lenders = LENDER_WORDS.map((word, i) => {
    const [kind, product] = LENDER_KINDS[i % LENDER_KINDS.length]!;
    return {
      name: `${word}${kind}`,
      aliases: [`${word}${product}`, ...(i % 3 === 0 ? [`${word}贷`] : [])],
      creditCode: creditCode(random),
    };
  });
  const agencies = LENDER_WORDS.slice(0, 30).map((word, i) => ({
    name: `${word.split('').reverse().join('')}${AGENCY_KINDS[i % AGENCY_KINDS.length]!}`,
    aliases: [],
    creditCode: creditCode(random),
  }));
  return { lenders, agencies };
}

const ZH_SENTENCES: Record<Category, string[]> = {
  THREAT: [
    '催收人员在电话中威胁说如果不还钱就让我坐牢。',
    '对方扬言要找人上门处理我，还说知道我孩子在哪上学。',
  ],
  INSULT: ['催收员在电话里用极其难听的话辱骂我和家人。', '每次通话都夹杂脏话，骂我是骗子、老赖。'],
  THIRD_PARTY: [
    '他们给我通讯录里的亲戚朋友挨个打电话，说我欠钱不还。',
    '我母亲和妹妹都接到了催收电话，被要求替我还款。',
  ],
  EXCESSIVE_CONTACT: [
    '一天之内接到三十多个催收电话，拉黑后又换新号码继续打。',
    '对方用多个号码轮番轰炸，短信一天几十条。',
  ],
  OFF_HOURS: ['凌晨两点还在给我打催收电话。', '晚上十一点以后连续来电，家人无法休息。'],
  IMPERSONATION: [
    '对方自称是公安局民警，说要对我立案抓捕。',
    '收到一封所谓律师函，盖着假公章，说法院马上强制执行。',
  ],
  PRIVACY_DISCLOSURE: [
    '他们把我的照片和身份证信息发到了微信群里。',
    '对方把我的欠款信息发给了小区业主群。',
  ],
  VISIT: [
    '两名催收人员直接到我家门口蹲守，敲门不走。',
    '催收人员跑到我工作的单位找我，在办公室大声喧哗。',
  ],
  VIOLENCE: ['上门的催收人员推搡了我，并砸坏了家里的门锁。'],
  DECEPTION: [
    '催收员说的欠款金额比合同多出一倍，还有各种不明费用。',
    '对方谎称不还款会影响子女考公务员和上学。',
  ],
};
const ZH_OPENINGS = [
  '本人在网贷平台借款后逾期，',
  '因生意周转困难逾期了两个月，',
  '我因失业暂时无法还款，',
];
const ZH_CLOSINGS = [
  '希望相关部门依法查处这种暴力催收行为。',
  '我有通话录音和截图为证，请求监管部门处理。',
];

/** Column spellings a lender's export might use for each vocabulary value. */
const CATEGORY_FORMS: Partial<Record<Category, string[]>> = {
  THIRD_PARTY: ['爆通讯录', '骚扰第三方'],
  EXCESSIVE_CONTACT: ['频繁催收', '频繁来电'],
  OFF_HOURS: ['夜间催收'],
  IMPERSONATION: ['冒充公检法'],
};
const CHANNEL_FORMS: Partial<Record<Channel, string[]>> = {
  PHONE_CALL: ['电话', '来电'],
  SOCIAL_MEDIA: ['微信'],
};

const HEADER = [
  'external_id',
  'received_at',
  'institution',
  'collection_agency',
  'product',
  'province',
  'city',
  'channels',
  'categories',
  'narrative',
  'amount_owed',
  'overdue_days',
  'status',
  'institution_response',
  'responded_at',
  'source',
  'incident_at',
  'evidence',
];

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const two = (n: number) => String(n).padStart(2, '0');
/** Shanghai wall-clock text of an instant, in a few of the forms lenders export. */
function shanghai(ms: number, form: number): string {
  const d = new Date(ms + 8 * 3600_000);
  const [y, mo, da, h, mi, s] = [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  ];
  if (form === 0) return `${y}-${two(mo)}-${two(da)} ${two(h)}:${two(mi)}:${two(s)}`;
  if (form === 1) return `${y}-${two(mo)}-${two(da)}T${two(h)}:${two(mi)}:${two(s)}+08:00`;
  return `${y}/${mo}/${da} ${h}:${two(mi)}`;
}

interface FileStats {
  rows: number;
  bytes: number;
  narratives: number;
  phones: number;
  unknownNames: number;
  seconds: number;
}

/**
 * Writes a canonical CSV of `rows` complaints: institutions by name (about 60 %), alias
 * (30 %), credit code (5 %) or name with stray spaces, the rest names the registry does not know (provisional
 * entries, about 0.5 %); provinces and cities by Chinese name, population-weighted; codes and labels
 * mixed; about 30 % of rows with a Chinese narrative of about 80 characters, a quarter of them
 * holding a mobile number to redact; 10 % with an institution response.
 */
async function writeCanonicalCsv(file: string, rows: number, seed: number): Promise<FileStats> {
  const started = performance.now();
  const random = new Random(seed);
  const { lenders, agencies } = registry(new Random(seed));
  const lender = weighted(lenders, (_, i) => 1 / (i + 1));
  const agency = weighted(agencies, (_, i) => 1 / (i + 2));
  const province = weighted(
    PROVINCE_POPULATION_2020.filter((p) => p.census),
    (p) => p.population,
  );
  const categories = CATEGORY.codes;
  const channels = CHANNEL.codes.filter((c) => c !== 'OTHER');
  const statuses = STATUS.codes;
  const end = Date.parse(`${END_DATE}T15:59:59Z`); // 23:59:59 in Shanghai
  const span = 3 * 365 * 86_400_000;
  const stats: FileStats = {
    rows,
    bytes: 0,
    narratives: 0,
    phones: 0,
    unknownNames: 0,
    seconds: 0,
  };
  const out = createWriteStream(file);
  const write = (chunk: string) =>
    out.write(chunk) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r));
  await write(HEADER.join(',') + '\n');
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const received = end - Math.floor(random.next() * span);
    const l = lender(random);
    const which = random.next();
    let institution: string;
    if (which < 0.6) institution = l.name;
    else if (which < 0.9) institution = random.pick(l.aliases);
    else if (which < 0.95) institution = l.creditCode;
    else if (which < 0.995)
      institution = `  ${l.name} `; // stray spaces
    else {
      // About 50 names the registry does not know: provisional entries, created once each.
      institution = `${LENDER_WORDS[random.int(0, 9)]}${LENDER_WORDS[random.int(30, 34)]}网络借贷信息中介`;
      stats.unknownNames++;
    }
    const p = regionByCode(province(random).code)!;
    const cities = citiesOf(p.code);
    const c = cities.length ? random.pick(cities) : null;
    const provinceText = random.chance(0.5) ? p.nameZh : p.shortZh;
    const cityText = !c || random.chance(0.1) ? '' : random.chance(0.5) ? c.nameZh : c.shortZh;
    const cats = new Set<Category>();
    const nCats = random.int(1, 3);
    while (cats.size < nCats) cats.add(random.pick(categories));
    const catText = [...cats]
      .map((k) => {
        const r = random.next();
        if (r < 0.4) return k;
        if (r < 0.8) return CATEGORY.labels[k].zh;
        return random.pick(CATEGORY_FORMS[k] ?? [CATEGORY.labels[k].zh]);
      })
      .join(random.chance(0.5) ? ';' : '、');
    const chans = new Set<Channel>([random.pick(channels)]);
    if (random.chance(0.4)) chans.add(random.pick(channels));
    const chanText = [...chans]
      .map((k) => {
        const r = random.next();
        if (r < 0.5) return k;
        if (r < 0.8) return CHANNEL.labels[k].zh;
        return random.pick(CHANNEL_FORMS[k] ?? [CHANNEL.labels[k].zh]);
      })
      .join(';');
    let narrative = '';
    if (random.chance(0.3)) {
      stats.narratives++;
      const said = [...cats].slice(0, 2).map((k) => random.pick(ZH_SENTENCES[k]));
      narrative = random.pick(ZH_OPENINGS) + said.join('') + random.pick(ZH_CLOSINGS);
      if (random.chance(0.25)) {
        stats.phones++;
        const phone = `1${random.int(3, 9)}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
        narrative += `催收电话是${phone}，请核查。`;
      }
      // Some writers use ASCII commas and quotes: the cell is then quoted.
      if (random.chance(0.1)) narrative = narrative.replace('，', ', "').replace('。', '"。');
    }
    const status: Status = random.pick(statuses);
    const responded = ['RESPONDED', 'MEDIATED', 'CLOSED'].includes(status);
    const respondedAt = responded ? received + random.int(1, 40) * 86_400_000 : null;
    const incident = random.chance(0.5) ? received - random.int(0, 3 * 86_400) * 1000 : null;
    const amount = random.next();
    const cells = [
      `BENCH-${seed}-${i}`,
      shanghai(received, random.int(0, 2)),
      institution,
      random.chance(0.6) ? agency(random).name : '',
      random.chance(0.8)
        ? random.chance(0.5)
          ? random.pick(PRODUCT.codes)
          : PRODUCT.labels[random.pick(PRODUCT.codes)].zh
        : '',
      provinceText,
      cityText,
      chanText,
      catText,
      narrative,
      amount < 0.15
        ? ''
        : amount < 0.3
          ? `${random.int(1, 30)}万`
          : `${random.int(500, 200_000)}.${two(random.int(0, 99))}`,
      random.chance(0.8)
        ? random.chance(0.5)
          ? `${random.int(1, 720)}天`
          : String(random.int(1, 720))
        : '',
      random.chance(0.5) ? status : STATUS.labels[status].zh,
      responded && random.chance(0.3) ? '已联系客户核实，已要求合作催收机构整改并暂停催收。' : '',
      respondedAt === null || respondedAt > end ? '' : shanghai(respondedAt, 0),
      random.chance(0.8) ? '' : random.pick(['12378', '12315', '消费者协会']),
      incident === null ? '' : shanghai(incident, 0),
      random.chance(0.3)
        ? [...new Set([random.pick(EVIDENCE.codes), random.pick(EVIDENCE.codes)])]
            .map((e) => EVIDENCE.labels[e].zh)
            .join('、')
        : '',
    ];
    chunk += cells.map(csvCell).join(',') + '\n';
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
  stats.bytes = statSync(file).size;
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}

// --- database --------------------------------------------------------------------------------

async function freshDatabase(name: string): Promise<string> {
  const url = await createFreshDatabase(serverUrl, name);
  // Time spent in the rollup trigger functions (pg_stat_user_functions).
  await withClient(`${serverUrl}/postgres`, (c) =>
    c.query(`ALTER DATABASE ${quoteIdent(name)} SET track_functions = 'pl'`),
  );
  return url;
}

const dropDatabase = (name: string) => dropServerDatabase(serverUrl, name);

/** The invented lenders and agencies, as a registry holds them before any import. */
async function seedRegistry(url: string, seed: number): Promise<void> {
  const { lenders, agencies } = registry(new Random(seed));
  await withClient(url, async (c) => {
    await c.query(
      `INSERT INTO institutions (name, credit_code, aliases, synthetic)
       SELECT name, code, string_to_array(aliases, '|'), true
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t(name, code, aliases)`,
      [
        lenders.map((l) => l.name),
        lenders.map((l) => l.creditCode),
        lenders.map((l) => l.aliases.join('|')),
      ],
    );
    await c.query(
      `INSERT INTO collection_agencies (name, credit_code, synthetic)
       SELECT name, code, true FROM unnest($1::text[], $2::text[]) AS t(name, code)`,
      [agencies.map((a) => a.name), agencies.map((a) => a.creditCode)],
    );
  });
}

interface StoreFigures {
  complaints: number;
  withNarrative: number;
  redactedPhones: number;
  provisional: number;
  rollupDaily: number;
  rollupMonthly: number;
  complaintsBytes: number;
  rollupBytes: number;
  triggerCalls: number;
  triggerMs: number;
}

async function storeFigures(url: string): Promise<StoreFigures> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<StoreFigures>(`SELECT
      (SELECT count(*)::int FROM complaints) AS complaints,
      (SELECT count(*)::int FROM complaints WHERE narrative IS NOT NULL) AS "withNarrative",
      (SELECT count(*)::int FROM complaints WHERE narrative LIKE '%[手机号]%') AS "redactedPhones",
      (SELECT count(*)::int FROM institutions WHERE provisional) AS provisional,
      (SELECT count(*)::int FROM rollup_daily) AS "rollupDaily",
      (SELECT count(*)::int FROM rollup_monthly) AS "rollupMonthly",
      pg_total_relation_size('complaints')::float8 AS "complaintsBytes",
      (pg_total_relation_size('rollup_daily') + pg_total_relation_size('rollup_monthly'))::float8 AS "rollupBytes",
      coalesce((SELECT sum(calls)::int FROM pg_stat_user_functions WHERE funcname LIKE 'rollup_on_%'), 0) AS "triggerCalls",
      coalesce((SELECT sum(total_time)::float8 FROM pg_stat_user_functions WHERE funcname LIKE 'rollup_on_%'), 0) AS "triggerMs"`);
    return rows[0]!;
  });
}

async function hardware(): Promise<Record<string, string>> {
  const settings = await withClient(`${serverUrl}/postgres`, async (c) => {
    const { rows } = await c.query<Record<string, string>>(
      `SELECT version() AS version, current_setting('shared_buffers') AS sb, current_setting('work_mem') AS wm,
              current_setting('max_wal_size') AS wal, current_setting('synchronous_commit') AS sc,
              current_setting('fsync') AS fsync`,
    );
    return rows[0]!;
  });
  const cpus = os.cpus();
  return {
    code: gitCommit(ROOT),
    'API build': path.relative(ROOT, apiDist) || '.',
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`,
    memory: gib(os.totalmem()),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgresql: (settings['version'] ?? '').split(' on ')[0] ?? '',
    'postgresql settings': `shared_buffers ${settings['sb']}, work_mem ${settings['wm']}, max_wal_size ${settings['wal']}, synchronous_commit ${settings['sc']}, fsync ${settings['fsync']}`,
    'load average at start': os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', '),
  };
}

// --- process figures (/proc) -----------------------------------------------------------------

function hwmBytes(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

interface Sampler {
  stop(): Promise<{ peak: number; samples: number; pgCpu: number }>;
}

/**
 * Samples the API's RSS every 250 ms and, once a second, the CPU time of the PostgreSQL
 * backends serving the database (the API's pool), read from /proc (same machine).
 */
function sample(pid: number, url: string, database: string): Sampler {
  let peak = rssBytes(pid) ?? 0;
  let samples = 0;
  let running = true;
  const backendStart = new Map<number, number>();
  const backendLast = new Map<number, number>();
  const rss = setInterval(() => {
    const v = rssBytes(pid);
    if (v !== null) {
      samples++;
      if (v > peak) peak = v;
    }
  }, 250);
  const monitor = new pg.Client({ connectionString: url });
  const backends = (async () => {
    await monitor.connect();
    while (running) {
      const { rows } = await monitor.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        [database],
      );
      for (const { pid: b } of rows) {
        const cpu = cpuSeconds(b);
        if (cpu === null) continue;
        if (!backendStart.has(b)) backendStart.set(b, cpu);
        backendLast.set(b, cpu);
      }
      await sleep(1000);
    }
    await monitor.end();
  })();
  return {
    async stop() {
      clearInterval(rss);
      running = false;
      await backends.catch(() => undefined);
      for (const b of backendLast.keys()) {
        const cpu = cpuSeconds(b);
        if (cpu !== null) backendLast.set(b, cpu);
      }
      let pgCpu = 0;
      for (const [b, last] of backendLast) pgCpu += last - (backendStart.get(b) ?? last);
      return { peak, samples, pgCpu };
    },
  };
}

// --- API -------------------------------------------------------------------------------------

type Api = BenchApi;

const startApi = (databaseUrl: string, nodeArgs: string[] = []): Promise<Api> =>
  startBenchApi({ apiDist, databaseUrl, nodeArgs });

interface ImportSummary {
  id: string;
  status: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  error: string | null;
  errors?: { rowNumber: number; field: string; value: string; reason: string }[];
}

/** POSTs the file as the raw body, streamed from disk, and waits for the import's summary. */
async function postFile(api: Api, file: string, databaseUrl: string): Promise<ImportSummary> {
  try {
    const res = await fetch(`${api.url}/api/imports?format=canonical&wait=true`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${api.token}`,
        'content-type': 'application/octet-stream',
        'content-length': String(statSync(file).size),
        'x-filename': encodeURIComponent(path.basename(file)),
      },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    const body = (await res.json()) as ImportSummary;
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
    return body;
  } catch (e) {
    // fetch gives up waiting for an answer after 300 s from the end of the upload; the import
    // goes on in the API, so wait for its run to finish and take its summary from the table.
    if (!/timeout/i.test(String((e as { cause?: unknown }).cause ?? e))) throw e;
    log(`  (no answer yet: ${String(e)}; waiting for the import run to finish)`);
    return withClient(databaseUrl, async (c) => {
      for (;;) {
        const { rows } = await c.query<ImportSummary>(
          `SELECT id::text AS id, status, read, inserted, updated, unchanged, skipped, rejected, error
           FROM import_runs ORDER BY id DESC LIMIT 1`,
        );
        if (rows[0] && rows[0].status !== 'RUNNING') return rows[0];
        await sleep(250);
      }
    });
  }
}

// --- one size --------------------------------------------------------------------------------

interface SizeResult {
  rows: number;
  file: FileStats;
  database: string;
  summary: ImportSummary;
  importSeconds: number;
  importRowsPerSecond: number;
  apiCpuSeconds: number;
  pgCpuSeconds: number;
  rssBefore: number;
  rssPeak: number;
  rssAfter: number;
  rssGrowth: number;
  hwm: number | null;
  rssSamples: number;
  store: StoreFigures;
  copySeconds: number;
  copyRows: number;
  copyRowsPerSecond: number;
}

async function csvFor(rows: number): Promise<{ file: string; stats: FileStats }> {
  mkdirSync(workDir, { recursive: true });
  const file = path.join(workDir, `canonical-${rows}-seed${opts.seed}.csv`);
  log(`writing ${int(rows)} rows to ${file}`);
  const stats = await writeCanonicalCsv(file, rows, Number(opts.seed));
  log(`  ${mb(stats.bytes)} in ${secs(stats.seconds)}`);
  return { file, stats };
}

async function copyBaseline(url: string, file: string): Promise<{ seconds: number; rows: number }> {
  return withClient(url, async (c) => {
    await c.query(`DROP TABLE IF EXISTS bench_copy`);
    await c.query(
      `CREATE TABLE bench_copy (${HEADER.map((h) => `${quoteIdent(h)} text`).join(', ')})`,
    );
    const started = performance.now();
    await pipeline(
      createReadStream(file),
      c.query(copyFrom(`COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER true)`)),
    );
    const seconds = (performance.now() - started) / 1000;
    const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_copy`);
    return { seconds, rows: rows[0]!.n };
  });
}

async function measureSize(
  rows: number,
  csv: { file: string; stats: FileStats },
): Promise<SizeResult> {
  const database = `${opts.database}_${rows}`;
  log(`\n# ${int(rows)} rows: fresh database ${database}`);
  const url = await freshDatabase(database);
  const api = await startApi(url);
  let summary: ImportSummary;
  let importSeconds: number;
  let apiCpuSeconds: number;
  let sampled: Awaited<ReturnType<Sampler['stop']>>;
  let rssBefore: number;
  let rssAfter: number;
  let hwm: number | null;
  try {
    await seedRegistry(url, Number(opts.seed));
    await sleep(2000); // let start-up settle before the baseline
    rssBefore = rssBytes(api.pid) ?? 0;
    const cpuBefore = cpuSeconds(api.pid) ?? 0;
    log(`importing through the API (RSS before: ${mb(rssBefore)})`);
    const sampler = sample(api.pid, url, database);
    const started = performance.now();
    summary = await postFile(api, csv.file, url);
    importSeconds = (performance.now() - started) / 1000;
    apiCpuSeconds = (cpuSeconds(api.pid) ?? cpuBefore) - cpuBefore;
    sampled = await sampler.stop();
    rssAfter = rssBytes(api.pid) ?? 0;
    hwm = hwmBytes(api.pid);
    log(
      `  ${summary.status}: read ${int(summary.read)}, inserted ${int(summary.inserted)}, rejected ${int(summary.rejected)} ` +
        `in ${secs(importSeconds)} (${int(summary.read / importSeconds)} rows/s); RSS peak ${mb(sampled.peak)}`,
    );
    if (summary.error) log(`  error: ${summary.error}`);
    for (const e of summary.errors?.slice(0, 5) ?? [])
      log(`  rejected row ${e.rowNumber} ${e.field} "${e.value}": ${e.reason}`);
  } finally {
    await api.stop();
  }
  const store = await storeFigures(url);
  log(`COPY of the same file into a bare table (${HEADER.length} text columns)`);
  const copy = await copyBaseline(url, csv.file);
  log(
    `  ${int(copy.rows)} rows in ${secs(copy.seconds)} (${int(copy.rows / copy.seconds)} rows/s)`,
  );
  if (!opts.keep) await dropDatabase(database);
  return {
    rows,
    file: csv.stats,
    database,
    summary,
    importSeconds,
    importRowsPerSecond: summary.read / importSeconds,
    apiCpuSeconds,
    pgCpuSeconds: sampled.pgCpu,
    rssBefore,
    rssPeak: sampled.peak,
    rssAfter,
    rssGrowth: sampled.peak - rssBefore,
    hwm,
    rssSamples: sampled.samples,
    store,
    copySeconds: copy.seconds,
    copyRows: copy.rows,
    copyRowsPerSecond: copy.rows / copy.seconds,
  };
}

// --- profile ---------------------------------------------------------------------------------

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a stack's time goes: the nearest frame (from the leaf up) that names a stage. */
const STAGES: [RegExp, string][] = [
  [/node_modules\/csv-parse\//, 'CSV parsing (csv-parse)'],
  [/dist\/ingest\/parse\/text-input/, 'decoding (text-input: encoding check, TextDecoder)'],
  [/dist\/ingest\/parse\//, 'row checks and normalisation (parse/canonical-row, values)'],
  [/libs\/domain\//, 'places, dates, vocabulary (@cw/domain)'],
  [/libs\/text\/(dist|src)\/classify\//, 'classification (@cw/text classify)'],
  [/libs\/text\/(dist|src)\/redact\//, 'redaction (@cw/text redact)'],
  [/libs\/text\//, 'classification (@cw/text classify)'],
  [/dist\/ingest\/registry-resolver/, 'registry lookups (registry-resolver)'],
  [
    /dist\/ingest\/(import\.service|complaint-writer|imports\.controller)/,
    'batching, array parameters (import.service, complaint-writer)',
  ],
  [
    /node_modules\/(pg|pg-protocol|pg-types|pg-pool|postgres-array|typeorm)\//,
    'database driver (pg, TypeORM): encoding parameters, protocol',
  ],
  [/node_modules\/(express|@nestjs|body-parser|raw-body|router)\//, 'HTTP and Nest'],
];

function stageOf(url: string): string | null {
  for (const [re, name] of STAGES) if (re.test(url)) return name;
  return null;
}

/**
 * Milliseconds per stage for the samples taken between `from` and `to` (µs on the monotonic
 * clock that both V8's profiler and process.hrtime read on Linux).
 */
function profileBreakdown(
  profile: CpuProfile,
  from: number,
  to: number,
): { stage: string; ms: number }[] {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const cache = new Map<number, string>();
  const classify = (id: number): string => {
    const hit = cache.get(id);
    if (hit) return hit;
    const node = byId.get(id)!;
    const fn = node.callFrame.functionName;
    let stage: string;
    if (fn === '(idle)') stage = 'idle: waiting for PostgreSQL (and the upload)';
    else if (fn === '(garbage collector)') stage = 'garbage collection';
    else if (fn === '(program)') stage = 'V8/native (program)';
    else {
      stage = stageOf(node.callFrame.url) ?? '';
      if (!stage) {
        const up = parent.get(id);
        stage = up === undefined ? '' : classify(up);
      }
      if (!stage || stage === '(root)') stage = 'other (Node streams, timers, HTTP internals)';
    }
    cache.set(id, stage);
    return stage;
  };
  const totals = new Map<string, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (t < from || t > to) return;
    const stage = classify(id);
    totals.set(stage, (totals.get(stage) ?? 0) + delta / 1000);
  });
  return [...totals].map(([stage, ms]) => ({ stage, ms })).sort((a, b) => b.ms - a.ms);
}

interface ProfileResult {
  rows: number;
  seconds: number;
  stages: { stage: string; ms: number }[];
  window: string;
  triggerMs: number;
  pgCpuSeconds: number;
  file: string;
}

async function profiledImport(csv: {
  file: string;
  stats: FileStats;
}): Promise<ProfileResult | null> {
  const database = `${opts.database}_profile`;
  log(`\n# profile: ${int(csv.stats.rows)} rows with node --cpu-prof (fresh database ${database})`);
  const url = await freshDatabase(database);
  const dir = path.join(workDir, 'profile');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const api = await startApi(url, [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    '--cpu-prof-interval=1000',
  ]);
  let seconds: number;
  let pgCpu: number;
  let from: number;
  let to: number;
  const micros = () => Number(process.hrtime.bigint() / 1000n);
  try {
    await seedRegistry(url, Number(opts.seed));
    const sampler = sample(api.pid, url, database);
    const started = performance.now();
    from = micros();
    const summary = await postFile(api, csv.file, url);
    to = micros();
    seconds = (performance.now() - started) / 1000;
    pgCpu = (await sampler.stop()).pgCpu;
    log(`  ${summary.status}: ${int(summary.read)} rows in ${secs(seconds)} (profiled, slower)`);
  } finally {
    await api.stop();
  }
  const store = await storeFigures(url);
  if (!opts.keep) await dropDatabase(database);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) {
    log('  no .cpuprofile was written');
    return null;
  }
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
  // Only the import: start-up, login and shutdown are left out.
  let stages = profileBreakdown(profile, from, to);
  let window = 'the import only';
  if (!stages.length) {
    stages = profileBreakdown(profile, -Infinity, Infinity);
    window = "the API's whole life (the clocks did not line up)";
  }
  return {
    rows: csv.stats.rows,
    seconds,
    stages,
    window,
    triggerMs: store.triggerMs,
    pgCpuSeconds: pgCpu,
    file: path.join(dir, file),
  };
}

// --- the run ---------------------------------------------------------------------------------

async function main(): Promise<void> {
  const startedAt = new Date();
  log(`ingest benchmark, ${startedAt.toISOString()}`);
  log(`command: npm run bench:ingest -- ${process.argv.slice(2).join(' ')}`);
  const hw = await hardware();
  const sizes = [...new Set([smallRows, mainRows].filter((n) => n > 0))].sort((a, b) => a - b);
  const results: SizeResult[] = [];
  const files = new Map<number, { file: string; stats: FileStats }>();
  for (const rows of sizes) {
    const csv = await csvFor(rows);
    files.set(rows, csv);
    results.push(await measureSize(rows, csv));
  }
  let profile: ProfileResult | null = null;
  if (opts.profile) profile = await profiledImport(files.get(sizes[0]!)!);
  if (!opts.keep) for (const { file } of files.values()) rmSync(file, { force: true });

  log();
  log('## Hardware');
  log(table(['', 'value'], Object.entries(hw)));
  log();
  log('## Data');
  log(
    table(
      ['', ...results.map((r) => `${int(r.rows)} rows`)],
      [
        ['CSV file', ...results.map((r) => mb(r.file.bytes))],
        ['columns', ...results.map(() => String(HEADER.length))],
        [
          'rows with a narrative',
          ...results.map((r) => `${int(r.file.narratives)} (${pct(r.file.narratives, r.rows)})`),
        ],
        ['narratives with a mobile number', ...results.map((r) => int(r.file.phones))],
        ['rows naming an unknown institution', ...results.map((r) => int(r.file.unknownNames))],
        ['complaints stored', ...results.map((r) => int(r.store.complaints))],
        ['narratives stored with [手机号]', ...results.map((r) => int(r.store.redactedPhones))],
        ['provisional institutions created', ...results.map((r) => int(r.store.provisional))],
        [
          'rollup_daily / rollup_monthly rows',
          ...results.map((r) => `${int(r.store.rollupDaily)} / ${int(r.store.rollupMonthly)}`),
        ],
        ['complaints table + indexes', ...results.map((r) => mb(r.store.complaintsBytes))],
        ['rollup tables + indexes', ...results.map((r) => mb(r.store.rollupBytes))],
      ],
    ),
  );
  log();
  log('## Speed');
  log(
    table(
      ['', ...results.map((r) => `${int(r.rows)} rows`)],
      [
        [
          'import status',
          ...results.map(
            (r) =>
              `${r.summary.status} (${int(r.summary.inserted)} inserted, ${int(r.summary.rejected)} rejected)`,
          ),
        ],
        ['import, end to end', ...results.map((r) => secs(r.importSeconds))],
        ['import rows/s', ...results.map((r) => int(r.importRowsPerSecond))],
        ['COPY into a bare table', ...results.map((r) => secs(r.copySeconds))],
        ['COPY rows/s', ...results.map((r) => int(r.copyRowsPerSecond))],
        [
          'import / COPY',
          ...results.map((r) => `${(r.importRowsPerSecond / r.copyRowsPerSecond).toFixed(3)}×`),
        ],
        [
          'API CPU (user + system)',
          ...results.map(
            (r) => `${secs(r.apiCpuSeconds)} (${pct(r.apiCpuSeconds, r.importSeconds)} of wall)`,
          ),
        ],
        [
          'PostgreSQL backend CPU',
          ...results.map(
            (r) => `${secs(r.pgCpuSeconds)} (${pct(r.pgCpuSeconds, r.importSeconds)} of wall)`,
          ),
        ],
        [
          'in rollup triggers',
          ...results.map(
            (r) => `${secs(r.store.triggerMs / 1000)} (${int(r.store.triggerCalls)} calls)`,
          ),
        ],
      ],
    ),
  );
  log();
  log('## API memory (RSS, sampled every 250 ms from /proc/<pid>/status)');
  log(
    table(
      ['', ...results.map((r) => `${int(r.rows)} rows`)],
      [
        ['file size', ...results.map((r) => mb(r.file.bytes))],
        ['RSS before', ...results.map((r) => mb(r.rssBefore))],
        ['RSS peak', ...results.map((r) => mb(r.rssPeak))],
        ['peak growth', ...results.map((r) => mb(r.rssGrowth))],
        ['RSS after', ...results.map((r) => mb(r.rssAfter))],
        ['VmHWM (peak since start)', ...results.map((r) => (r.hwm === null ? '—' : mb(r.hwm)))],
        ['samples', ...results.map((r) => int(r.rssSamples))],
      ],
    ),
  );
  if (profile) {
    log();
    log(
      `## Profile (${int(profile.rows)} rows, node --cpu-prof, ${secs(profile.seconds)} end to end; ` +
        `samples of ${profile.window})`,
    );
    const total = profile.stages.reduce((s, x) => s + x.ms, 0);
    log(
      table(
        ['API main thread', 'ms', 'share'],
        profile.stages.map((s) => [s.stage, int(s.ms), pct(s.ms, total)]),
      ),
    );
    log(
      `PostgreSQL during that import: backend CPU ${secs(profile.pgCpuSeconds)}, of which rollup triggers ${secs(profile.triggerMs / 1000)}`,
    );
    log(`profile: ${profile.file}`);
  }

  const main = results.find((r) => r.rows === mainRows) ?? results[results.length - 1]!;
  const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
  const ratio = main.importRowsPerSecond / main.copyRowsPerSecond;
  log();
  log(`## Goals (${int(main.rows)} rows)`);
  log(
    table(
      ['goal', 'measured', ''],
      [
        [
          `≥ ${int(GOALS.rowsPerSecond)} rows/s end to end`,
          `${int(main.importRowsPerSecond)} rows/s`,
          verdict(
            main.importRowsPerSecond >= GOALS.rowsPerSecond && main.summary.status === 'SUCCEEDED',
          ),
        ],
        [
          `≥ ${GOALS.copyRatio} × COPY of the same file`,
          `${ratio.toFixed(3)}× (COPY ${int(main.copyRowsPerSecond)} rows/s)`,
          verdict(ratio >= GOALS.copyRatio),
        ],
        [
          `API peak RSS growth < ${GOALS.growthMb} MB`,
          mb(main.rssGrowth),
          verdict(main.rssGrowth < GOALS.growthMb * 1024 ** 2),
        ],
      ],
    ),
  );

  if (opts.json) {
    writeFileSync(
      opts.json,
      JSON.stringify(
        { startedAt, args: process.argv.slice(2), hardware: hw, results, profile },
        null,
        2,
      ),
    );
    log(`raw figures written to ${opts.json}`);
  }
}

main().catch((e: unknown) => {
  // A benchmark reports: say what went wrong, but do not fail the shell.
  console.error(`benchmark stopped: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
});

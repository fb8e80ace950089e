// The raw export's one SELECT: the filtered complaints (scope applied by complaintCondition),
// every value already formatted as the file shows it. Times are Beijing wall time, codes are
// written as labels in the export's language, and text a spreadsheet would run as a formula
// is defused in SQL, so the CSV written by PostgreSQL's COPY and the rows read through a
// cursor come out byte for byte the same. Narratives are stored redacted; nothing else that
// is free text from a complainant is exported.
import {
  CATEGORY,
  CHANNEL,
  EVIDENCE,
  PRODUCT,
  SOURCE,
  STATUS,
  TIMELY_RESPONSE_DAYS,
  type ComplaintFilter,
  type Label,
  type Lang,
} from '@cw/domain';
import type { Scope } from '../auth/roles.js';
import { complaintCondition } from '../analytics/filter-sql.js';

/** A constant of ours as an SQL string literal. */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Text as a spreadsheet must show it: a leading =, +, -, @, tab or CR gets a quote. */
const defused = (expr: string) =>
  `CASE WHEN left(${expr}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || ${expr} ELSE ${expr} END`;

/** A code column shown as its label in `lang` (unknown codes as themselves). */
function labelOf(expr: string, labels: Readonly<Record<string, Label>>, lang: Lang): string {
  const whens = Object.entries(labels)
    .map(([code, label]) => `WHEN ${literal(code)} THEN ${literal(label[lang])}`)
    .join(' ');
  return `CASE ${expr} ${whens} ELSE ${expr} END`;
}

/**
 * A set column as its labels joined with "; ". Nested array_replace calls rather than a
 * subquery over unnest: no sub-plan a row, which made the export twice as slow.
 */
function labelsOf(expr: string, labels: Readonly<Record<string, Label>>, lang: Lang): string {
  let mapped = expr;
  for (const [code, label] of Object.entries(labels))
    mapped = `array_replace(${mapped}, ${literal(code)}, ${literal(label[lang])})`;
  return `array_to_string(${mapped}, '; ')`;
}

const beijing = (expr: string) =>
  `to_char(${expr} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS')`;

interface ExportColumn {
  header: Label;
  sql: (lang: Lang) => string;
  /** Written as a number in XLSX (CSV holds text either way). */
  numeric?: true;
}

const COLUMNS: ExportColumn[] = [
  { header: { zh: '编号', en: 'ID' }, sql: () => `c.id::text`, numeric: true },
  { header: { zh: '来源', en: 'Source' }, sql: (l) => labelOf('c.source', SOURCE.labels, l) },
  { header: { zh: '来源编号', en: 'Source reference' }, sql: () => defused('c.external_id') },
  {
    header: { zh: '受理时间（北京时间）', en: 'Received (Beijing time)' },
    sql: () => beijing('c.received_at'),
  },
  {
    header: { zh: '发生时间（北京时间）', en: 'Incident (Beijing time)' },
    sql: () => beijing('c.incident_at'),
  },
  { header: { zh: '机构', en: 'Institution' }, sql: () => defused('i.name') },
  { header: { zh: '催收机构', en: 'Collection agency' }, sql: () => defused('a.name') },
  { header: { zh: '产品', en: 'Product' }, sql: (l) => labelOf('c.product', PRODUCT.labels, l) },
  { header: { zh: '省份代码', en: 'Province code' }, sql: () => `c.province_code` },
  { header: { zh: '省份', en: 'Province' }, sql: (l) => (l === 'zh' ? 'p.name_zh' : 'p.name_en') },
  { header: { zh: '城市代码', en: 'City code' }, sql: () => `c.city_code` },
  { header: { zh: '城市', en: 'City' }, sql: (l) => (l === 'zh' ? 'ct.name_zh' : 'ct.name_en') },
  {
    header: { zh: '催收渠道', en: 'Channels' },
    sql: (l) => labelsOf('c.channels', CHANNEL.labels, l),
  },
  {
    header: { zh: '申报类别', en: 'Categories declared' },
    sql: (l) => labelsOf('c.categories_declared', CATEGORY.labels, l),
  },
  {
    header: { zh: '识别类别', en: 'Categories detected' },
    sql: (l) => labelsOf('c.categories_detected', CATEGORY.labels, l),
  },
  { header: { zh: '状态', en: 'Status' }, sql: (l) => labelOf('c.status', STATUS.labels, l) },
  {
    header: { zh: '机构答复时间（北京时间）', en: 'Answered (Beijing time)' },
    sql: () => beijing('c.responded_at'),
  },
  {
    header: { zh: '15日内答复', en: 'Answered within 15 days' },
    sql: (l) =>
      `CASE WHEN c.responded_at <= c.received_at + interval '${TIMELY_RESPONSE_DAYS * 24} hours' THEN ${literal(l === 'zh' ? '是' : 'yes')} ELSE ${literal(l === 'zh' ? '否' : 'no')} END`,
  },
  {
    header: { zh: '欠款金额（元）', en: 'Amount owed (CNY)' },
    sql: () => `c.amount_owed::text`,
    numeric: true,
  },
  {
    header: { zh: '逾期天数', en: 'Days overdue' },
    sql: () => `c.overdue_days::text`,
    numeric: true,
  },
  {
    header: { zh: '证据', en: 'Evidence' },
    sql: (l) => labelsOf('c.evidence', EVIDENCE.labels, l),
  },
  {
    header: { zh: '投诉内容（已脱敏）', en: 'Narrative (redacted)' },
    sql: () => defused('c.narrative'),
  },
];

export function exportHeaders(lang: Lang): string[] {
  return COLUMNS.map((c) => c.header[lang]);
}

/** For each column, whether it holds a number. */
export function exportNumericColumns(): boolean[] {
  return COLUMNS.map((c) => c.numeric === true);
}

export interface ExportQuery {
  sql: string;
  params: unknown[];
}

/**
 * The SELECT of the export; every column is text. No ORDER BY: sorting a million joined
 * rows took longer than reading them, so rows come in storage order (sort by id or date).
 */
export function complaintExportQuery(
  scope: Scope,
  filter: ComplaintFilter,
  lang: Lang,
): ExportQuery {
  const where = complaintCondition(scope, filter);
  const select = COLUMNS.map((c, i) => `${c.sql(lang)} AS c${i}`).join(',\n       ');
  return {
    sql: `SELECT ${select}
FROM complaints c
JOIN institutions i ON i.id = c.institution_id
LEFT JOIN collection_agencies a ON a.id = c.agency_id
JOIN regions p ON p.code = c.province_code
LEFT JOIN regions ct ON ct.code = c.city_code
WHERE ${where.sql}`,
    params: where.params,
  };
}

/** How many rows the export holds (the same scope and filter). */
export function complaintCountQuery(scope: Scope, filter: ComplaintFilter): ExportQuery {
  const where = complaintCondition(scope, filter);
  return {
    sql: `SELECT count(*)::int AS n FROM complaints c WHERE ${where.sql}`,
    params: where.params,
  };
}

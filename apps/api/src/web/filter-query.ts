// The complaint filter as REST query parameters, for report and export downloads:
//   ?from=2026-07-01&to=2026-09-30&provinceCodes=440000,450000&categories=THREAT
// A list field may be repeated or comma-separated. Unlike the dashboard's URL (which drops
// what it cannot read), a download refuses a bad parameter with its name and the reason:
// a report must never silently cover more than was asked.
import { complaintFilterSchema, normalizeFilter, type ComplaintFilter } from '@cw/domain';
import { AppError } from '../graphql/app-error.js';

export type QueryParams = Record<string, unknown>;

const FILTER_KEYS = Object.keys(complaintFilterSchema.shape) as (keyof ComplaintFilter)[];

/** True for the filter fields that hold lists (read from the shared schema). */
function isListField(key: string): boolean {
  const field = complaintFilterSchema.shape[key as keyof typeof complaintFilterSchema.shape];
  return field.unwrap().def.type === 'array';
}

function strings(value: unknown): string[] {
  const all = Array.isArray(value) ? value : [value];
  return all.filter((v): v is string => typeof v === 'string');
}

/** The filter fields among `query`; every other parameter is left to the caller. */
export function filterFromQuery(query: QueryParams): ComplaintFilter {
  const candidate: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    if (query[key] === undefined) continue;
    const values = strings(query[key]);
    if (isListField(key)) {
      const items = values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
      if (items.length) candidate[key] = items;
    } else {
      if (values.length !== 1) throw badParam(key, 'must be given once');
      const value = values[0]!.trim();
      if (value) candidate[key] = value;
    }
  }
  const parsed = complaintFilterSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? 'filter');
    const at = issue?.path.length === 2 ? ` (item ${Number(issue.path[1]) + 1})` : '';
    throw badParam(key, `${issue?.message ?? 'invalid'}${at}`);
  }
  return normalizeFilter(parsed.data);
}

export function badParam(name: string, reason: string): AppError {
  return new AppError('BAD_USER_INPUT', `${name}: ${reason}`, { field: name });
}

/** One optional parameter out of a fixed set of values. */
export function choiceParam<T extends string>(
  query: QueryParams,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = query[name];
  if (value === undefined) return fallback;
  const found = choices.find((c) => c === value);
  if (!found) throw badParam(name, `must be one of ${choices.join(', ')}`);
  return found;
}

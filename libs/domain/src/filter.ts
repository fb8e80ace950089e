// The complaint filter: one schema for the dashboard's URL state, the GraphQL input and
// the report endpoints, so every door accepts and refuses the same things.
import { z } from 'zod';
import { isCalendarDate, INTERVALS } from './calendar.js';
import { CATEGORY, CHANNEL, PRODUCT, SOURCE } from './vocabulary.js';

/** Most values one filter list may hold: a larger list is a mistake or an attack. */
export const MAX_FILTER_VALUES = 200;

/** Earliest and latest day a filter may name. */
export const MIN_FILTER_DATE = '2000-01-01';
export const MAX_FILTER_DATE = '2099-12-31';

export const DIMENSIONS = [
  'INSTITUTION',
  'AGENCY',
  'INSTITUTION_TYPE',
  'PROVINCE',
  'CITY',
  'CATEGORY',
  'CHANNEL',
  'SOURCE',
  'PRODUCT',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Breakdowns in which one complaint can fall into several series. */
export const MULTI_VALUED_DIMENSIONS: readonly Dimension[] = ['CATEGORY', 'CHANNEL'];

const calendarDate = z
  .string()
  .refine(isCalendarDate, { message: 'must be a calendar date written YYYY-MM-DD' })
  .refine((d) => d >= MIN_FILTER_DATE && d <= MAX_FILTER_DATE, {
    message: `must be between ${MIN_FILTER_DATE} and ${MAX_FILTER_DATE}`,
  });

const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_FILTER_VALUES);
const oneOf = (codes: readonly string[]) => z.enum(codes as [string, ...string[]]);

/** Registry ids are positive integers, written as strings (GraphQL ID). */
const id = z.string().regex(/^[1-9]\d{0,17}$/, { message: 'must be a registry id' });
/** GB/T 2260 codes are six digits; US states (CFPB data) are US-XX. */
const regionCode = z
  .string()
  .regex(/^(\d{6}|US-[A-Z]{2})$/, { message: 'must be a six-digit region code' });

export const complaintFilterSchema = z
  .object({
    from: calendarDate.optional(),
    to: calendarDate.optional(),
    institutionIds: list(id).optional(),
    agencyIds: list(id).optional(),
    provinceCodes: list(regionCode).optional(),
    cityCodes: list(regionCode).optional(),
    categories: list(oneOf(CATEGORY.codes)).optional(),
    channels: list(oneOf(CHANNEL.codes)).optional(),
    sources: list(oneOf(SOURCE.codes)).optional(),
    products: list(oneOf(PRODUCT.codes)).optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: '`from` must not be after `to`',
    path: ['to'],
  });

export type ComplaintFilter = z.infer<typeof complaintFilterSchema>;

export const intervalSchema = z.enum(INTERVALS);
export const dimensionSchema = z.enum(DIMENSIONS);

/** Drops empty lists and absent values so that equal filters look equal (URLs, cache keys). */
export function normalizeFilter(filter: ComplaintFilter): ComplaintFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      out[key] = [...new Set(value)].sort();
    } else out[key] = value;
  }
  return out as ComplaintFilter;
}

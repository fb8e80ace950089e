// The intake form's input, checked like an imported row (same rules, same messages).
import { randomUUID } from 'node:crypto';
import { citiesOf, PROVINCES, regionByCode } from '@cw/domain';
import { AppError } from '../graphql/app-error.js';
import type { ParsedComplaint } from './ingest-row.js';
import type { IntakeInput } from './ingest.model.js';

const bad = (field: string, message: string) =>
  new AppError('BAD_USER_INPUT', `input.${field}: ${message}`, { field: `input.${field}` });

export function intakeToComplaint(input: IntakeInput, now = new Date()): ParsedComplaint {
  const institution = input.institution.normalize('NFKC').trim();
  if (!institution) throw bad('institution', 'is required');
  if (institution.length > 200) throw bad('institution', 'must be at most 200 characters');
  if (input.agency && input.agency.trim().length > 200)
    throw bad('agency', 'must be at most 200 characters');
  if (Number.isNaN(input.receivedAt.getTime())) throw bad('receivedAt', 'is not a time');
  if (input.receivedAt.getTime() > now.getTime() + 86_400_000)
    throw bad('receivedAt', 'is in the future');
  if (input.receivedAt.getTime() < Date.parse('2000-01-01T00:00:00+08:00'))
    throw bad('receivedAt', 'is before 2000');
  if (!PROVINCES.some((p) => p.code === input.provinceCode))
    throw bad('provinceCode', 'is not a province code');
  if (input.cityCode && !citiesOf(input.provinceCode).some((c) => c.code === input.cityCode)) {
    throw bad(
      'cityCode',
      `is not a city of ${regionByCode(input.provinceCode)?.nameZh ?? input.provinceCode}`,
    );
  }
  if (input.narrative && input.narrative.length > 20_000)
    throw bad('narrative', 'must be at most 20000 characters');
  if (input.amountOwed != null && !(input.amountOwed >= 0 && input.amountOwed < 1e12))
    throw bad('amountOwed', 'must be a non-negative amount');
  if (
    input.overdueDays != null &&
    !(Number.isInteger(input.overdueDays) && input.overdueDays >= 0)
  ) {
    throw bad('overdueDays', 'must be a whole number of days');
  }
  return {
    rowNumber: 1,
    source: 'INTAKE',
    externalId: `INTAKE-${randomUUID()}`,
    receivedAt: input.receivedAt,
    incidentAt: null,
    institution,
    agency: input.agency?.trim() || null,
    product: input.product ?? null,
    provinceCode: input.provinceCode,
    cityCode: input.cityCode ?? null,
    channels: [...new Set(input.channels ?? [])],
    categoriesDeclared: [...new Set(input.categories ?? [])],
    narrative: input.narrative?.trim() || null,
    amountOwed: input.amountOwed ?? null,
    overdueDays: input.overdueDays ?? null,
    status: 'RECEIVED',
    institutionResponse: null,
    respondedAt: null,
    evidence: [...new Set(input.evidence ?? [])],
  };
}

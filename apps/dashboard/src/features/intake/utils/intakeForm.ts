// The intake form's draft, its checks, the input it sends, and where an API error shows.
import type { Category, Channel, Evidence, Lang, Product } from '@cw/domain';
import type { ApiError } from '../../../app/errors';
import { translate, type MessageKey } from '../../../app/i18n';
import type { IntakeInput } from '../graphql/submitComplaint';
import { isInFuture, localToIso, toShanghaiLocal } from './receivedAt';

/** A registry entry (id) or a name typed by the operator (id null: a provisional entry). */
export interface InstitutionChoice {
  id: string | null;
  name: string;
}

export interface IntakeDraft {
  /** datetime-local text, Beijing time. */
  receivedAt: string;
  institution: InstitutionChoice | null;
  /** What is typed in the institution box; sent when nothing was picked. */
  institutionQuery: string;
  agency: string;
  product: Product | '';
  provinceCode: string;
  cityCode: string;
  channels: Channel[];
  categories: Category[];
  narrative: string;
  /** As typed: digits, maybe full-width, with separators. */
  amountOwed: string;
  overdueDays: string;
  evidence: Evidence[];
}

export const INTAKE_FIELDS = [
  'receivedAt',
  'institution',
  'agency',
  'product',
  'provinceCode',
  'cityCode',
  'channels',
  'categories',
  'narrative',
  'amountOwed',
  'overdueDays',
  'evidence',
] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];

export type IntakeErrors = Partial<Record<IntakeField, string>>;

export interface IntakeFormError {
  /** The field to show the message next to; null for the form as a whole. */
  field: IntakeField | null;
  message: string;
}

export function emptyDraft(now: Date): IntakeDraft {
  return {
    receivedAt: toShanghaiLocal(now),
    institution: null,
    institutionQuery: '',
    agency: '',
    product: '',
    provinceCode: '',
    cityCode: '',
    channels: [],
    categories: [],
    narrative: '',
    amountOwed: '',
    overdueDays: '',
    evidence: [],
  };
}

/** The institution to send: the picked entry's name, else the text typed. */
export function institutionText(draft: IntakeDraft): string {
  return (draft.institution?.name ?? draft.institutionQuery).trim();
}

/** Full-width digits and punctuation (typed with a Chinese IME) as ASCII, spaces removed. */
function normalizeNumber(text: string): string {
  return text.normalize('NFKC').replace(/[\s,_]/g, '');
}

/** '50,000' / '５００００元' / '¥1200.50' → a number ≥ 0; null when empty; NaN when not one. */
export function parseAmount(text: string): number | null {
  const t = normalizeNumber(text).replace(/^[¥]/, '').replace(/元$/, '');
  if (t === '') return null;
  if (!/^\d+(\.\d+)?$/.test(t)) return Number.NaN;
  return Number(t);
}

/** '30' / '３０天' → a whole number ≥ 0; null when empty; NaN when not one. */
export function parseDays(text: string): number | null {
  const t = normalizeNumber(text).replace(/天$/, '');
  if (t === '') return null;
  if (!/^\d+$/.test(t)) return Number.NaN;
  return Number(t);
}

/** Every problem the API would also refuse, by field; empty when none. */
export function validateIntake(draft: IntakeDraft, now: Date, lang: Lang): IntakeErrors {
  const t = (key: MessageKey) => translate(lang, key);
  const errors: IntakeErrors = {};
  if (localToIso(draft.receivedAt) === null) errors.receivedAt = t('err.receivedAtRequired');
  else if (isInFuture(draft.receivedAt, now)) errors.receivedAt = t('err.receivedAtFuture');
  if (institutionText(draft) === '') errors.institution = t('err.institutionRequired');
  if (draft.provinceCode === '') errors.provinceCode = t('err.provinceRequired');
  if (Number.isNaN(parseAmount(draft.amountOwed))) errors.amountOwed = t('err.amountInvalid');
  if (Number.isNaN(parseDays(draft.overdueDays))) errors.overdueDays = t('err.overdueInvalid');
  return errors;
}

/** The first field with a problem, in the order the form shows them. */
export function firstErrorField(errors: IntakeErrors): IntakeField | null {
  return INTAKE_FIELDS.find((f) => errors[f] !== undefined) ?? null;
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The mutation's input from a draft that passed validateIntake. */
export function toIntakeInput(draft: IntakeDraft): IntakeInput {
  return {
    receivedAt: localToIso(draft.receivedAt) ?? draft.receivedAt,
    institution: institutionText(draft),
    agency: orNull(draft.agency),
    product: draft.product === '' ? null : draft.product,
    provinceCode: draft.provinceCode,
    cityCode: draft.cityCode === '' ? null : draft.cityCode,
    channels: draft.channels,
    categories: draft.categories,
    narrative: orNull(draft.narrative),
    amountOwed: parseAmount(draft.amountOwed),
    overdueDays: parseDays(draft.overdueDays),
    evidence: draft.evidence,
  };
}

/** 'input.provinceCode' (or 'input.channels[1]', 'cityCode') → 'provinceCode'. */
export function intakeFieldOf(apiField: string | null): IntakeField | null {
  if (!apiField) return null;
  const name = apiField.replace(/^input\./, '').split(/[.[]/)[0];
  return INTAKE_FIELDS.find((f) => f === name) ?? null;
}

const REQUIRED_MESSAGES: Partial<Record<IntakeField, MessageKey>> = {
  receivedAt: 'err.receivedAtRequired',
  institution: 'err.institutionRequired',
  provinceCode: 'err.provinceRequired',
};

/**
 * An API error as a message next to the field it names (or for the whole form). The API
 * speaks English: a missing required value is said in the page's language, anything else
 * is shown as the API wrote it.
 */
export function intakeErrorFromApi(error: ApiError | null, lang: Lang): IntakeFormError {
  if (!error) return { field: null, message: translate(lang, 'err.network') };
  if (error.code === 'FORBIDDEN') return { field: null, message: translate(lang, 'err.forbidden') };
  const field = intakeFieldOf(error.field);
  const required = field ? REQUIRED_MESSAGES[field] : undefined;
  if (required && /required|empty|missing|blank/i.test(error.message)) {
    return { field, message: translate(lang, required) };
  }
  if (field === 'receivedAt' && /future/i.test(error.message)) {
    return { field, message: translate(lang, 'err.receivedAtFuture') };
  }
  return { field, message: translate(lang, 'err.intakeServer', { message: error.message }) };
}

// The intake form: when, against whom, where, how and what, as told on the phone. The
// narrative is analysed as it is typed; the suggestions are the operator's to accept. A
// problem shows next to its field, whether found here or named by the API.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from '@apollo/client/react';
import { CATEGORY, CHANNEL, citiesOf, EVIDENCE, PRODUCT, regionName } from '@cw/domain';
import { apiError } from '../../../app/errors';
import { useI18n } from '../../../app/I18nProvider';
import { ProvinceFilter } from '../../trends/components/ProvinceFilter';
import { SUBMIT_COMPLAINT, type SubmittedComplaint } from '../graphql/submitComplaint';
import { useNarrativeAnalysis } from '../hooks/useNarrativeAnalysis';
import {
  emptyDraft,
  firstErrorField,
  intakeErrorFromApi,
  toIntakeInput,
  validateIntake,
  type IntakeDraft,
  type IntakeErrors,
  type IntakeField,
  type IntakeFormError,
} from '../utils/intakeForm';
import { toShanghaiLocal } from '../utils/receivedAt';
import { accept, pendingSuggestions, type Suggestion } from '../utils/suggestions';
import { CodeCheckboxes } from './CodeCheckboxes';
import { InstitutionPicker } from './InstitutionPicker';
import { NarrativeAssist } from './NarrativeAssist';

interface Props {
  onSubmitted: (complaint: SubmittedComplaint) => void;
  /** The API says this user may not use the form. */
  onForbidden: () => void;
}

export function IntakeForm({ onSubmitted, onForbidden }: Props) {
  const { t, lang } = useI18n();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<IntakeDraft>(() => emptyDraft(new Date()));
  // Once a submit found problems, the form keeps checking as the operator corrects them.
  const [checking, setChecking] = useState(false);
  const [serverError, setServerError] = useState<IntakeFormError | null>(null);
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  const [submit, submitting] = useMutation(SUBMIT_COMPLAINT);

  const analysis = useNarrativeAnalysis(draft.narrative);
  const suggestions = pendingSuggestions(analysis.analysis, draft);
  const analysisForbidden = analysis.forbidden;
  useEffect(() => {
    if (analysisForbidden) onForbidden();
  }, [analysisForbidden, onForbidden]);

  const errors: IntakeErrors = checking ? validateIntake(draft, new Date(), lang) : {};
  if (serverError?.field && !errors[serverError.field]) {
    errors[serverError.field] = serverError.message;
  }

  const change = (patch: Partial<IntakeDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    const field = serverError?.field;
    if (field && (field in patch || (field === 'institution' && 'institutionQuery' in patch))) {
      setServerError(null);
    }
  };

  const acceptSuggestion = (s: Suggestion) => {
    setDraft((d) => ({ ...d, ...accept(d, s) }));
    setAccepted((a) => new Set(a).add(s.code));
  };

  // Takes the operator to the first field with a problem. A type-ahead box opens its list
  // when focused, which would cover the message: it is only scrolled to.
  const focusField = (field: IntakeField) => {
    // After the render that shows the message.
    window.requestAnimationFrame(() => {
      const box = formRef.current?.querySelector<HTMLElement>(`[data-field="${field}"]`);
      const input = box?.querySelector<HTMLElement>('input, select, textarea');
      if (!box || !input) return;
      if (input.getAttribute('role') === 'combobox') {
        box.scrollIntoView({ block: 'center', behavior: 'smooth' });
      } else {
        input.focus();
      }
    });
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting.loading) return;
    const found = validateIntake(draft, new Date(), lang);
    const first = firstErrorField(found);
    if (first) {
      setChecking(true);
      focusField(first);
      return;
    }
    setServerError(null);
    try {
      const result = await submit({ variables: { input: toIntakeInput(draft) } });
      if (result.data) onSubmitted(result.data.submitComplaint);
    } catch (e) {
      const failure = intakeErrorFromApi(apiError(e), lang);
      setServerError(failure);
      if (failure.field) focusField(failure.field);
    }
  };

  const errorId = (field: IntakeField) => `${id}-${field}-error`;
  const errorAt = (field: IntakeField): ReactNode =>
    errors[field] ? (
      <p
        id={errorId(field)}
        className="field-error"
        role="alert"
        data-testid="intake-error"
        data-field={field}
      >
        {errors[field]}
      </p>
    ) : null;
  const invalid = (field: IntakeField) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {};
  const required = (
    <span className="required-mark" aria-hidden="true">
      {' *'}
    </span>
  );

  const cities = draft.provinceCode ? citiesOf(draft.provinceCode) : [];

  return (
    <form
      ref={formRef}
      className="intake-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      <h3 id={`${id}-title`} className="visually-hidden">
        {t('intakeTitle')}
      </h3>
      <div className="intake-grid">
        <div className="field" data-field="receivedAt">
          <label className="field-label" htmlFor={`${id}-receivedAt`}>
            {t('receivedAt')}
            {required}
          </label>
          <input
            id={`${id}-receivedAt`}
            className="text-input"
            data-testid="intake-received-at"
            type="datetime-local"
            required
            max={toShanghaiLocal(new Date())}
            value={draft.receivedAt}
            onChange={(e) => change({ receivedAt: e.target.value })}
            {...invalid('receivedAt')}
          />
          {errorAt('receivedAt')}
        </div>
        <div className="field intake-span-2" data-field="institution">
          <InstitutionPicker
            label={`${t('institution')} *`}
            required
            testId="intake-institution"
            value={draft.institution}
            onChange={(institution) => change({ institution })}
            query={draft.institutionQuery}
            onQueryChange={(institutionQuery) => change({ institutionQuery })}
            invalid={Boolean(errors.institution)}
            describedBy={errors.institution ? errorId('institution') : `${id}-institution-hint`}
          />
          <p id={`${id}-institution-hint`} className="field-hint">
            {t('institutionHint')}
          </p>
          {errorAt('institution')}
        </div>

        <div className="field" data-field="provinceCode">
          <ProvinceFilter
            label={`${t('province')} *`}
            required
            testId="intake-province"
            closeOnPick
            codes={draft.provinceCode ? [draft.provinceCode] : []}
            // One province: a new pick replaces the last.
            onChange={(codes) =>
              change({ provinceCode: codes[codes.length - 1] ?? '', cityCode: '' })
            }
            invalid={Boolean(errors.provinceCode)}
            describedBy={errors.provinceCode ? errorId('provinceCode') : undefined}
          />
          {errorAt('provinceCode')}
        </div>
        <div className="field" data-field="cityCode">
          <label className="field-label" htmlFor={`${id}-city`}>
            {t('city')}
          </label>
          <select
            id={`${id}-city`}
            data-testid="intake-city"
            value={draft.cityCode}
            disabled={cities.length === 0}
            onChange={(e) => change({ cityCode: e.target.value })}
            {...invalid('cityCode')}
          >
            <option value="">
              {draft.provinceCode ? t('notStated') : t('cityChooseProvince')}
            </option>
            {cities.map((c) => (
              <option key={c.code} value={c.code}>
                {regionName(c.code, lang)}
              </option>
            ))}
          </select>
          {errorAt('cityCode')}
        </div>
        <div className="field" data-field="product">
          <label className="field-label" htmlFor={`${id}-product`}>
            {t('product')}
          </label>
          <select
            id={`${id}-product`}
            data-testid="intake-product"
            value={draft.product}
            onChange={(e) => {
              const value = e.target.value;
              change({ product: PRODUCT.is(value) ? value : '' });
            }}
            {...invalid('product')}
          >
            <option value="">{t('notStated')}</option>
            {PRODUCT.codes.map((p) => (
              <option key={p} value={p}>
                {PRODUCT.labels[p][lang]}
              </option>
            ))}
          </select>
          {errorAt('product')}
        </div>

        <div className="field" data-field="agency">
          <label className="field-label" htmlFor={`${id}-agency`}>
            {t('agency')}
          </label>
          <input
            id={`${id}-agency`}
            className="text-input"
            data-testid="intake-agency"
            type="text"
            autoComplete="off"
            value={draft.agency}
            aria-describedby={errors.agency ? errorId('agency') : `${id}-agency-hint`}
            aria-invalid={errors.agency ? true : undefined}
            onChange={(e) => change({ agency: e.target.value })}
          />
          <p id={`${id}-agency-hint`} className="field-hint">
            {t('agencyHint')}
          </p>
          {errorAt('agency')}
        </div>
        <div className="field" data-field="amountOwed">
          <label className="field-label" htmlFor={`${id}-amount`}>
            {t('amountOwed')}
          </label>
          <input
            id={`${id}-amount`}
            className="text-input num-input"
            data-testid="intake-amount"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={draft.amountOwed}
            onChange={(e) => change({ amountOwed: e.target.value })}
            {...invalid('amountOwed')}
          />
          {errorAt('amountOwed')}
        </div>
        <div className="field" data-field="overdueDays">
          <label className="field-label" htmlFor={`${id}-overdue`}>
            {t('overdueDays')}
          </label>
          <input
            id={`${id}-overdue`}
            className="text-input num-input"
            data-testid="intake-overdue-days"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={draft.overdueDays}
            onChange={(e) => change({ overdueDays: e.target.value })}
            {...invalid('overdueDays')}
          />
          {errorAt('overdueDays')}
        </div>

        <div className="field intake-span-all" data-field="narrative">
          <label className="field-label" htmlFor={`${id}-narrative`}>
            {t('narrative')}
          </label>
          <textarea
            id={`${id}-narrative`}
            className="text-input narrative-input"
            data-testid="intake-narrative"
            rows={6}
            value={draft.narrative}
            aria-describedby={errors.narrative ? errorId('narrative') : `${id}-narrative-hint`}
            aria-invalid={errors.narrative ? true : undefined}
            onChange={(e) => change({ narrative: e.target.value })}
          />
          <p id={`${id}-narrative-hint`} className="field-hint">
            {t('narrativeHint')}
          </p>
          {errorAt('narrative')}
          <NarrativeAssist state={analysis} suggestions={suggestions} onAccept={acceptSuggestion} />
        </div>

        <div className="intake-span-all" data-field="categories">
          <CodeCheckboxes
            legend={t('categories')}
            hint={t('categoriesHint')}
            codes={CATEGORY.codes}
            labels={CATEGORY.labels}
            value={draft.categories}
            onChange={(categories) => change({ categories })}
            testId="intake-category"
            highlight={accepted}
          />
          {errorAt('categories')}
        </div>
        <div className="intake-span-all" data-field="channels">
          <CodeCheckboxes
            legend={t('channels')}
            codes={CHANNEL.codes}
            labels={CHANNEL.labels}
            value={draft.channels}
            onChange={(channels) => change({ channels })}
            testId="intake-channel"
            highlight={accepted}
          />
          {errorAt('channels')}
        </div>
        <div className="intake-span-all" data-field="evidence">
          <CodeCheckboxes
            legend={t('evidence')}
            codes={EVIDENCE.codes}
            labels={EVIDENCE.labels}
            value={draft.evidence}
            onChange={(evidence) => change({ evidence })}
            testId="intake-evidence"
          />
          {errorAt('evidence')}
        </div>
      </div>

      {serverError && serverError.field === null && (
        <p
          className="form-error form-error-line"
          role="alert"
          data-testid="intake-error"
          data-field="form"
        >
          {serverError.message}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          data-testid="intake-submit"
          disabled={submitting.loading}
        >
          {submitting.loading ? t('submitting') : t('submitComplaint')}
        </button>
      </div>
    </form>
  );
}

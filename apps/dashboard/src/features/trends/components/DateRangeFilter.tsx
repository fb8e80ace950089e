import { useId, useState } from 'react';
import { isCalendarDate, MAX_FILTER_DATE, MIN_FILTER_DATE } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { DATE_PRESETS, matchPreset, presetRange, type DateRange } from '../utils/datePresets';

interface Props {
  /** The range in effect (the default range filled in). */
  from: string | undefined;
  to: string | undefined;
  today: string;
  onChange: (range: Partial<DateRange>) => void;
}

const inRange = (d: string) => isCalendarDate(d) && d >= MIN_FILTER_DATE && d <= MAX_FILTER_DATE;

/** A date box that commits only whole, valid dates, so typing a year does not flood history. */
function DateInput(props: {
  label: string;
  testId: string;
  value: string | undefined;
  min?: string | undefined;
  max?: string | undefined;
  onCommit: (value: string | undefined) => void;
}) {
  const id = useId();
  const value = props.value ?? '';
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }
  return (
    <div className="field field-date">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        data-testid={props.testId}
        type="date"
        value={draft}
        min={props.min ?? MIN_FILTER_DATE}
        max={props.max ?? MAX_FILTER_DATE}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          if (next === '') props.onCommit(undefined);
          else if (inRange(next)) props.onCommit(next);
        }}
        onBlur={() => setDraft(value)}
      />
    </div>
  );
}

export function DateRangeFilter({ from, to, today, onChange }: Props) {
  const { t } = useI18n();
  const active = matchPreset({ from, to }, today);
  const groupId = useId();
  return (
    <fieldset className="field-group date-range">
      <legend className="field-label">{t('dateRange')}</legend>
      <div className="presets" role="group" aria-labelledby={`${groupId}-presets`}>
        <span id={`${groupId}-presets`} className="visually-hidden">
          {t('datePresets')}
        </span>
        {DATE_PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className="preset"
            aria-pressed={active === p}
            onClick={() => onChange(presetRange(p, today))}
          >
            {t(`preset.${p}`)}
          </button>
        ))}
      </div>
      <div className="date-inputs">
        <DateInput
          label={t('dateFrom')}
          testId="date-from"
          value={from}
          max={to}
          onCommit={(next) =>
            // Moving `from` past `to` drags `to` along rather than making an empty range.
            onChange({ from: next, to: next && to && next > to ? next : to })
          }
        />
        <span className="date-sep" aria-hidden="true">
          –
        </span>
        <DateInput
          label={t('dateTo')}
          testId="date-to"
          value={to}
          min={from}
          onCommit={(next) =>
            onChange({ from: next && from && next < from ? next : from, to: next })
          }
        />
      </div>
    </fieldset>
  );
}

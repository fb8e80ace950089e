// A group of checkboxes for one vocabulary (categories, channels, evidence), labelled in
// the page's language from @cw/domain, kept in vocabulary order.
import type { Label } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { withCode } from '../utils/suggestions';

interface Props<T extends string> {
  legend: string;
  hint?: string;
  codes: readonly T[];
  labels: Readonly<Record<T, Label>>;
  value: readonly T[];
  onChange: (value: T[]) => void;
  /** data-testid of each box: `${testId}-${code}`. */
  testId: string;
  /** Codes just accepted from a suggestion, marked for a moment. */
  highlight?: ReadonlySet<string>;
}

export function CodeCheckboxes<T extends string>({
  legend,
  hint,
  codes,
  labels,
  value,
  onChange,
  testId,
  highlight,
}: Props<T>) {
  const { lang } = useI18n();
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <fieldset className="field-group checks" data-testid={testId}>
      <legend className="field-label">{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      <div className="check-grid">
        {codes.map((code) => (
          <label
            key={code}
            className={highlight?.has(code) ? 'check is-accepted' : 'check'}
            title={labels[code][other]}
          >
            <input
              type="checkbox"
              data-testid={`${testId}-${code}`}
              value={code}
              checked={value.includes(code)}
              onChange={(e) => onChange(withCode(value, code, e.target.checked, codes))}
            />
            <span>{labels[code][lang]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

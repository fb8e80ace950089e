// Under the narrative: what the analysis suggests (chips the operator may accept, one
// click each; nothing is ticked for them) and the text as it will be stored, redacted.
import { CATEGORY, CHANNEL } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import type { NarrativeAnalysis } from '../hooks/useNarrativeAnalysis';
import type { Suggestion } from '../utils/suggestions';

interface Props {
  state: NarrativeAnalysis;
  suggestions: readonly Suggestion[];
  onAccept: (suggestion: Suggestion) => void;
}

export function NarrativeAssist({ state, suggestions, onAccept }: Props) {
  const { t, lang } = useI18n();
  const { analysis, pending, failed } = state;
  const label = (s: Suggestion) =>
    s.kind === 'category' ? CATEGORY.labels[s.code][lang] : CHANNEL.labels[s.code][lang];

  return (
    <div
      className="narrative-assist"
      data-testid="intake-analysis"
      data-state={pending ? 'pending' : failed ? 'error' : analysis ? 'ready' : 'idle'}
    >
      <p className="field-hint narrative-status" role="status">
        {pending ? t('analyzing') : failed ? t('analyzeFailed') : ''}
      </p>
      {suggestions.length > 0 && (
        <div className="suggestions" data-testid="intake-suggestions">
          <p className="suggestions-head">
            <span className="suggestions-title">{t('suggestionsHeading')}</span>{' '}
            <span className="field-hint">{t('suggestionsHint')}</span>
          </p>
          <ul className="suggestion-list">
            {suggestions.map((s) => (
              <li key={`${s.kind}-${s.code}`}>
                <button
                  type="button"
                  className={`suggestion suggestion-${s.kind}`}
                  data-testid="intake-suggestion"
                  data-code={s.code}
                  data-kind={s.kind}
                  aria-label={t('acceptSuggestion', { label: label(s) })}
                  onClick={() => onAccept(s)}
                >
                  <span className="suggestion-plus" aria-hidden="true">
                    +
                  </span>
                  <span className="suggestion-kind">
                    {s.kind === 'category' ? t('suggestionCategory') : t('suggestionChannel')}
                  </span>
                  <span className="suggestion-label">{label(s)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {analysis && (
        <div className="redacted" data-testid="intake-redacted-preview">
          <p className="field-label">{t('redactedPreview')}</p>
          <p className="redacted-text">{analysis.redacted}</p>
        </div>
      )}
    </div>
  );
}

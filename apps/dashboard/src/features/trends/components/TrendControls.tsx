// The trend page's own controls, inside the filter bar: interval, breakdown, top N, line or
// stacked area, comparison with the previous period or a year earlier.
import { useId } from 'react';
import { INTERVALS, type Interval } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import type { Filters } from '../hooks/useFilters';
import {
  CHART_STYLES,
  COMPARE_OPTIONS,
  GROUP_BY_OPTIONS,
  TOP_OPTIONS,
  type ChartStyle,
  type Compare,
  type GroupBy,
} from '../utils/urlState';

const NONE = '';

export function TrendControls({ filters }: { filters: Filters }) {
  const { t } = useI18n();
  const id = useId();
  const { interval, groupBy, top, state, update } = filters;
  return (
    <div className="field-row trend-controls">
      <div className="field">
        <label className="field-label" htmlFor={`${id}-interval`}>
          {t('interval')}
        </label>
        <select
          id={`${id}-interval`}
          data-testid="interval-select"
          value={interval}
          onChange={(e) => update({ interval: e.target.value as Interval })}
        >
          {INTERVALS.map((i) => (
            <option key={i} value={i}>
              {t(`interval.${i}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-group`}>
          {t('groupBy')}
        </label>
        <select
          id={`${id}-group`}
          data-testid="group-by-select"
          value={groupBy ?? NONE}
          onChange={(e) =>
            update({ groupBy: e.target.value === NONE ? null : (e.target.value as GroupBy) })
          }
        >
          <option value={NONE}>{t('groupBy.NONE')}</option>
          {GROUP_BY_OPTIONS.map((g) => (
            <option key={g} value={g}>
              {t(`groupBy.${g}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-narrow">
        <label className="field-label" htmlFor={`${id}-top`}>
          {t('top')}
        </label>
        <select
          id={`${id}-top`}
          data-testid="top-select"
          value={top}
          disabled={!groupBy}
          onChange={(e) => update({ top: Number(e.target.value) })}
        >
          {[...new Set([...TOP_OPTIONS, top])]
            .sort((a, b) => a - b)
            .map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-chart`}>
          {t('chartStyle')}
        </label>
        <select
          id={`${id}-chart`}
          data-testid="chart-style-select"
          value={state.chart}
          onChange={(e) => update({ chart: e.target.value as ChartStyle })}
        >
          {CHART_STYLES.map((c) => (
            <option key={c} value={c}>
              {t(`chartStyle.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-compare`}>
          {t('compare')}
        </label>
        <select
          id={`${id}-compare`}
          data-testid="compare-select"
          value={state.compare ?? NONE}
          onChange={(e) =>
            update({ compare: e.target.value === NONE ? null : (e.target.value as Compare) })
          }
        >
          <option value={NONE}>{t('compare.none')}</option>
          {COMPARE_OPTIONS.map((c) => (
            <option key={c} value={c}>
              {t(`compare.${c}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

import { useId } from 'react';
import { INTERVALS, type Interval } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import type { Filters } from '../hooks/useFilters';
import { GROUP_BY_OPTIONS, serializeUrlState, TOP_OPTIONS, type GroupBy } from '../utils/urlState';
import { DateRangeFilter } from './DateRangeFilter';
import { InstitutionFilter } from './InstitutionFilter';
import { ProvinceFilter } from './ProvinceFilter';

const NONE = '';

export function FilterBar({ filters }: { filters: Filters }) {
  const { t } = useI18n();
  const id = useId();
  const { filter, interval, groupBy, top, today, setFilter, update, reset } = filters;
  // Everything but the language at its default: nothing to reset.
  const isDefault = serializeUrlState({ ...filters.state, lang: null }) === '';

  return (
    <section className="filter-bar" aria-labelledby={`${id}-heading`}>
      <div className="filter-bar-head">
        <h2 id={`${id}-heading`} className="section-title">
          {t('filtersHeading')}
        </h2>
        <button type="button" className="button button-quiet" onClick={reset} disabled={isDefault}>
          {t('resetFilters')}
        </button>
      </div>
      <div className="filter-grid">
        <DateRangeFilter
          from={filter.from}
          to={filter.to}
          today={today}
          onChange={(range) => setFilter(range)}
        />
        <div className="field-row">
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
        </div>
        <InstitutionFilter
          ids={filter.institutionIds ?? []}
          onChange={(institutionIds) => setFilter({ institutionIds })}
        />
        <ProvinceFilter
          codes={filter.provinceCodes ?? []}
          onChange={(provinceCodes) => setFilter({ provinceCodes })}
        />
      </div>
    </section>
  );
}

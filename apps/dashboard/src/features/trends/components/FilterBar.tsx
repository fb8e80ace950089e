// The one filter bar of every analysis page: dates, institutions, agencies, provinces,
// cities, categories, channels, sources. Page-specific controls (the trend's interval and
// breakdown, ...) come in as children. Every change is a URL change (see useFilters).
import { useId, type ReactNode } from 'react';
import { CATEGORY, CHANNEL, SOURCE } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import type { Filters } from '../hooks/useFilters';
import { AgencyFilter } from './AgencyFilter';
import { CityFilter } from './CityFilter';
import { CodeFilter } from './CodeFilter';
import { DateRangeFilter } from './DateRangeFilter';
import { InstitutionFilter } from './InstitutionFilter';
import { ProvinceFilter } from './ProvinceFilter';

export function FilterBar({ filters, children }: { filters: Filters; children?: ReactNode }) {
  const { t } = useI18n();
  const id = useId();
  const { filter, state, today, setFilter, reset } = filters;
  const isDefault = Object.keys(state.filter).length === 0;

  return (
    <section className="filter-bar" aria-labelledby={`${id}-heading`} data-testid="filter-bar">
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
        {children}
        <InstitutionFilter
          ids={filter.institutionIds ?? []}
          onChange={(institutionIds) => setFilter({ institutionIds })}
        />
        <AgencyFilter
          ids={filter.agencyIds ?? []}
          onChange={(agencyIds) => setFilter({ agencyIds })}
        />
        <ProvinceFilter
          codes={filter.provinceCodes ?? []}
          onChange={(provinceCodes) => setFilter({ provinceCodes })}
        />
        <CityFilter
          provinceCodes={filter.provinceCodes ?? []}
          codes={filter.cityCodes ?? []}
          onChange={(cityCodes) => setFilter({ cityCodes })}
        />
        <CodeFilter
          label={t('categories')}
          placeholder={t('codePlaceholder')}
          testId="category-picker"
          vocabulary={CATEGORY}
          codes={filter.categories ?? []}
          onChange={(categories) =>
            setFilter({ categories: categories as typeof filter.categories })
          }
        />
        <CodeFilter
          label={t('channels')}
          placeholder={t('codePlaceholder')}
          testId="channel-picker"
          vocabulary={CHANNEL}
          codes={filter.channels ?? []}
          onChange={(channels) => setFilter({ channels: channels as typeof filter.channels })}
        />
        <CodeFilter
          label={t('sources')}
          placeholder={t('codePlaceholder')}
          testId="source-picker"
          vocabulary={SOURCE}
          codes={filter.sources ?? []}
          onChange={(sources) => setFilter({ sources: sources as typeof filter.sources })}
        />
      </div>
    </section>
  );
}

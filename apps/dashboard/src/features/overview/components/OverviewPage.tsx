// The landing page: headline figures, the monthly trend, top institutions, the province map,
// the conduct breakdown and recent spikes, all under one filter bar. Clicking a bar, a tile
// or a spike adds it to the filter.
import { useI18n } from '../../../app/I18nProvider';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { HeadlineFigures } from '../../analysis/components/HeadlineFigures';
import { ProvinceMapPanel } from '../../analysis/components/ProvinceMapPanel';
import { RankingPanel } from '../../analysis/components/RankingPanel';
import { SharesPanel } from '../../analysis/components/SharesPanel';
import { SpikesPanel } from '../../analysis/components/SpikesPanel';
import { TrendFigure } from '../../analysis/components/TrendFigure';
import { FilterBar } from '../../trends/components/FilterBar';
import { useFilters } from '../../trends/hooks/useFilters';

export default function OverviewPage() {
  const { t } = useI18n();
  useDocumentTitle(null);
  const filters = useFilters();
  const { filter, addFilter, update, state } = filters;
  return (
    <>
      <div className="page-head">
        <h2 className="page-title">{t('overviewTitle')}</h2>
        <p className="page-sub">{t('overviewSub')}</p>
      </div>
      <FilterBar filters={filters} />
      <HeadlineFigures filter={filter} />
      <TrendFigure filter={filter} />
      <div className="figure-grid">
        <RankingPanel
          dimension="INSTITUTION"
          filter={filter}
          title={t('topInstitutions')}
          nameHeader={t('col.institution')}
          testId="top-institutions"
          selected={filter.institutionIds}
          onPick={(id) => addFilter('institutionIds', id)}
        />
        <ProvinceMapPanel
          filter={filter}
          metric={state.metric}
          onMetricChange={(metric) => update({ metric })}
          selected={filter.provinceCodes}
          onPick={(code) => addFilter('provinceCodes', code)}
        />
        <SharesPanel
          dimension="CATEGORY"
          filter={filter}
          title={t('categoryBreakdown')}
          nameHeader={t('categories')}
          testId="category-shares"
          selected={filter.categories}
          onPick={(code) => addFilter('categories', code)}
        />
        <SpikesPanel
          filter={filter}
          onPick={(institutionId, provinceCode) =>
            update((s) => ({
              ...s,
              filter: {
                ...s.filter,
                institutionIds: [institutionId],
                provinceCodes: [provinceCode],
              },
            }))
          }
        />
      </div>
    </>
  );
}

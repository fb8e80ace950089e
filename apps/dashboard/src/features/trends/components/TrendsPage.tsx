// The trend page (lazy-loaded by the router): filters above, the chart panel below.
import { lazy, Suspense, useMemo } from 'react';
import { useI18n } from '../../../app/I18nProvider';
import { ChunkBoundary } from '../../../app/PageBoundary';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useFilters } from '../hooks/useFilters';
import { crossFilter } from '../utils/crossFilter';
import { FilterBar } from './FilterBar';
import { TrendControls } from './TrendControls';
import { TrendPanelFrame, TrendPanelSkeleton, type TrendView } from './TrendPanelFrame';

// Recharts and the panel load after the first paint; the skeleton holds their place.
const TrendPanel = lazy(() => import('./TrendPanel'));

/** If the chart code cannot be fetched (offline, new deploy), say so in the panel's place. */
function ChunkFailed({ view }: { view: TrendView }) {
  const { t } = useI18n();
  return (
    <TrendPanelFrame view={view} state="error" total="—">
      <div className="panel-message" role="alert">
        <p className="panel-message-title">{t('errorTitle')}</p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => window.location.reload()}
        >
          {t('retry')}
        </button>
      </div>
    </TrendPanelFrame>
  );
}

export default function TrendsPage() {
  const { t } = useI18n();
  useDocumentTitle('nav.trends');
  const filters = useFilters();
  const { filter, interval, groupBy, top, addFilter } = filters;
  const { chart, compare } = filters.state;
  const view = useMemo<TrendView>(
    () => ({ filter, interval, groupBy, top, chart, compare }),
    [filter, interval, groupBy, top, chart, compare],
  );
  return (
    <>
      <div className="page-head">
        <h2 className="page-title">{t('trendsTitle')}</h2>
      </div>
      <FilterBar filters={filters}>
        <TrendControls filters={filters} />
      </FilterBar>
      <ChunkBoundary fallback={<ChunkFailed view={view} />}>
        <Suspense fallback={<TrendPanelSkeleton view={view} />}>
          <TrendPanel
            view={view}
            onSeriesClick={(key) => {
              const f = crossFilter(groupBy, key);
              if (f) addFilter(f.key, f.value);
            }}
          />
        </Suspense>
      </ChunkBoundary>
    </>
  );
}

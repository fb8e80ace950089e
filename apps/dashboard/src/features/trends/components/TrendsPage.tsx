import { Component, lazy, Suspense, useMemo, type ReactNode } from 'react';
import { useI18n } from '../../../app/I18nProvider';
import type { Filters } from '../hooks/useFilters';
import { FilterBar } from './FilterBar';
import { TrendPanelFrame, TrendPanelSkeleton, type TrendView } from './TrendPanelFrame';

// Recharts and the panel load after the first paint; the skeleton holds their place.
const TrendPanel = lazy(() => import('./TrendPanel'));

/** If the chart code cannot be fetched (offline, new deploy), say so instead of a blank page. */
class ChunkBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

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

export function TrendsPage({ filters }: { filters: Filters }) {
  const { filter, interval, groupBy, top } = filters;
  const view = useMemo<TrendView>(
    () => ({ filter, interval, groupBy, top }),
    [filter, interval, groupBy, top],
  );
  return (
    <>
      <FilterBar filters={filters} />
      <ChunkBoundary fallback={<ChunkFailed view={view} />}>
        <Suspense fallback={<TrendPanelSkeleton view={view} />}>
          <TrendPanel view={view} />
        </Suspense>
      </ChunkBoundary>
    </>
  );
}

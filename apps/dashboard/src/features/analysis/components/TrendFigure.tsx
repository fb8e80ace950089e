// The monthly trend as a figure of another page (overview, an institution's page), in plain
// SVG: no chart library on a first visit. The trend page has the full chart.
import { useMemo } from 'react';
import type { ComplaintFilter, Interval } from '@cw/domain';
import { LiteTrendPanel } from '../../trends/components/LiteTrendPanel';
import type { TrendView } from '../../trends/components/TrendPanelFrame';

export function TrendFigure({
  filter,
  interval = 'MONTH',
}: {
  filter: ComplaintFilter;
  interval?: Interval;
}) {
  const view = useMemo<TrendView>(
    () => ({ filter, interval, groupBy: null, top: 8 }),
    [filter, interval],
  );
  return <LiteTrendPanel view={view} />;
}

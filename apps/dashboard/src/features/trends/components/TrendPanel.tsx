// The trend page's panel: the Recharts chart (lines or stacked areas, tooltips, legend clicks
// that add a filter). Lazy-loaded: it pulls in Recharts.
import { TrendChart } from '@cw/charts';
import type { TrendView } from './TrendPanelFrame';
import { TrendPanelBody } from './TrendPanelBody';

export default function TrendPanel({
  view,
  onSeriesClick,
}: {
  view: TrendView;
  /** Cross-filtering: a legend entry was clicked. */
  onSeriesClick?: (key: string) => void;
}) {
  return (
    <TrendPanelBody
      view={view}
      chart={(c) => (
        <TrendChart {...c} variant={view.chart ?? 'line'} onSeriesClick={onSeriesClick} />
      )}
    />
  );
}

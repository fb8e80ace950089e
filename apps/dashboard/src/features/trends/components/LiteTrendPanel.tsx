// The trend as other pages show it (overview, an institution's page): the same panel, table
// and CSV as the trend page, drawn in plain SVG so that a first visit needs no chart library.
import { LineChartLite } from '@cw/charts';
import type { TrendView } from './TrendPanelFrame';
import { TrendPanelBody } from './TrendPanelBody';

export function LiteTrendPanel({ view }: { view: TrendView }) {
  return <TrendPanelBody view={view} chart={(c) => <LineChartLite {...c} />} />;
}

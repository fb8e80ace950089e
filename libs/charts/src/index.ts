export { TrendChart } from './TrendChart';
export type { TrendChartProps, TrendRow } from './TrendChart';
export { assignColors, OKABE_ITO, OTHER_COLOR, OTHER_KEY } from './palette';
export type { ColoredSeries } from './palette';

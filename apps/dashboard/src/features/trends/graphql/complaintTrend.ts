import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ComplaintFilter, Dimension, Interval } from '@cw/domain';

// Hand-written types until codegen from apps/api/src/schema.gql takes over.
export interface TrendPointData {
  period: string;
  count: number;
}
export interface TrendSeriesData {
  key: string;
  label: string;
  total: number;
  points: TrendPointData[];
}
export interface ComplaintTrendData {
  complaintTrend: { total: number; series: TrendSeriesData[] };
}
export interface ComplaintTrendVars {
  filter?: ComplaintFilter | null;
  interval: Interval;
  groupBy?: Dimension | null;
  top?: number | null;
}

export const COMPLAINT_TREND: TypedDocumentNode<ComplaintTrendData, ComplaintTrendVars> = gql`
  query ComplaintTrend(
    $filter: ComplaintFilter
    $interval: Interval!
    $groupBy: Dimension
    $top: Int
  ) {
    complaintTrend(filter: $filter, interval: $interval, groupBy: $groupBy, top: $top) {
      total
      series {
        key
        label
        total
        points {
          period
          count
        }
      }
    }
  }
`;

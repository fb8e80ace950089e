import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ComplaintFilter } from '@cw/domain';

export interface PeriodTotalData {
  from: string;
  to: string;
  total: number;
}
export interface ComparisonData {
  current: PeriodTotalData;
  previous: PeriodTotalData;
  yearAgo: PeriodTotalData;
  changeFromPrevious: number | null;
  changeFromYearAgo: number | null;
}
export interface ComplaintComparisonData {
  complaintComparison: ComparisonData;
}

/** The total against the previous period and a year earlier (and those periods' dates). */
export const COMPLAINT_COMPARISON: TypedDocumentNode<
  ComplaintComparisonData,
  { filter: ComplaintFilter }
> = gql`
  query ComplaintComparison($filter: ComplaintFilter) {
    complaintComparison(filter: $filter) {
      current {
        from
        to
        total
      }
      previous {
        from
        to
        total
      }
      yearAgo {
        from
        to
        total
      }
      changeFromPrevious
      changeFromYearAgo
    }
  }
`;

import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ComplaintFilter } from '@cw/domain';
import type { ComparisonData } from './complaintComparison';

export interface HeadlineFiguresData {
  complaintComparison: ComparisonData;
  handling: { total: number; timely: number; timelyShare: number | null }[];
  offHours: { withIncidentTime: number; offHours: number; share: number | null };
}

/** The overview's headline: total and its changes, share answered on time, off-hours share. */
export const HEADLINE_FIGURES: TypedDocumentNode<HeadlineFiguresData, { filter: ComplaintFilter }> =
  gql`
    query HeadlineFigures($filter: ComplaintFilter) {
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
      handling(filter: $filter, top: 1) {
        total
        timely
        timelyShare
      }
      offHours(filter: $filter) {
        withIncidentTime
        offHours
        share
      }
    }
  `;

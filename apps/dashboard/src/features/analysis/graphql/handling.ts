import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ComplaintFilter } from '@cw/domain';

export interface HandlingRowData {
  institution: { id: string; name: string } | null;
  total: number;
  responded: number;
  timely: number;
  timelyShare: number | null;
  medianDaysToAnswer: number | null;
  referredToPolice: number;
  policeShare: number | null;
}
export interface HandlingData {
  handling: HandlingRowData[];
}

/** Answered within 15 days, median days, referred to police: all, then per institution. */
export const HANDLING: TypedDocumentNode<HandlingData, { filter: ComplaintFilter; top: number }> =
  gql`
    query Handling($filter: ComplaintFilter, $top: Int!) {
      handling(filter: $filter, top: $top) {
        institution {
          id
          name
        }
        total
        responded
        timely
        timelyShare
        medianDaysToAnswer
        referredToPolice
        policeShare
      }
    }
  `;

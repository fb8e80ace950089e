import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ComplaintFilter } from '@cw/domain';

export interface ComplaintListItem {
  id: string;
  receivedAt: string;
  receivedDay: string;
  source: string;
  provinceCode: string;
  cityCode: string | null;
  categories: string[];
  status: string;
  narrative: string | null;
  institution: { id: string; name: string };
}
export interface ComplaintsData {
  complaints: {
    totalCount: number;
    edges: { cursor: string; node: ComplaintListItem }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
export interface ComplaintsVars {
  filter: ComplaintFilter;
  first: number;
  after: string | null;
  search: string | null;
}

/** One page of the filtered complaint list, newest first, optionally searched. */
export const COMPLAINTS: TypedDocumentNode<ComplaintsData, ComplaintsVars> = gql`
  query Complaints($filter: ComplaintFilter, $first: Int!, $after: String, $search: String) {
    complaints(filter: $filter, first: $first, after: $after, search: $search) {
      totalCount
      edges {
        cursor
        node {
          id
          receivedAt
          receivedDay
          source
          provinceCode
          cityCode
          categories
          status
          narrative
          institution {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AgencyData } from './agencies';

export interface AgenciesByIdsData {
  agenciesByIds: AgencyData[];
}

/** Labels for agency ids that arrive in the URL. */
export const AGENCIES_BY_IDS: TypedDocumentNode<AgenciesByIdsData, { ids: string[] }> = gql`
  query AgenciesByIds($ids: [ID!]!) {
    agenciesByIds(ids: $ids) {
      id
      name
      aliases
      synthetic
    }
  }
`;

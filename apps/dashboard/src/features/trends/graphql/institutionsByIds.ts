import { gql, type TypedDocumentNode } from '@apollo/client';
import type { InstitutionData } from './institutions';

export interface InstitutionsByIdsData {
  institutionsByIds: InstitutionData[];
}
export interface InstitutionsByIdsVars {
  ids: string[];
}

/** Labels for institution ids that arrive in the URL. */
export const INSTITUTIONS_BY_IDS: TypedDocumentNode<InstitutionsByIdsData, InstitutionsByIdsVars> =
  gql`
    query InstitutionsByIds($ids: [ID!]!) {
      institutionsByIds(ids: $ids) {
        id
        name
        type
        aliases
        synthetic
      }
    }
  `;

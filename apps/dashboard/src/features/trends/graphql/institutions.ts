import { gql, type TypedDocumentNode } from '@apollo/client';

export interface InstitutionData {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  synthetic: boolean;
}
export interface InstitutionsData {
  institutions: InstitutionData[];
}
export interface InstitutionsVars {
  search?: string | null;
  first?: number;
}

/** Type-ahead search: matches name and aliases (substring, case-insensitive). */
export const INSTITUTIONS: TypedDocumentNode<InstitutionsData, InstitutionsVars> = gql`
  query Institutions($search: String, $first: Int) {
    institutions(search: $search, first: $first) {
      id
      name
      type
      aliases
      synthetic
    }
  }
`;

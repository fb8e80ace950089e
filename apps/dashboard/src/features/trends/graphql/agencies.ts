import { gql, type TypedDocumentNode } from '@apollo/client';

export interface AgencyData {
  id: string;
  name: string;
  aliases: string[];
  synthetic: boolean;
}
export interface AgenciesData {
  agencies: AgencyData[];
}
export interface AgenciesVars {
  search: string | null;
  first: number;
}

/** Collection agencies whose name or an alias contains the search (the agency filter). */
export const AGENCIES: TypedDocumentNode<AgenciesData, AgenciesVars> = gql`
  query Agencies($search: String, $first: Int!) {
    agencies(search: $search, first: $first) {
      id
      name
      aliases
      synthetic
    }
  }
`;

import { gql, type TypedDocumentNode } from '@apollo/client';

export interface DatasetData {
  dataset: {
    complaintCount: number;
    firstReceived: string | null;
    lastReceived: string | null;
    synthetic: boolean;
    asOf: string;
  };
}

export const DATASET: TypedDocumentNode<DatasetData, Record<string, never>> = gql`
  query Dataset {
    dataset {
      complaintCount
      firstReceived
      lastReceived
      synthetic
      asOf
    }
  }
`;

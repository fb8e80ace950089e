import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ComplaintFilter } from '@cw/domain';

export interface SpikeData {
  institution: { id: string; name: string };
  provinceCode: string;
  period: string;
  count: number;
  baseline: number;
  score: number;
}
export interface SpikesData {
  spikes: SpikeData[];
}

/** Institution x province weeks far above their own history. */
export const SPIKES: TypedDocumentNode<SpikesData, { filter: ComplaintFilter; top: number }> = gql`
  query Spikes($filter: ComplaintFilter, $top: Int!) {
    spikes(filter: $filter, top: $top) {
      institution {
        id
        name
      }
      provinceCode
      period
      count
      baseline
      score
    }
  }
`;

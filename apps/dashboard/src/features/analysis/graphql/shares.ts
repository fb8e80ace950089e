import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ComplaintFilter } from '@cw/domain';

export type ShareDimension = 'CATEGORY' | 'CHANNEL' | 'SOURCE' | 'PRODUCT' | 'INSTITUTION_TYPE';

export interface SharesData {
  shares: {
    total: number;
    multiValued: boolean;
    rows: { key: string; label: string; count: number; share: number }[];
  };
}

/** Shares of complaints by category, channel, source, product or institution type. */
export const SHARES: TypedDocumentNode<
  SharesData,
  { dimension: ShareDimension; filter: ComplaintFilter; lang: 'ZH' | 'EN' }
> = gql`
  query Shares($dimension: ShareDimension!, $filter: ComplaintFilter, $lang: Language) {
    shares(dimension: $dimension, filter: $filter, lang: $lang) {
      total
      multiValued
      rows {
        key
        label
        count
        share
      }
    }
  }
`;

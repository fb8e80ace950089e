import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ComplaintFilter, Lang } from '@cw/domain';

export type RankDimension = 'INSTITUTION' | 'AGENCY' | 'PROVINCE' | 'CITY';
export type RankOrder = 'COUNT' | 'RATE' | 'CHANGE';

export interface RankingRowData {
  key: string;
  label: string;
  count: number;
  previousCount: number;
  change: number | null;
  rate: number | null;
}
export interface RankingData {
  ranking: {
    rateUnit: string | null;
    periods: { previous: { from: string; to: string } };
    rows: RankingRowData[];
  };
}
export interface RankingVars {
  dimension: RankDimension;
  orderBy: RankOrder;
  top: number;
  filter: ComplaintFilter;
  lang: 'ZH' | 'EN';
}

export const langVar = (lang: Lang): 'ZH' | 'EN' => (lang === 'en' ? 'EN' : 'ZH');

/** Top institutions, agencies, provinces or cities by count, rate or change. */
export const RANKING: TypedDocumentNode<RankingData, RankingVars> = gql`
  query Ranking(
    $dimension: RankDimension!
    $orderBy: RankOrder!
    $top: Int!
    $filter: ComplaintFilter
    $lang: Language
  ) {
    ranking(dimension: $dimension, orderBy: $orderBy, top: $top, filter: $filter, lang: $lang) {
      rateUnit
      periods {
        previous {
          from
          to
        }
      }
      rows {
        key
        label
        count
        previousCount
        change
        rate
      }
    }
  }
`;

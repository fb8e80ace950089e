// The overview's figures, asked for as the app starts, beside the session check, instead of
// after it: when the page renders, their answers are in the cache or on their way (the
// page's own queries join a request in flight rather than sending another).
//
// The queries and variables here must be exactly those the page's panels run, or the page
// asks again (the e2e test `analysis.e2e.ts` counts the requests of a first visit). What a
// user may see is decided by the API from the session cookie, as for the page's own
// requests; without a session they fail, and the session check sends the visitor to sign in.
import type { ApolloClient, OperationVariables, TypedDocumentNode } from '@apollo/client';
import { shanghaiDate, type ComplaintFilter, type Lang } from '@cw/domain';
import { HEADLINE_FIGURES } from '../analysis/graphql/headlineFigures';
import { langVar, RANKING } from '../analysis/graphql/ranking';
import { SHARES } from '../analysis/graphql/shares';
import { SPIKES } from '../analysis/graphql/spikes';
import { COMPLAINT_TREND } from '../trends/graphql/complaintTrend';
import { withDefaultRange } from '../trends/utils/datePresets';
import { parseUrlState } from '../trends/utils/urlState';

interface FigureQuery {
  query: TypedDocumentNode<unknown, OperationVariables>;
  variables: OperationVariables;
}

const figure = <V extends OperationVariables>(
  query: TypedDocumentNode<unknown, V>,
  variables: V,
): FigureQuery => ({ query: query as TypedDocumentNode<unknown, OperationVariables>, variables });

/**
 * The overview's figure queries for a filter and language, in the order the page shows
 * them (the trend first: it is usually the first figure drawn).
 */
export function overviewFigureQueries(filter: ComplaintFilter, lang: Lang): FigureQuery[] {
  const language = langVar(lang);
  return [
    // TrendFigure: monthly, no breakdown.
    figure(COMPLAINT_TREND, { filter, interval: 'MONTH', groupBy: null, top: null }),
    figure(HEADLINE_FIGURES, { filter }),
    // RankingPanel's defaults: the top 10 by count.
    figure(RANKING, {
      dimension: 'INSTITUTION',
      orderBy: 'COUNT',
      top: 10,
      filter,
      lang: language,
    }),
    // ProvinceMapPanel: every province.
    figure(RANKING, { dimension: 'PROVINCE', orderBy: 'COUNT', top: 40, filter, lang: language }),
    figure(SHARES, { dimension: 'CATEGORY', filter, lang: language }),
    // SpikesPanel's default: 8.
    figure(SPIKES, { filter, top: 8 }),
  ];
}

/**
 * Sends the overview's figure queries for the page at `search` (its query string), with
 * the filter the page will use (useFilters: the URL's, with the default date range as of
 * today in Shanghai). Failures are left to the page, which asks again and shows them.
 */
export function prefetchOverview(client: ApolloClient, search: string, lang: Lang): void {
  const filter = withDefaultRange(parseUrlState(search).filter, shanghaiDate(new Date()));
  for (const { query, variables } of overviewFigureQueries(filter, lang))
    void client.query({ query, variables }).catch(() => undefined);
}

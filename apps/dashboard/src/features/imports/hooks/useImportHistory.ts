import { useCallback, useState } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { IMPORT_RUNS, type ImportRunSummary } from '../graphql/importRuns';

export const HISTORY_PAGE_SIZE = 20;

export interface ImportHistory {
  runs: readonly ImportRunSummary[] | null;
  error: unknown;
  loadingFirst: boolean;
  loadingMore: boolean;
  moreFailed: boolean;
  hasMore: boolean;
  loadMore: () => void;
  /** Asks for the first page again (a run started or finished); never throws. */
  refresh: () => void;
}

/** The import history, newest first, with "load more". */
export function useImportHistory(): ImportHistory {
  const { data, error, fetchMore, networkStatus, refetch } = useQuery(IMPORT_RUNS, {
    variables: { first: HISTORY_PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const [moreFailed, setMoreFailed] = useState(false);
  const page = data?.importRuns;
  const refresh = useCallback(() => {
    refetch({ first: HISTORY_PAGE_SIZE, after: null }).catch(() => {
      // the history shows its error
    });
  }, [refetch]);

  return {
    runs: page ? page.edges.map((e) => e.node) : null,
    error,
    loadingFirst: networkStatus === NetworkStatus.loading,
    loadingMore: networkStatus === NetworkStatus.fetchMore,
    moreFailed,
    hasMore: Boolean(page?.pageInfo.hasNextPage && page.pageInfo.endCursor),
    loadMore: () => {
      if (!page?.pageInfo.endCursor) return;
      setMoreFailed(false);
      fetchMore({ variables: { after: page.pageInfo.endCursor } }).catch(() => setMoreFailed(true));
    },
    refresh,
  };
}

// A run after its upload was accepted: polled every second while RUNNING, the API's latest
// answer laid over the upload's own (which is final already for a small file).
import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { hasErrorCode } from '../../../app/errors';
import { IMPORT_RUN, type ImportCounts, type ImportRowError } from '../graphql/importRun';
import { isFinalStatus } from '../utils/importProgress';
import type { UploadResult } from '../utils/uploadRequest';

export const POLL_INTERVAL_MS = 1000;

export interface RunView extends ImportCounts {
  id: string;
  status: string;
  errors: ImportRowError[];
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** The last poll failed (polling goes on). */
  pollFailed: boolean;
  /** The API does not know the run (deleted, or another user's). */
  notFound: boolean;
  forbidden: boolean;
}

export function useImportRun(accepted: UploadResult | null): RunView | null {
  const { data, error, stopPolling } = useQuery(IMPORT_RUN, {
    variables: { id: accepted?.id ?? '' },
    skip: !accepted || isFinalStatus(accepted.status),
    pollInterval: POLL_INTERVAL_MS,
    // Only this query's own answers: the history's refetch stores the same run in the cache
    // with its final status and counters but without the rejected rows, and read from there
    // a finished run would stop the polling before its rejected rows were ever fetched.
    fetchPolicy: 'no-cache',
  });

  const polled = data?.importRun && data.importRun.id === accepted?.id ? data.importRun : null;
  const view: RunView | null = accepted
    ? {
        id: accepted.id,
        status: polled?.status ?? accepted.status,
        read: polled?.read ?? accepted.read,
        inserted: polled?.inserted ?? accepted.inserted,
        updated: polled?.updated ?? accepted.updated,
        unchanged: polled?.unchanged ?? accepted.unchanged,
        skipped: polled?.skipped ?? accepted.skipped,
        rejected: polled?.rejected ?? accepted.rejected,
        errors: polled?.errors ?? accepted.errors,
        error: polled ? polled.error : accepted.error,
        startedAt: polled?.startedAt ?? null,
        finishedAt: polled?.finishedAt ?? null,
        pollFailed: Boolean(error),
        notFound: data?.importRun === null,
        forbidden: hasErrorCode(error, 'FORBIDDEN'),
      }
    : null;

  const stop = !view || isFinalStatus(view.status) || view.notFound || view.forbidden;
  useEffect(() => {
    if (stop) stopPolling();
  }, [stop, stopPolling]);

  return view;
}

// The caller's background exports, polled every two seconds while one is queued or running.
import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { EXPORT_JOBS } from '../graphql/exportJobs';
import { anyOpen } from '../utils/exportJobs';

export const JOBS_SHOWN = 20;
export const JOBS_POLL_MS = 2000;

export function useExportJobs() {
  const { data, error, loading, refetch, startPolling, stopPolling } = useQuery(EXPORT_JOBS, {
    variables: { first: JOBS_SHOWN },
    fetchPolicy: 'cache-and-network',
  });
  const jobs = data?.exportJobs ?? null;
  const open = jobs ? anyOpen(jobs) : false;
  useEffect(() => {
    if (open) startPolling(JOBS_POLL_MS);
    else stopPolling();
  }, [open, startPolling, stopPolling]);
  return { jobs, error, loading: loading && !jobs, refetch };
}

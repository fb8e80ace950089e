// How the export list reads: whether to keep polling, and a job's progress and size in words.
import type { ExportJobData } from '../graphql/exportJobs';

export const OPEN_STATUSES = ['QUEUED', 'RUNNING'];

/** True while any job may still change (the list polls until none may). */
export function anyOpen(jobs: readonly ExportJobData[]): boolean {
  return jobs.some((j) => OPEN_STATUSES.includes(j.status));
}

/** Progress as a whole percentage, 0-100. */
export function percent(job: ExportJobData): number {
  return Math.round(Math.min(1, Math.max(0, job.progress)) * 100);
}

/** A file size in KB or MB (one decimal for MB). */
export function fileSize(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

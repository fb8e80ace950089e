import { gql, type TypedDocumentNode } from '@apollo/client';

export interface ExportJobData {
  id: string;
  /** COMPLAINTS or QUARTERLY_REPORT. */
  kind: string;
  /** CSV, XLSX or PDF. */
  format: string;
  /** QUEUED, RUNNING, DONE, FAILED or EXPIRED. */
  status: string;
  rowsTotal: number | null;
  rowsDone: number;
  progress: number;
  fileName: string | null;
  fileBytes: number | null;
  error: string | null;
  downloadUrl: string | null;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
}

export interface ExportJobsData {
  exportJobs: ExportJobData[];
}

/** The caller's background exports, newest first. */
export const EXPORT_JOBS: TypedDocumentNode<ExportJobsData, { first: number }> = gql`
  query ExportJobs($first: Int!) {
    exportJobs(first: $first) {
      id
      kind
      format
      status
      rowsTotal
      rowsDone
      progress
      fileName
      fileBytes
      error
      downloadUrl
      createdAt
      finishedAt
      expiresAt
    }
  }
`;

import { gql, type TypedDocumentNode } from '@apollo/client';

// Hand-written types until codegen from apps/api/src/schema.gql takes over.
export type ImportStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABANDONED';

/** One rejected row: its number in the file, the field, the value as written, why. */
export interface ImportRowError {
  rowNumber: number;
  field: string;
  value: string;
  reason: string;
}

/** The counters every view of a run shows (the upload's answer, the run, the history). */
export interface ImportCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
}

export interface ImportRunData extends ImportCounts {
  id: string;
  /** ImportStatus; a newer API may add one. */
  status: string;
  /** canonical, cfpb, jsonl (and feed, intake for runs not made here). */
  format: string;
  source: string;
  filename: string | null;
  /** Why the whole file failed; null otherwise. */
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  /** The first rejected rows. */
  errors: ImportRowError[];
}
export interface ImportRunQueryData {
  importRun: ImportRunData | null;
}
export interface ImportRunVars {
  id: string;
}

export const REJECTED_ROWS_SHOWN = 20;

/** One import run, polled every second while it is RUNNING. */
export const IMPORT_RUN: TypedDocumentNode<ImportRunQueryData, ImportRunVars> = gql`
  query ImportRun($id: ID!) {
    importRun(id: $id) {
      id
      status
      format
      source
      filename
      read
      inserted
      updated
      unchanged
      skipped
      rejected
      error
      startedAt
      finishedAt
      errors(first: 20) {
        rowNumber
        field
        value
        reason
      }
    }
  }
`;

import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ImportCounts } from './importRun';

export interface ImportRunSummary extends ImportCounts {
  id: string;
  status: string;
  format: string;
  source: string;
  filename: string | null;
  startedAt: string;
  finishedAt: string | null;
  /** Who started the run (an email); null for runs no user started (feeds). */
  submittedBy: string | null;
}
export interface ImportRunsData {
  importRuns: {
    edges: { node: ImportRunSummary }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
export interface ImportRunsVars {
  first?: number;
  after?: string | null;
}

/**
 * The import history, newest first, a page at a time. "Load more" pages are joined by the
 * cache policy in app/apollo.ts.
 */
export const IMPORT_RUNS: TypedDocumentNode<ImportRunsData, ImportRunsVars> = gql`
  query ImportRuns($first: Int, $after: String) {
    importRuns(first: $first, after: $after) {
      edges {
        node {
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
          startedAt
          finishedAt
          submittedBy
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ComplaintFilter } from '@cw/domain';

export interface ReportTableData {
  id: string;
  section: string;
  note: string | null;
  columns: { key: string; header: string; kind: string }[];
  /** Cells formatted as the PDF prints them. */
  rows: string[][];
}

export interface QuarterlyReportData {
  quarterlyReport: {
    periodLabel: string;
    from: string;
    to: string;
    scopeLabel: string;
    filterLines: string[];
    dataAsOf: string;
    synthetic: boolean;
    method: string[];
    tables: ReportTableData[];
  };
}

export interface QuarterlyReportVars {
  filter: ComplaintFilter;
  /** The GraphQL Language enum (see langVar). */
  lang: 'ZH' | 'EN';
}

/** The report the download links give, as tables, for the preview. */
export const QUARTERLY_REPORT: TypedDocumentNode<QuarterlyReportData, QuarterlyReportVars> = gql`
  query QuarterlyReport($filter: ComplaintFilter, $lang: Language) {
    quarterlyReport(filter: $filter, lang: $lang) {
      periodLabel
      from
      to
      scopeLabel
      filterLines
      dataAsOf
      synthetic
      method
      tables {
        id
        section
        note
        columns {
          key
          header
          kind
        }
        rows
      }
    }
  }
`;

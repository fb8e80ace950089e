import { gql, type TypedDocumentNode } from '@apollo/client';

export interface NarrativeAnalysisData {
  /** Codes the classifier finds in the text; the operator decides what to tick. */
  categories: string[];
  channels: string[];
  /** The text as it would be stored, personal data masked. */
  redacted: string;
}
export interface AnalyzeNarrativeData {
  analyzeNarrative: NarrativeAnalysisData;
}
export interface AnalyzeNarrativeVars {
  text: string;
}

/** Classifies and redacts a narrative as it is typed (nothing is stored). */
export const ANALYZE_NARRATIVE: TypedDocumentNode<AnalyzeNarrativeData, AnalyzeNarrativeVars> = gql`
  query AnalyzeNarrative($text: String!) {
    analyzeNarrative(text: $text) {
      categories
      channels
      redacted
    }
  }
`;

import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Category, Channel, Evidence, Product } from '@cw/domain';

// Hand-written types until codegen from apps/api/src/schema.gql takes over.
export interface IntakeInput {
  /** ISO 8601 with offset (the form sends +08:00). */
  receivedAt: string;
  /** A registry name (or alias, credit code) or free text: the API matches or creates it. */
  institution: string;
  agency?: string | null;
  product?: Product | null;
  provinceCode: string;
  cityCode?: string | null;
  channels?: Channel[];
  categories?: Category[];
  narrative?: string | null;
  amountOwed?: number | null;
  overdueDays?: number | null;
  evidence?: Evidence[];
}

export interface SubmittedComplaint {
  id: string;
  externalId: string;
  categories: string[];
  categoriesDeclared: string[];
  categoriesDetected: string[];
}
export interface SubmitComplaintData {
  submitComplaint: SubmittedComplaint;
}
export interface SubmitComplaintVars {
  input: IntakeInput;
}

/** Records a complaint entered by an operator (source INTAKE). */
export const SUBMIT_COMPLAINT: TypedDocumentNode<SubmitComplaintData, SubmitComplaintVars> = gql`
  mutation SubmitComplaint($input: IntakeInput!) {
    submitComplaint(input: $input) {
      id
      externalId
      categories
      categoriesDeclared
      categoriesDetected
    }
  }
`;

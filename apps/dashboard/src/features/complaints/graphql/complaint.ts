import { gql, type TypedDocumentNode } from '@apollo/client';

export interface ComplaintDetail {
  id: string;
  source: string;
  externalId: string;
  receivedAt: string;
  receivedDay: string;
  incidentAt: string | null;
  product: string | null;
  provinceCode: string;
  cityCode: string | null;
  channels: string[];
  categoriesDeclared: string[];
  categoriesDetected: string[];
  narrative: string | null;
  amountOwed: string | null;
  overdueDays: number | null;
  status: string;
  respondedAt: string | null;
  institutionResponse: string | null;
  evidence: string[];
  institution: { id: string; name: string };
  agency: { id: string; name: string } | null;
}

/** One complaint, or null when there is none the user may see. */
export const COMPLAINT: TypedDocumentNode<{ complaint: ComplaintDetail | null }, { id: string }> =
  gql`
    query Complaint($id: ID!) {
      complaint(id: $id) {
        id
        source
        externalId
        receivedAt
        receivedDay
        incidentAt
        product
        provinceCode
        cityCode
        channels
        categoriesDeclared
        categoriesDetected
        narrative
        amountOwed
        overdueDays
        status
        respondedAt
        institutionResponse
        evidence
        institution {
          id
          name
        }
        agency {
          id
          name
        }
      }
    }
  `;

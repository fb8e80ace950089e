import { gql, type TypedDocumentNode } from '@apollo/client';

export interface SessionUser {
  id: string;
  email: string;
  role: string;
  provinceCodes: string[];
  institutionIds: string[];
}
export interface MeData {
  /** Null when not signed in (never an error). */
  me: SessionUser | null;
}

/** Who is signed in; run once when the app starts, then read from the cache. */
export const ME: TypedDocumentNode<MeData, Record<string, never>> = gql`
  query Me {
    me {
      id
      email
      role
      provinceCodes
      institutionIds
    }
  }
`;

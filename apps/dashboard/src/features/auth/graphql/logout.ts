import { gql, type TypedDocumentNode } from '@apollo/client';

export interface LogoutData {
  logout: boolean;
}

/** Ends the session (the API clears its cookie). */
export const LOGOUT: TypedDocumentNode<LogoutData, Record<string, never>> = gql`
  mutation Logout {
    logout
  }
`;

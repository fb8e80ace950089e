import { gql, type TypedDocumentNode } from '@apollo/client';
import type { SessionUser } from './me';

export interface LoginData {
  login: { expiresAt: string; user: SessionUser };
}
export interface LoginVars {
  email: string;
  password: string;
}

/**
 * Signs in. The session travels in an HttpOnly cookie the response sets; the token in the
 * result is not asked for, so that no script ever holds it.
 */
export const LOGIN: TypedDocumentNode<LoginData, LoginVars> = gql`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      expiresAt
      user {
        id
        email
        role
        provinceCodes
        institutionIds
      }
    }
  }
`;

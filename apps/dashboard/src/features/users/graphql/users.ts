import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '../../auth/utils/roles';

// Hand-written types until codegen from apps/api/src/schema.gql takes over.
export interface UserData {
  id: string;
  email: string;
  role: string;
  provinceCodes: string[];
  institutionIds: string[];
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}
export interface UsersData {
  users: UserData[];
}
export interface CreateUserInput {
  email: string;
  password: string;
  role: Role;
  provinceCodes?: string[];
  institutionIds?: string[];
}
export interface UpdateUserInput {
  password?: string;
  role?: Role;
  provinceCodes?: string[];
  institutionIds?: string[];
}

export const USER_FIELDS = gql`
  fragment UserFields on User {
    id
    email
    role
    provinceCodes
    institutionIds
    disabled
    createdAt
    lastLoginAt
  }
`;

/** Every account (ADMIN only). */
export const USERS: TypedDocumentNode<UsersData, Record<string, never>> = gql`
  query Users {
    users {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

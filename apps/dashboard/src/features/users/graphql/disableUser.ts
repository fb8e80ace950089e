import { gql, type TypedDocumentNode } from '@apollo/client';
import { USER_FIELDS, type UserData } from './users';

export interface DisableUserData {
  disableUser: UserData;
}
export interface DisableUserVars {
  id: string;
}

export const DISABLE_USER: TypedDocumentNode<DisableUserData, DisableUserVars> = gql`
  mutation DisableUser($id: ID!) {
    disableUser(id: $id) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

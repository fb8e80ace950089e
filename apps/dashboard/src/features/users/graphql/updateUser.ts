import { gql, type TypedDocumentNode } from '@apollo/client';
import { USER_FIELDS, type UpdateUserInput, type UserData } from './users';

export interface UpdateUserData {
  updateUser: UserData;
}
export interface UpdateUserVars {
  id: string;
  input: UpdateUserInput;
}

export const UPDATE_USER: TypedDocumentNode<UpdateUserData, UpdateUserVars> = gql`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

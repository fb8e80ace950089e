import { gql, type TypedDocumentNode } from '@apollo/client';
import { USER_FIELDS, type CreateUserInput, type UserData } from './users';

export interface CreateUserData {
  createUser: UserData;
}
export interface CreateUserVars {
  input: CreateUserInput;
}

export const CREATE_USER: TypedDocumentNode<CreateUserData, CreateUserVars> = gql`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

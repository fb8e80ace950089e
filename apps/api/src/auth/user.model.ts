import {
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { ROLES, type Role } from './roles.js';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as Record<Role, Role>;
registerEnumType(RoleEnum, { name: 'Role', description: 'What a user may do and see' });

@ObjectType({ description: 'A user of the product' })
export class User {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => [String], { description: 'Provinces a PROVINCIAL_ANALYST sees' })
  provinceCodes!: string[];

  @Field(() => [ID], { description: 'Institutions an INSTITUTION_OFFICER sees' })
  institutionIds!: string[];

  @Field()
  disabled!: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastLoginAt!: Date | null;
}

@ObjectType()
export class LoginResult {
  @Field({
    description: 'Send as `Authorization: Bearer <token>`; the dashboard uses the cookie instead',
  })
  token!: string;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}

@InputType()
export class CreateUserInput {
  @Field()
  email!: string;

  @Field({ description: 'At least 12 characters' })
  password!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => [String], { nullable: true })
  provinceCodes?: string[];

  @Field(() => [ID], { nullable: true })
  institutionIds?: string[];
}

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  password?: string | null;

  @Field(() => RoleEnum, { nullable: true })
  role?: Role | null;

  @Field(() => [String], { nullable: true })
  provinceCodes?: string[] | null;

  @Field(() => [ID], { nullable: true })
  institutionIds?: string[] | null;
}

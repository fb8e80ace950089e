import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../complaints/complaint.model.js';

@ObjectType({ description: 'One entry of the append-only audit log' })
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLISODateTime)
  at!: Date;

  @Field(() => String, { nullable: true })
  actorEmail!: string | null;

  @Field()
  action!: string;

  @Field(() => String, { nullable: true })
  target!: string | null;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => String, { nullable: true, description: 'JSON' })
  details!: string | null;
}

@ObjectType()
export class AuditEntryEdge {
  @Field()
  cursor!: string;

  @Field(() => AuditEntry)
  node!: AuditEntry;
}

@ObjectType()
export class AuditEntryConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [AuditEntryEdge])
  edges!: AuditEntryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

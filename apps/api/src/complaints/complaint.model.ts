import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type {
  Category,
  Channel,
  ComplaintFilter,
  Evidence,
  Product,
  Source,
  Status,
} from '@cw/domain';
import type { Scope } from '../auth/roles.js';
import { DateScalar } from '../graphql/date.scalar.js';
import {
  CategoryEnum,
  ChannelEnum,
  EvidenceEnum,
  ProductEnum,
  SourceEnum,
  StatusEnum,
} from '../graphql/enums.js';

@ObjectType({ description: 'A complaint (narrative redacted before storage)' })
export class Complaint {
  @Field(() => ID)
  id!: string;

  @Field(() => SourceEnum)
  source!: Source;

  @Field()
  externalId!: string;

  @Field(() => GraphQLISODateTime)
  receivedAt!: Date;

  @Field(() => DateScalar, { description: 'Day of receipt in Asia/Shanghai' })
  receivedDay!: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  incidentAt!: Date | null;

  /** Resolved through the institution DataLoader. */
  institutionId!: string;
  agencyId!: string | null;

  @Field(() => ProductEnum, { nullable: true })
  product!: Product | null;

  @Field()
  provinceCode!: string;

  @Field(() => String, { nullable: true })
  cityCode!: string | null;

  @Field(() => [ChannelEnum])
  channels!: Channel[];

  @Field(() => [CategoryEnum], { description: 'Declared by the complainant' })
  categoriesDeclared!: Category[];

  @Field(() => [CategoryEnum], { description: 'Detected in the narrative' })
  categoriesDetected!: Category[];

  @Field(() => [CategoryEnum], { description: 'Declared and detected together' })
  categories!: Category[];

  @Field(() => String, { nullable: true })
  narrative!: string | null;

  @Field(() => String, { nullable: true, description: 'CNY' })
  amountOwed!: string | null;

  @Field(() => Int, { nullable: true })
  overdueDays!: number | null;

  @Field(() => StatusEnum)
  status!: Status;

  @Field(() => GraphQLISODateTime, { nullable: true })
  respondedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'How the institution answered (redacted)' })
  institutionResponse!: string | null;

  @Field(() => [EvidenceEnum])
  evidence!: Evidence[];
}

@ObjectType()
export class ComplaintEdge {
  @Field()
  cursor!: string;

  @Field(() => Complaint)
  node!: Complaint;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** What the page was asked for: its totalCount is counted only when a query selects it. */
export interface ComplaintCountQuery {
  scope: Scope;
  filter: ComplaintFilter;
  search: string | null;
}

@ObjectType()
export class ComplaintConnection {
  /** Not a GraphQL field: totalCount (complaints.resolver.ts) counts what this describes. */
  countQuery!: ComplaintCountQuery;

  @Field(() => [ComplaintEdge])
  edges!: ComplaintEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'What the store holds' })
export class Dataset {
  @Field(() => Int)
  complaintCount!: number;

  @Field(() => DateScalar, { nullable: true })
  firstReceived!: string | null;

  @Field(() => DateScalar, { nullable: true })
  lastReceived!: string | null;

  @Field({ description: 'True when the store holds invented demo data' })
  synthetic!: boolean;

  @Field({ description: 'When these figures were read (ISO 8601)' })
  asOf!: string;
}

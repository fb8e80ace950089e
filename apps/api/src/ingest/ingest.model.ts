import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { Category, Channel, Evidence, Product } from '@cw/domain';
import { PageInfo } from '../complaints/complaint.model.js';
import {
  CategoryEnum,
  ChannelEnum,
  EvidenceEnum,
  ProductEnum,
  SourceEnum,
} from '../graphql/enums.js';

@ObjectType({ description: 'A row an import could not use' })
export class RowErrorModel {
  @Field(() => Int)
  rowNumber!: number;

  @Field()
  field!: string;

  @Field()
  value!: string;

  @Field()
  reason!: string;
}

@ObjectType({ description: 'One import: a file, a feed page or an intake form' })
export class ImportRun {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'RUNNING, SUCCEEDED, FAILED or ABANDONED' })
  status!: string;

  @Field({ description: 'canonical, cfpb, jsonl, feed or intake' })
  format!: string;

  @Field(() => SourceEnum)
  source!: string;

  @Field(() => String, { nullable: true })
  filename!: string | null;

  @Field(() => Int, { description: 'Data rows read' })
  read!: number;

  @Field(() => Int)
  inserted!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int, { description: 'Rows already stored exactly so' })
  unchanged!: number;

  @Field(() => Int, {
    description: 'Rows left out on purpose (e.g. CFPB rows about other products)',
  })
  skipped!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => String, { nullable: true, description: 'Why the whole file failed' })
  error!: string | null;

  @Field(() => GraphQLISODateTime)
  startedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'E-mail of the user who started it' })
  submittedBy!: string | null;
}

@ObjectType()
export class ImportRunEdge {
  @Field()
  cursor!: string;

  @Field(() => ImportRun)
  node!: ImportRun;
}

@ObjectType()
export class ImportRunConnection {
  @Field(() => [ImportRunEdge])
  edges!: ImportRunEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({
  description: 'What the classifier finds in a narrative, and the text as it would be stored',
})
export class NarrativeAnalysis {
  @Field(() => [CategoryEnum])
  categories!: Category[];

  @Field(() => [ChannelEnum])
  channels!: Channel[];

  @Field({ description: 'Personal data replaced by typed placeholders' })
  redacted!: string;
}

@InputType({ description: 'A complaint entered by a hotline operator' })
export class IntakeInput {
  @Field(() => GraphQLISODateTime)
  receivedAt!: Date;

  @Field({
    description:
      'Name, alias or unified social credit code; unknown names become provisional entries',
  })
  institution!: string;

  @Field(() => String, { nullable: true })
  agency?: string | null;

  @Field(() => ProductEnum, { nullable: true })
  product?: Product | null;

  @Field()
  provinceCode!: string;

  @Field(() => String, { nullable: true })
  cityCode?: string | null;

  @Field(() => [ChannelEnum], { nullable: true })
  channels?: Channel[] | null;

  @Field(() => [CategoryEnum], { nullable: true, description: 'What the complainant declared' })
  categories?: Category[] | null;

  @Field(() => String, { nullable: true })
  narrative?: string | null;

  @Field(() => Float, { nullable: true })
  amountOwed?: number | null;

  @Field(() => Int, { nullable: true })
  overdueDays?: number | null;

  @Field(() => [EvidenceEnum], { nullable: true })
  evidence?: Evidence[] | null;
}

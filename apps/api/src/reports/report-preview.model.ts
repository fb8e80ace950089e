import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../graphql/date.scalar.js';

@ObjectType()
export class ReportColumnView {
  @Field()
  key!: string;

  @Field()
  header!: string;

  @Field({ description: 'text, int, percent, decimal or date: how the cells are formatted' })
  kind!: string;
}

@ObjectType({ description: 'One table of the report, its cells formatted as the PDF prints them' })
export class ReportTableView {
  @Field({ description: 'Also the sheet name in the XLSX and the file name in the CSV zip' })
  id!: string;

  @Field({ description: 'The section it belongs to' })
  section!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [ReportColumnView])
  columns!: ReportColumnView[];

  @Field(() => [[String]])
  rows!: string[][];
}

@ObjectType({ description: 'The quarterly report as the files hold it, for a preview' })
export class ReportPreview {
  @Field()
  periodLabel!: string;

  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar)
  to!: string;

  @Field()
  scopeLabel!: string;

  @Field(() => [String])
  filterLines!: string[];

  @Field(() => GraphQLISODateTime)
  dataAsOf!: Date;

  @Field(() => GraphQLISODateTime)
  generatedAt!: Date;

  @Field()
  synthetic!: boolean;

  @Field(() => [String], { description: 'The method, one paragraph an item' })
  method!: string[];

  @Field(() => [ReportTableView])
  tables!: ReportTableView[];
}

import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../graphql/date.scalar.js';

@ObjectType()
export class TrendPoint {
  @Field(() => DateScalar, { description: 'First day of the bucket (Asia/Shanghai)' })
  period!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class TrendSeries {
  @Field({
    description:
      "Code or registry id of the series; 'ALL' without a breakdown, 'OTHER' for the rest after top N, 'NONE' where the field is empty",
  })
  key!: string;

  @Field()
  label!: string;

  @Field(() => Int)
  total!: number;

  @Field(() => [TrendPoint])
  points!: TrendPoint[];
}

@ObjectType()
export class Trend {
  @Field(() => Int, { description: 'Distinct complaints matching the filter' })
  total!: number;

  @Field({
    description: 'True when one complaint can count in several series (categories, channels)',
  })
  multiValued!: boolean;

  @Field(() => [TrendSeries])
  series!: TrendSeries[];
}

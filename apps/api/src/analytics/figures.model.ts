import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../graphql/date.scalar.js';
import { Institution } from '../registry/institution.model.js';

export const RankDimensionEnum = {
  INSTITUTION: 'INSTITUTION',
  AGENCY: 'AGENCY',
  PROVINCE: 'PROVINCE',
  CITY: 'CITY',
} as const;
export type RankDimension = keyof typeof RankDimensionEnum;
export const RankOrderEnum = { COUNT: 'COUNT', RATE: 'RATE', CHANGE: 'CHANGE' } as const;
export type RankOrder = keyof typeof RankOrderEnum;
export const ShareDimensionEnum = {
  CATEGORY: 'CATEGORY',
  CHANNEL: 'CHANNEL',
  SOURCE: 'SOURCE',
  PRODUCT: 'PRODUCT',
  INSTITUTION_TYPE: 'INSTITUTION_TYPE',
} as const;
export type ShareDimension = keyof typeof ShareDimensionEnum;

registerEnumType(RankDimensionEnum, { name: 'RankDimension', description: 'What a ranking ranks' });
registerEnumType(RankOrderEnum, {
  name: 'RankOrder',
  description:
    'COUNT, RATE (per million residents or per 10,000 borrowers) or CHANGE against the previous period',
});
registerEnumType(ShareDimensionEnum, {
  name: 'ShareDimension',
  description: 'What a share breakdown splits by',
});

@ObjectType({ description: 'Complaints in one period' })
export class PeriodTotal {
  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar)
  to!: string;

  @Field(() => Int)
  total!: number;
}

@ObjectType({
  description: 'The total, against the previous period and the same period a year earlier',
})
export class Comparison {
  @Field(() => PeriodTotal)
  current!: PeriodTotal;

  @Field(() => PeriodTotal, { description: 'As many whole months (or days) just before' })
  previous!: PeriodTotal;

  @Field(() => PeriodTotal, { description: 'The same dates a year earlier' })
  yearAgo!: PeriodTotal;

  @Field(() => Float, {
    nullable: true,
    description: 'current / previous - 1; null when previous is 0',
  })
  changeFromPrevious!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'current / yearAgo - 1; null when yearAgo is 0',
  })
  changeFromYearAgo!: number | null;
}

@ObjectType()
export class RankingRow {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Int)
  previousCount!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'count / previousCount - 1; null when previousCount is 0',
  })
  change!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Per million residents (provinces, 2020 census) or per 10,000 active borrowers (institutions, when known)',
  })
  rate!: number | null;
}

@ObjectType()
export class Ranking {
  @Field(() => Comparison)
  periods!: Comparison;

  @Field(() => String, {
    nullable: true,
    description: 'PER_MILLION_RESIDENTS or PER_10K_BORROWERS',
  })
  rateUnit!: string | null;

  @Field(() => [RankingRow])
  rows!: RankingRow[];
}

@ObjectType()
export class ShareRow {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Float, { description: 'count / distinct complaints' })
  share!: number;
}

@ObjectType()
export class Shares {
  @Field(() => Int, { description: 'Distinct complaints' })
  total!: number;

  @Field({
    description: 'True when a complaint can count in several rows, so shares add up to more than 1',
  })
  multiValued!: boolean;

  @Field(() => [ShareRow])
  rows!: ShareRow[];
}

@ObjectType({ description: 'How complaints were handled' })
export class HandlingRow {
  @Field(() => Institution, { nullable: true, description: 'Null for the row of all institutions' })
  institution!: Institution | null;

  institutionId!: string | null;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  responded!: number;

  @Field(() => Int, { description: 'Answered within 15 days of receipt' })
  timely!: number;

  @Field(() => Float, { nullable: true, description: 'timely / total' })
  timelyShare!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Median days from receipt to answer, of the answered',
  })
  medianDaysToAnswer!: number | null;

  @Field(() => Int)
  referredToPolice!: number;

  @Field(() => Float, { nullable: true, description: 'referredToPolice / total' })
  policeShare!: number | null;
}

@ObjectType()
export class OffHours {
  @Field(() => Int, { description: 'Complaints that say when the conduct happened' })
  withIncidentTime!: number;

  @Field(() => Int, { description: 'Of those, conduct between 22:00 and 08:00 Asia/Shanghai' })
  offHours!: number;

  @Field(() => Float, { nullable: true })
  share!: number | null;
}

@ObjectType({ description: 'An institution x province week far above its own history' })
export class SpikeResult {
  @Field(() => Institution)
  institution!: Institution;

  institutionId!: string;

  @Field()
  provinceCode!: string;

  @Field(() => DateScalar, { description: "The week's Monday" })
  period!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Float, { description: 'Expected count from the trailing weeks' })
  baseline!: number;

  @Field(() => Float, { description: '-log10 of the tail probability' })
  score!: number;
}

/** What the service returns: the institution itself is resolved per request (DataLoader). */
export type HandlingCounts = Omit<HandlingRow, 'institution'>;
export type SpikeCounts = Omit<SpikeResult, 'institution'>;

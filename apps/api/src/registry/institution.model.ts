import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { InstitutionType } from '@cw/domain';
import { InstitutionTypeEnum } from '../graphql/enums.js';

@ObjectType({ description: 'A lender in the registry' })
export class Institution {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => InstitutionTypeEnum)
  type!: InstitutionType;

  @Field(() => [String], { description: 'Other names it is known by, e.g. product names' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'Unified social credit code' })
  creditCode!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Borrowers with an outstanding loan, when known',
  })
  activeBorrowers!: number | null;

  @Field({ description: 'Invented for the demo data set' })
  synthetic!: boolean;

  @Field({ description: 'Created from an unrecognised name; awaiting review' })
  provisional!: boolean;
}

@ObjectType({ description: 'A third-party collection agency in the registry' })
export class CollectionAgency {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => [String])
  aliases!: string[];

  @Field()
  synthetic!: boolean;

  @Field()
  provisional!: boolean;
}

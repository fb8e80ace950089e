import { Field, ID, InputType } from '@nestjs/graphql';
import { complaintFilterSchema, normalizeFilter, type ComplaintFilter } from '@cw/domain';
import type { Category, Channel, Product, Source } from '@cw/domain';
import { AppError } from '../../graphql/app-error.js';
import { CategoryEnum, ChannelEnum, ProductEnum, SourceEnum } from '../../graphql/enums.js';
import { DateScalar } from '../../graphql/date.scalar.js';

@InputType('ComplaintFilter', {
  description: 'Within a field values are alternatives; fields combine with AND',
})
export class ComplaintFilterInput {
  @Field(() => DateScalar, { nullable: true, description: 'First day, inclusive (Asia/Shanghai)' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day, inclusive (Asia/Shanghai)' })
  to?: string;

  @Field(() => [ID], { nullable: true })
  institutionIds?: string[];

  @Field(() => [ID], { nullable: true })
  agencyIds?: string[];

  @Field(() => [String], { nullable: true, description: 'GB/T 2260 province codes' })
  provinceCodes?: string[];

  @Field(() => [String], { nullable: true, description: 'GB/T 2260 city codes' })
  cityCodes?: string[];

  @Field(() => [CategoryEnum], { nullable: true, description: 'Complaints with any of these' })
  categories?: Category[];

  @Field(() => [ChannelEnum], { nullable: true, description: 'Complaints with any of these' })
  channels?: Channel[];

  @Field(() => [SourceEnum], { nullable: true })
  sources?: Source[];

  @Field(() => [ProductEnum], { nullable: true })
  products?: Product[];
}

/** Checks a GraphQL filter with the shared schema; a bad one is a BAD_USER_INPUT naming the field. */
export function toComplaintFilter(input: ComplaintFilterInput | null | undefined): ComplaintFilter {
  const plain = Object.fromEntries(
    Object.entries(input ?? {}).filter(([, v]) => v !== null && v !== undefined),
  );
  const parsed = complaintFilterSchema.safeParse(plain);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'filter';
    throw new AppError('BAD_USER_INPUT', `filter.${field}: ${issue?.message ?? 'invalid'}`, {
      field: `filter.${field}`,
    });
  }
  return normalizeFilter(parsed.data);
}

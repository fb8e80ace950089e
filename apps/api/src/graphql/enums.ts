// GraphQL enums, built from the vocabulary in @cw/domain so the schema cannot drift from it.
import { registerEnumType } from '@nestjs/graphql';
import {
  CATEGORY,
  CHANNEL,
  DIMENSIONS,
  EVIDENCE,
  INSTITUTION_TYPE,
  INTERVALS,
  PRODUCT,
  SOURCE,
  STATUS,
} from '@cw/domain';

function enumObject<T extends string>(codes: readonly T[]): Record<T, T> {
  return Object.fromEntries(codes.map((c) => [c, c])) as Record<T, T>;
}

export const IntervalEnum = enumObject(INTERVALS);
export const DimensionEnum = enumObject(DIMENSIONS);
export const CategoryEnum = enumObject(CATEGORY.codes);
export const ChannelEnum = enumObject(CHANNEL.codes);
export const SourceEnum = enumObject(SOURCE.codes);
export const ProductEnum = enumObject(PRODUCT.codes);
export const StatusEnum = enumObject(STATUS.codes);
export const EvidenceEnum = enumObject(EVIDENCE.codes);
export const InstitutionTypeEnum = enumObject(INSTITUTION_TYPE.codes);
export const LanguageEnum = { ZH: 'zh', EN: 'en' } as const;

registerEnumType(IntervalEnum, {
  name: 'Interval',
  description: 'Bucket size; weeks start on Monday, all in Asia/Shanghai',
});
registerEnumType(DimensionEnum, { name: 'Dimension', description: 'What a breakdown splits by' });
registerEnumType(CategoryEnum, { name: 'Category', description: 'Conduct category' });
registerEnumType(ChannelEnum, { name: 'Channel', description: 'How the collector made contact' });
registerEnumType(SourceEnum, { name: 'Source', description: 'Where the complaint came from' });
registerEnumType(ProductEnum, { name: 'Product', description: 'Loan product' });
registerEnumType(EvidenceEnum, { name: 'Evidence', description: 'Evidence the complainant has' });
registerEnumType(StatusEnum, { name: 'Status', description: 'Handling status' });
registerEnumType(InstitutionTypeEnum, { name: 'InstitutionType', description: 'Kind of lender' });
registerEnumType(LanguageEnum, { name: 'Language', description: 'Language of labels' });

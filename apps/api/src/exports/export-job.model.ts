import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import type { ExportJobRow } from './export-jobs.service.js';

export const ExportKindEnum = {
  COMPLAINTS: 'COMPLAINTS',
  QUARTERLY_REPORT: 'QUARTERLY_REPORT',
} as const;
export const ExportFormatEnum = { PDF: 'pdf', XLSX: 'xlsx', CSV: 'csv' } as const;
export const ExportJobStatusEnum = {
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  DONE: 'DONE',
  FAILED: 'FAILED',
  EXPIRED: 'EXPIRED',
} as const;

registerEnumType(ExportKindEnum, {
  name: 'ExportKind',
  description: 'COMPLAINTS: the filtered complaints; QUARTERLY_REPORT: the report',
});
registerEnumType(ExportFormatEnum, {
  name: 'ExportFormat',
  description: 'pdf (reports only), xlsx, or csv (a zip of CSV files for reports)',
});
registerEnumType(ExportJobStatusEnum, { name: 'ExportJobStatus' });

@ObjectType({ description: 'A background export or report, and its file once done' })
export class ExportJob {
  @Field(() => ID)
  id!: string;

  @Field(() => ExportKindEnum)
  kind!: string;

  @Field(() => ExportFormatEnum)
  format!: string;

  @Field(() => ExportJobStatusEnum)
  status!: string;

  @Field(() => Int, { nullable: true, description: 'Complaints the export holds (raw exports)' })
  rowsTotal!: number | null;

  @Field(() => Int)
  rowsDone!: number;

  @Field(() => Float, { description: 'From 0 to 1' })
  progress!: number;

  @Field(() => String, { nullable: true })
  fileName!: string | null;

  @Field(() => Float, { nullable: true })
  fileBytes!: number | null;

  @Field(() => String, { nullable: true, description: 'Why it failed' })
  error!: string | null;

  @Field(() => String, { nullable: true, description: 'Where to download the file, once done' })
  downloadUrl!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the file will be removed' })
  expiresAt!: Date | null;
}

export function jobView(job: ExportJobRow): ExportJob {
  const progress =
    job.status === 'DONE' ? 1 : job.rowsTotal ? Math.min(job.rowsDone / job.rowsTotal, 0.99) : 0;
  return {
    id: job.id,
    kind: job.kind,
    format: job.format,
    status: job.status,
    rowsTotal: job.rowsTotal,
    rowsDone: job.rowsDone,
    progress,
    fileName: job.fileName,
    fileBytes: job.fileBytes,
    error: job.error,
    downloadUrl: job.status === 'DONE' ? `/api/exports/jobs/${job.id}/file` : null,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    expiresAt: job.expiresAt,
  };
}

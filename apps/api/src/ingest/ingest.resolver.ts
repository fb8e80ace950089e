import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { analyzeNarrative } from '@cw/text';
import { ClientIp, CurrentPrincipal, CurrentScope, Roles } from '../auth/auth.decorators.js';
import type { Principal, Scope } from '../auth/roles.js';
import { Complaint } from '../complaints/complaint.model.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { AppError } from '../graphql/app-error.js';
import { ImportService } from './import.service.js';
import { intakeToComplaint } from './intake.js';
import {
  ImportRun,
  ImportRunConnection,
  IntakeInput,
  NarrativeAnalysis,
  RowErrorModel,
} from './ingest.model.js';

/** Longest text analyzeNarrative looks at. */
export const MAX_ANALYZE_CHARS = 20_000;

@Resolver(() => ImportRun)
export class IngestResolver {
  constructor(
    private readonly imports: ImportService,
    private readonly complaints: ComplaintsService,
  ) {}

  @Roles('ADMIN', 'OPERATOR')
  @Query(() => ImportRun, { description: 'An import run you started (admins: any)' })
  importRun(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ImportRun> {
    return this.imports.summary(principal, id);
  }

  @Roles('ADMIN', 'OPERATOR')
  @Query(() => ImportRunConnection, {
    description: 'Import history, newest first (yours; admins: all)',
  })
  importRuns(
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ImportRunConnection> {
    return this.imports.history(principal, first, after);
  }

  @ResolveField(() => [RowErrorModel], { description: 'Rejected rows, by row number' })
  errors(
    @Parent() run: ImportRun,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<RowErrorModel[]> {
    if (first < 1 || first > 1000)
      throw new AppError('BAD_USER_INPUT', 'first must be between 1 and 1000', { field: 'first' });
    return this.imports.errors(run.id, first);
  }

  @Query(() => NarrativeAnalysis, {
    description: 'Categories and channels found in a narrative, and its redacted text',
  })
  analyzeNarrative(@Args('text') text: string): NarrativeAnalysis {
    if (text.length > MAX_ANALYZE_CHARS) {
      throw new AppError('BAD_USER_INPUT', `text must be at most ${MAX_ANALYZE_CHARS} characters`, {
        field: 'text',
      });
    }
    return analyzeNarrative(text);
  }

  @Roles('ADMIN', 'OPERATOR')
  @Mutation(() => Complaint, { description: 'Enters a complaint received by a hotline operator' })
  async submitComplaint(
    @Args('input') input: IntakeInput,
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: Scope,
    @ClientIp() ip: string | null,
  ): Promise<Complaint> {
    const row = intakeToComplaint(input);
    const runId = await this.imports.startRun(principal, 'intake', 'INTAKE', null);
    const summary = await this.imports.run(runId, principal, 'INTAKE', [{ kind: 'ok', row }], ip);
    if (summary.status !== 'SUCCEEDED' || summary.inserted !== 1) {
      const [error] = await this.imports.errors(runId, 1);
      throw new AppError(
        'BAD_USER_INPUT',
        error?.reason ?? summary.error ?? 'the complaint could not be stored',
        { field: 'input' },
      );
    }
    const saved = await this.complaints.byExternalId(scope, 'INTAKE', row.externalId);
    if (!saved) throw new Error('stored intake complaint not readable');
    return saved;
  }
}

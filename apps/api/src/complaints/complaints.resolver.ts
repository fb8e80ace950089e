import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  ComplaintFilterInput,
  toComplaintFilter,
} from '../analytics/dto/complaint-filter.input.js';
import { CurrentScope } from '../auth/auth.decorators.js';
import type { Scope } from '../auth/roles.js';
import type { GraphqlContext } from '../graphql/loaders.js';
import { CollectionAgency, Institution } from '../registry/institution.model.js';
import { Complaint, ComplaintConnection, Dataset } from './complaint.model.js';
import { ComplaintsService } from './complaints.service.js';

@Resolver(() => Complaint)
export class ComplaintsResolver {
  constructor(private readonly service: ComplaintsService) {}

  @Query(() => ComplaintConnection, { description: 'Complaints matching the filter, newest first' })
  complaints(
    @CurrentScope() scope: Scope,
    @Args('filter', { type: () => ComplaintFilterInput, nullable: true })
    filter: ComplaintFilterInput | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('search', {
      type: () => String,
      nullable: true,
      description:
        'Words the narrative must all contain (space-separated; Chinese anywhere, Latin words from their start); at most 100 characters',
    })
    search: string | null,
  ): Promise<ComplaintConnection> {
    return this.service.list(scope, toComplaintFilter(filter), first, after, search);
  }

  @Query(() => Complaint, {
    nullable: true,
    description: 'One complaint, or null when there is none the caller may see',
  })
  complaint(
    @CurrentScope() scope: Scope,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Complaint | null> {
    return this.service.byId(scope, id);
  }

  @Query(() => Dataset, { description: 'Size and span of the complaint store' })
  dataset(@CurrentScope() scope: Scope): Promise<Dataset> {
    return this.service.dataset(scope);
  }

  @ResolveField(() => Institution)
  async institution(@Parent() c: Complaint, @Context() ctx: GraphqlContext): Promise<Institution> {
    const found = await ctx.loaders.institution.load(c.institutionId);
    // The foreign key guarantees the row; a miss means the registry changed under us.
    if (!found) throw new Error(`institution ${c.institutionId} missing`);
    return found;
  }

  @ResolveField(() => CollectionAgency, { nullable: true })
  agency(@Parent() c: Complaint, @Context() ctx: GraphqlContext): Promise<CollectionAgency | null> {
    return c.agencyId ? ctx.loaders.agency.load(c.agencyId) : Promise.resolve(null);
  }
}

@Resolver(() => ComplaintConnection)
export class ComplaintConnectionResolver {
  constructor(private readonly service: ComplaintsService) {}

  /** Counted only when asked for: a page that does not show the total does not pay for it. */
  @ResolveField(() => Int)
  totalCount(@Parent() connection: ComplaintConnection): Promise<number> {
    return this.service.count(connection.countQuery);
  }
}

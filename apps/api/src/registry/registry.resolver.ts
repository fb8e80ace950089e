import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentScope } from '../auth/auth.decorators.js';
import type { Scope } from '../auth/roles.js';
import { AppError } from '../graphql/app-error.js';
import { CollectionAgency, Institution } from './institution.model.js';
import { MAX_REGISTRY_PAGE, RegistryService } from './registry.service.js';

@Resolver(() => Institution)
export class RegistryResolver {
  constructor(private readonly registry: RegistryService) {}

  @Query(() => [Institution], {
    description: 'Institutions whose name or an alias contains `search`',
  })
  institutions(
    @CurrentScope() scope: Scope,
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<Institution[]> {
    if (first < 1 || first > MAX_REGISTRY_PAGE) {
      throw new AppError('BAD_USER_INPUT', `first must be between 1 and ${MAX_REGISTRY_PAGE}`, {
        field: 'first',
      });
    }
    if (search && search.length > 100) {
      throw new AppError('BAD_USER_INPUT', 'search must be at most 100 characters', {
        field: 'search',
      });
    }
    return this.registry.searchInstitutions(scope, search, first);
  }

  @Query(() => [Institution], { description: 'Institutions by id (unknown ids are left out)' })
  institutionsByIds(
    @CurrentScope() scope: Scope,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ): Promise<Institution[]> {
    if (ids.length > MAX_REGISTRY_PAGE) {
      throw new AppError('BAD_USER_INPUT', `at most ${MAX_REGISTRY_PAGE} ids`, { field: 'ids' });
    }
    return this.registry.institutionsByIds(ids, scope);
  }

  @Query(() => [CollectionAgency], {
    description: 'Collection agencies whose name or an alias contains `search`',
  })
  agencies(
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<CollectionAgency[]> {
    if (first < 1 || first > MAX_REGISTRY_PAGE) {
      throw new AppError('BAD_USER_INPUT', `first must be between 1 and ${MAX_REGISTRY_PAGE}`, {
        field: 'first',
      });
    }
    if (search && search.length > 100) {
      throw new AppError('BAD_USER_INPUT', 'search must be at most 100 characters', {
        field: 'search',
      });
    }
    return this.registry.searchAgencies(search, first);
  }

  @Query(() => [CollectionAgency], {
    description: 'Collection agencies by id (unknown ids are left out)',
  })
  agenciesByIds(@Args('ids', { type: () => [ID] }) ids: string[]): Promise<CollectionAgency[]> {
    if (ids.length > MAX_REGISTRY_PAGE) {
      throw new AppError('BAD_USER_INPUT', `at most ${MAX_REGISTRY_PAGE} ids`, { field: 'ids' });
    }
    return this.registry.agenciesByIds(ids);
  }
}

// Per-request DataLoaders: every field that looks up a registry entry from a list goes
// through one of these, so a page of 100 complaints costs one query per table, not 100.
import DataLoader from 'dataloader';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/request-principal.js';
import type { CollectionAgency, Institution } from '../registry/institution.model.js';
import type { RegistryService } from '../registry/registry.service.js';

export interface Loaders {
  institution: DataLoader<string, Institution | null>;
  agency: DataLoader<string, CollectionAgency | null>;
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

export function createLoaders(registry: RegistryService): Loaders {
  return {
    institution: new DataLoader(async (ids) => byId(ids, await registry.institutionsByIds(ids))),
    agency: new DataLoader(async (ids) => byId(ids, await registry.agenciesByIds(ids))),
  };
}

export interface GraphqlContext {
  req: AuthenticatedRequest;
  res: Response;
  loaders: Loaders;
}

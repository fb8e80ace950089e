import { ComplaintEntity } from '../complaints/complaint.entity.js';
import { CollectionAgencyEntity } from '../registry/collection-agency.entity.js';
import { InstitutionEntity } from '../registry/institution.entity.js';
import { RegionEntity } from '../registry/region.entity.js';

export const ALL_ENTITIES = [
  RegionEntity,
  InstitutionEntity,
  CollectionAgencyEntity,
  ComplaintEntity,
];

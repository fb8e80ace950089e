// Migrations in order. Listed by hand: ESM has no reliable glob import, and the list
// doubles as the schema's history at a glance.
import { AddRegistryAndComplaints1764400000000 } from './1764400000000-AddRegistryAndComplaints.js';
import { AddUsersAndAuditLog1764500000000 } from './1764500000000-AddUsersAndAuditLog.js';
import { AddComplaintRollups1764600000000 } from './1764600000000-AddComplaintRollups.js';
import { AddImportRuns1764700000000 } from './1764700000000-AddImportRuns.js';
import { AddComplaintListIndex1764800000000 } from './1764800000000-AddComplaintListIndex.js';
import { AddRollupVersion1764900000000 } from './1764900000000-AddRollupVersion.js';
import { AddNarrativeSearch1765050000000 } from './1765050000000-AddNarrativeSearch.js';
import { NarrativeSearchIndexOnServerOnly1765200000000 } from './1765200000000-NarrativeSearchIndexOnServerOnly.js';
import { AddExportJobs1765100000000 } from './1765100000000-AddExportJobs.js';
import { PartitionComplaintsByMonth1765300000000 } from './1765300000000-PartitionComplaintsByMonth.js';
import { StoreNarrativeSearchTokens1765400000000 } from './1765400000000-StoreNarrativeSearchTokens.js';

export const ALL_MIGRATIONS = [
  AddRegistryAndComplaints1764400000000,
  AddUsersAndAuditLog1764500000000,
  AddComplaintRollups1764600000000,
  AddImportRuns1764700000000,
  AddComplaintListIndex1764800000000,
  AddRollupVersion1764900000000,
  AddNarrativeSearch1765050000000,
  AddExportJobs1765100000000,
  NarrativeSearchIndexOnServerOnly1765200000000,
  PartitionComplaintsByMonth1765300000000,
  StoreNarrativeSearchTokens1765400000000,
];

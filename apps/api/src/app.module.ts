import { Global, Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { AuthModule } from './auth/auth.module.js';
import { IngestModule } from './ingest/ingest.module.js';
import { ComplaintsModule } from './complaints/complaints.module.js';
import { ENV } from './app.tokens.js';
import type { Env } from './config/env.js';
import { ReadDatabaseModule } from './database/read-database.js';
import { AppGraphqlModule } from './graphql/graphql.module.js';
import { ObservabilityModule } from './observability/observability.module.js';
import { RegistryModule } from './registry/registry.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { ExportsModule } from './exports/exports.module.js';

/** Makes the already-open, migrated DataSource injectable everywhere (@InjectDataSource). */
@Global()
@Module({})
class DatabaseModule {
  static register(dataSource: DataSource, env: Env): DynamicModule {
    const providers = [
      { provide: getDataSourceToken(), useValue: dataSource },
      { provide: ENV, useValue: env },
    ];
    return { module: DatabaseModule, providers, exports: providers };
  }
}

@Module({})
export class AppModule {
  static register(dataSource: DataSource, env: Env): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.register(dataSource, env),
        ObservabilityModule,
        ReadDatabaseModule,
        AuthModule,
        RegistryModule,
        ComplaintsModule,
        AnalyticsModule,
        IngestModule,
        ReportsModule,
        ExportsModule,
        AppGraphqlModule,
      ],
    };
  }
}

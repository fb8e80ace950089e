import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ENV } from '../app.tokens.js';
import type { Env } from '../config/env.js';
import { graphqlObservabilityPlugin } from '../observability/graphql-observability.plugin.js';
import { RegistryModule } from '../registry/registry.module.js';
import { RegistryService } from '../registry/registry.service.js';
import { costLimitPlugin } from './cost-limit.plugin.js';
import { depthLimitRule } from './depth-limit.rule.js';
import { inputGuardPlugin } from './input-guard.plugin.js';
import { formatGraphqlError } from './error-formatter.js';
import { createLoaders, type GraphqlContext } from './loaders.js';
import './enums.js';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [RegistryModule],
      inject: [RegistryService, ENV],
      useFactory: (registry: RegistryService, env: Env) => ({
        path: '/graphql',
        // The schema is built in memory at start; `npm run schema` writes the committed copy.
        autoSchemaFile: true,
        sortSchema: true,
        playground: false,
        // Production answers no introspection: the schema is documented, not discoverable.
        introspection: env.NODE_ENV !== 'production',
        // Refuses GraphQL requests a browser could send cross-site without a preflight.
        csrfPrevention: true,
        includeStacktraceInErrorResponses: false,
        validationRules: [depthLimitRule()],
        plugins: [graphqlObservabilityPlugin(), inputGuardPlugin(), costLimitPlugin()],
        formatError: formatGraphqlError,
        context: ({ req, res }: Pick<GraphqlContext, 'req' | 'res'>): GraphqlContext => ({
          req,
          res,
          loaders: createLoaders(registry),
        }),
      }),
    }),
  ],
})
export class AppGraphqlModule {}

import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { RegistryModule } from '../registry/registry.module.js';
import { RegistryService } from '../registry/registry.service.js';
import { depthLimitRule } from './depth-limit.rule.js';
import { formatGraphqlError } from './error-formatter.js';
import { createLoaders, type GraphqlContext } from './loaders.js';
import './enums.js';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [RegistryModule],
      inject: [RegistryService],
      useFactory: (registry: RegistryService) => ({
        path: '/graphql',
        // The schema is built in memory at start; `npm run schema` writes the committed copy.
        autoSchemaFile: true,
        sortSchema: true,
        playground: false,
        introspection: process.env['NODE_ENV'] !== 'production',
        includeStacktraceInErrorResponses: false,
        validationRules: [depthLimitRule()],
        formatError: formatGraphqlError,
        context: (): GraphqlContext => ({ loaders: createLoaders(registry) }),
      }),
    }),
  ],
})
export class AppGraphqlModule {}

// Tells the request log and the metrics which GraphQL operation a request ran and whether
// its answer holds errors; and answers HTTP 503 (with Retry-After) when the database was
// unavailable, so clients and load balancers see the outage without reading the body.
import type { ApolloServerPlugin } from '@apollo/server';
import type { ObservedRequest } from './http-observability.js';

/** Seconds a client is asked to wait when the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

export function graphqlObservabilityPlugin(): ApolloServerPlugin<{ req?: ObservedRequest }> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation({ operationName, operation }) {
          if (contextValue.req)
            contextValue.req.graphql = {
              operation: operationName ?? null,
              type: operation?.operation ?? 'none',
              failed: false,
            };
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (contextValue.req?.graphql && errors.length) contextValue.req.graphql.failed = true;
          if (errors.some((e) => e.extensions?.['code'] === 'DATABASE_UNAVAILABLE')) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}

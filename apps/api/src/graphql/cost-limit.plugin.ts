// Refuses a query whose estimated cost is over the limit before it runs: each field costs
// 1, and a field with `first: N` costs N times its selection (N rows are fetched).
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

export const MAX_QUERY_COST = 5000;

const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args['first'] === 'number' ? args['first'] : undefined;
  const ids = Array.isArray(args['ids']) ? args['ids'].length : undefined;
  const n = first ?? ids;
  return n === undefined ? undefined : 1 + childComplexity * Math.max(1, n);
};

export function costLimitPlugin(max = MAX_QUERY_COST): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (e) {
            // The estimate reads the variables first: one of the wrong type or value (an
            // unknown enum value, text for an Int) is the request's fault, answered 400.
            if (!(e instanceof GraphQLError)) throw e;
            throw new GraphQLError(e.message, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          if (cost > max) {
            throw new GraphQLError(
              `query costs ${cost}; the limit is ${max}: ask for fewer rows or fields`,
              {
                extensions: {
                  code: 'GRAPHQL_VALIDATION_FAILED',
                  cost,
                  maxCost: max,
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}

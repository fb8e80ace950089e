// PostgreSQL text cannot hold the NUL character: refuse any request that carries one (in a
// variable or a literal) with BAD_USER_INPUT before a resolver passes it to the database.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit } from 'graphql';

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object') return Object.values(value).some(hasNul);
  return false;
}

export function inputGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let found = hasNul(request.variables ?? {});
          visit(document, {
            [Kind.STRING]: (node) => {
              if (node.value.includes('\u0000')) found = true;
            },
          });
          if (found) {
            throw new GraphQLError('text must not contain the NUL character', {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

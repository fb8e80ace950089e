import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** One client for the page; the API serves GraphQL on the same origin. */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri }),
    cache: new InMemoryCache({
      typePolicies: {
        // Aggregates have no identity of their own: keep them inside the query that asked.
        Trend: { keyFields: false },
        TrendSeries: { keyFields: false },
        TrendPoint: { keyFields: false },
        Dataset: { keyFields: false },
      },
    }),
  });
}

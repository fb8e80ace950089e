import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import type { AuditLogData } from '../features/audit/graphql/auditLog';
import type { ImportRunsData } from '../features/imports/graphql/importRuns';
import { apiErrors } from './errors';

export interface ApolloOptions {
  uri?: string;
  /** Called when the API says the session is missing or over (code UNAUTHENTICATED). */
  onUnauthenticated?: () => void;
}

/** Sign-in and sign-out answer UNAUTHENTICATED as part of their job, not as a lost session. */
const SESSION_OPERATIONS = new Set(['Login', 'Logout']);

type AuditLogPage = AuditLogData['auditLog'];
type ImportRunsPage = ImportRunsData['importRuns'];

/**
 * One client for the page; the API serves GraphQL on the same origin, and the session
 * cookie (HttpOnly, set by `login`) goes with every request.
 */
export function createApolloClient({
  uri = '/graphql',
  onUnauthenticated,
}: ApolloOptions = {}): ApolloClient {
  const sessionLink = new ErrorLink(({ error, operation }) => {
    if (SESSION_OPERATIONS.has(operation.operationName ?? '')) return;
    if (apiErrors(error).some((e) => e.code === 'UNAUTHENTICATED')) onUnauthenticated?.();
  });
  return new ApolloClient({
    link: ApolloLink.from([sessionLink, new HttpLink({ uri, credentials: 'same-origin' })]),
    cache: new InMemoryCache({
      typePolicies: {
        // Aggregates have no identity of their own: keep them inside the query that asked.
        Trend: { keyFields: false },
        TrendSeries: { keyFields: false },
        TrendPoint: { keyFields: false },
        Dataset: { keyFields: false },
        // Each poll of a run brings its first rejected rows afresh: replace, never merge.
        ImportRun: { fields: { errors: { merge: false } } },
        Query: {
          fields: {
            // "Load more" asks for the page `after` the last cursor: append it to the list
            // cached for the same action filter; a first page replaces the list.
            auditLog: {
              keyArgs: ['action'],
              merge(existing: AuditLogPage | undefined, incoming: AuditLogPage, { args }) {
                if (!existing || !args?.['after']) return incoming;
                return { ...incoming, edges: [...existing.edges, ...incoming.edges] };
              },
            },
            // The import history the same way; a first page (a refresh after a run) replaces it.
            importRuns: {
              keyArgs: false,
              merge(existing: ImportRunsPage | undefined, incoming: ImportRunsPage, { args }) {
                if (!existing || !args?.['after']) return incoming;
                return { ...incoming, edges: [...existing.edges, ...incoming.edges] };
              },
            },
          },
        },
      },
    }),
  });
}

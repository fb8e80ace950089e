import { gql, type TypedDocumentNode } from '@apollo/client';

export interface AuditEntryData {
  id: string;
  at: string;
  actorEmail: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  /** JSON text. */
  details: string | null;
}
export interface AuditLogData {
  auditLog: {
    totalCount: number;
    edges: { cursor: string; node: AuditEntryData }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
export interface AuditLogVars {
  first: number;
  after?: string | null;
  action?: string | null;
}

/** Audit actions the API records (apps/api/src/audit/audit.service.ts), for suggestions. */
export const AUDIT_ACTIONS = [
  'LOGIN',
  'LOGIN_FAILED',
  'LOGIN_RATE_LIMITED',
  'LOGOUT',
  'USER_CREATED',
  'USER_UPDATED',
  'USER_DISABLED',
  'AUDIT_EXPORTED',
  'ADMIN_BOOTSTRAPPED',
] as const;

/**
 * A page of the audit log, newest first (ADMIN only); `action` matches exactly. "Load more"
 * pages are joined by the cache policy in app/apollo.ts.
 */
export const AUDIT_LOG: TypedDocumentNode<AuditLogData, AuditLogVars> = gql`
  query AuditLog($first: Int!, $after: String, $action: String) {
    auditLog(first: $first, after: $after, action: $action) {
      totalCount
      edges {
        cursor
        node {
          id
          at
          actorEmail
          action
          target
          ip
          details
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

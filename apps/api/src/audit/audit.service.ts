import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../graphql/app-error.js';

/** What the audit log records. */
export type AuditAction =
  | 'ADMIN_BOOTSTRAPPED'
  | 'LOGIN'
  | 'LOGIN_FAILED'
  | 'LOGIN_RATE_LIMITED'
  | 'LOGOUT'
  | 'USER_CREATED'
  | 'USER_UPDATED'
  | 'USER_DISABLED'
  | 'AUDIT_EXPORTED'
  | 'IMPORT'
  | 'INTAKE'
  | 'REPORT_EXPORTED'
  | 'COMPLAINTS_EXPORTED'
  | 'EXPORT_REQUESTED'
  | 'EXPORT_DOWNLOADED';

export interface AuditEvent {
  actor: { id: number; email: string } | null;
  action: AuditAction;
  target?: string | null;
  ip?: string | null;
  /** Never personal data from complaints, never passwords. */
  details?: Record<string, unknown> | null;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorEmail: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  details: string | null;
}

export const MAX_AUDIT_PAGE = 500;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Appends an entry (inside `tx` when given, so it commits with the change it records). */
  async record(event: AuditEvent, tx?: EntityManager): Promise<void> {
    await (tx ?? this.db).query(
      `INSERT INTO audit_log (actor_id, actor_email, action, target, ip, details) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
      [
        event.actor?.id ?? null,
        event.actor?.email ?? null,
        event.action,
        event.target ?? null,
        event.ip ?? null,
        event.details ? JSON.stringify(event.details) : null,
      ],
    );
  }

  /** Newest first, keyset paging on id. */
  async page(first: number, after?: string | null, action?: string | null) {
    after ??= null;
    action ??= null;
    if (!Number.isInteger(first) || first < 1 || first > MAX_AUDIT_PAGE) {
      throw new AppError('BAD_USER_INPUT', `first must be between 1 and ${MAX_AUDIT_PAGE}`, {
        field: 'first',
      });
    }
    if (after !== null && !/^\d{1,18}$/.test(after)) {
      throw new AppError('BAD_USER_INPUT', 'after is not a cursor this API issued', {
        field: 'after',
      });
    }
    const params: unknown[] = [action, after];
    const where = `($1::text IS NULL OR action = $1) AND ($2::bigint IS NULL OR id < $2::bigint)`;
    const rows = await this.db.query<AuditRow[]>(
      `SELECT id::text AS id, at, actor_email AS "actorEmail", action, target, ip, details::text AS details
       FROM audit_log WHERE ${where} ORDER BY id DESC LIMIT $3`,
      [...params, first + 1],
    );
    const [count] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_log WHERE $1::text IS NULL OR action = $1`,
      [action],
    );
    const page = rows.slice(0, first);
    return {
      totalCount: count?.n ?? 0,
      edges: page.map((node) => ({ node, cursor: node.id })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page[page.length - 1]?.id ?? null },
    };
  }

  /** Every entry, oldest first, in chunks (for the CSV export). */
  async *all(chunk = 1000): AsyncGenerator<AuditRow[]> {
    let after = '0';
    for (;;) {
      const rows = await this.db.query<AuditRow[]>(
        `SELECT id::text AS id, at, actor_email AS "actorEmail", action, target, ip, details::text AS details
         FROM audit_log WHERE id > $1::bigint ORDER BY id LIMIT $2`,
        [after, chunk],
      );
      if (!rows.length) return;
      yield rows;
      after = rows[rows.length - 1]!.id;
    }
  }
}

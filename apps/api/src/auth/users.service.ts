import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { PROVINCES } from '@cw/domain';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../graphql/app-error.js';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password.js';
import type { Principal, Role } from './roles.js';
import type { CreateUserInput, UpdateUserInput, User } from './user.model.js';

const USER_COLUMNS = `id::text AS id, email, role, province_codes AS "provinceCodes",
  institution_ids::text[] AS "institutionIds", disabled, created_at AS "createdAt", last_login_at AS "lastLoginAt"`;

export interface StoredUser extends Principal {
  passwordHash: string;
  disabled: boolean;
  tokenVersion: number;
}

const bad = (field: string, message: string) =>
  new AppError('BAD_USER_INPUT', `${field}: ${message}`, { field });

function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async count(): Promise<number> {
    const [row] = await this.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM users`);
    return row?.n ?? 0;
  }

  async list(): Promise<User[]> {
    return this.db.query(`SELECT ${USER_COLUMNS} FROM users ORDER BY email`);
  }

  async byEmail(email: string): Promise<StoredUser | null> {
    const [row] = await this.db.query<StoredUser[]>(
      `SELECT id, email, role, province_codes AS "provinceCodes", institution_ids AS "institutionIds",
              password_hash AS "passwordHash", disabled, token_version AS "tokenVersion"
       FROM users WHERE email = $1`,
      [normalizeEmail(email)],
    );
    return row ?? null;
  }

  async byId(id: number): Promise<StoredUser | null> {
    const [row] = await this.db.query<StoredUser[]>(
      `SELECT id, email, role, province_codes AS "provinceCodes", institution_ids AS "institutionIds",
              password_hash AS "passwordHash", disabled, token_version AS "tokenVersion"
       FROM users WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async publicUser(id: number): Promise<User> {
    const [row] = await this.db.query<User[]>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [
      id,
    ]);
    if (!row) throw new AppError('NOT_FOUND', `no user ${id}`);
    return row;
  }

  async create(input: CreateUserInput, actor: Principal | null, ip: string | null): Promise<User> {
    const email = normalizeEmail(input.email);
    if (!/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 200)
      throw bad('input.email', 'is not an e-mail address');
    checkPassword('input.password', input.password);
    const scope = await this.checkScope(
      input.role,
      input.provinceCodes ?? [],
      input.institutionIds ?? [],
    );
    const hash = await hashPassword(input.password);
    return this.db.transaction(async (tx) => {
      const [exists] = await tx.query(`SELECT 1 FROM users WHERE email = $1`, [email]);
      if (exists) throw bad('input.email', 'is already taken');
      const [row] = await tx.query<{ id: number }[]>(
        `INSERT INTO users (email, password_hash, role, province_codes, institution_ids)
         VALUES ($1, $2, $3, $4::text[], $5::int[]) RETURNING id`,
        [email, hash, input.role, scope.provinceCodes, scope.institutionIds],
      );
      await this.audit.record(
        {
          actor,
          action: actor ? 'USER_CREATED' : 'ADMIN_BOOTSTRAPPED',
          target: email,
          ip,
          details: { role: input.role, ...scope },
        },
        tx,
      );
      return this.publicUserIn(tx, row!.id);
    });
  }

  async update(
    id: number,
    input: UpdateUserInput,
    actor: Principal,
    ip: string | null,
  ): Promise<User> {
    const current = await this.byId(id);
    if (!current) throw bad('id', 'no such user');
    const role = input.role ?? current.role;
    if (id === actor.id && role !== 'ADMIN')
      throw bad('input.role', 'you cannot take the admin role from yourself');
    const scope = await this.checkScope(
      role,
      input.provinceCodes ?? current.provinceCodes,
      input.institutionIds ?? current.institutionIds.map(String),
    );
    if (input.password != null) checkPassword('input.password', input.password);
    const hash = input.password != null ? await hashPassword(input.password) : null;
    return this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE users SET role = $2, province_codes = $3::text[], institution_ids = $4::int[],
           password_hash = coalesce($5, password_hash),
           -- A new password or a narrower role ends the sessions issued before.
           token_version = token_version + 1, updated_at = now()
         WHERE id = $1`,
        [id, role, scope.provinceCodes, scope.institutionIds, hash],
      );
      await this.audit.record(
        {
          actor,
          action: 'USER_UPDATED',
          target: current.email,
          ip,
          details: { role, ...scope, passwordChanged: hash !== null },
        },
        tx,
      );
      return this.publicUserIn(tx, id);
    });
  }

  async disable(id: number, actor: Principal, ip: string | null): Promise<User> {
    if (id === actor.id) throw bad('id', 'you cannot disable yourself');
    const current = await this.byId(id);
    if (!current) throw bad('id', 'no such user');
    return this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE users SET disabled = true, token_version = token_version + 1, updated_at = now() WHERE id = $1`,
        [id],
      );
      await this.audit.record({ actor, action: 'USER_DISABLED', target: current.email, ip }, tx);
      return this.publicUserIn(tx, id);
    });
  }

  /** Ends every session of a user (logout). */
  async revokeSessions(id: number): Promise<void> {
    await this.db.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [id]);
  }

  async touchLogin(id: number): Promise<void> {
    await this.db.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [id]);
  }

  private async publicUserIn(tx: EntityManager, id: number): Promise<User> {
    const [row] = await tx.query<User[]>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return row!;
  }

  /** A role's scope must be given, exist, and carry nothing another role would use. */
  private async checkScope(role: Role, provinceCodes: string[], institutionIds: string[]) {
    const provinces = new Set(PROVINCES.map((p) => p.code));
    if (role === 'PROVINCIAL_ANALYST') {
      if (!provinceCodes.length)
        throw bad('input.provinceCodes', 'a provincial analyst needs at least one province');
      const unknown = provinceCodes.find((c) => !provinces.has(c));
      if (unknown) throw bad('input.provinceCodes', `${unknown} is not a province code`);
    }
    if (role === 'INSTITUTION_OFFICER') {
      if (!institutionIds.length)
        throw bad('input.institutionIds', 'an institution officer needs at least one institution');
      const ids = institutionIds.map(Number);
      if (ids.some((n) => !Number.isInteger(n) || n < 1))
        throw bad('input.institutionIds', 'must be registry ids');
      const [found] = await this.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM institutions WHERE id = ANY($1::int[])`,
        [ids],
      );
      if ((found?.n ?? 0) !== new Set(ids).size)
        throw bad('input.institutionIds', 'names an institution that does not exist');
    }
    return {
      provinceCodes: role === 'PROVINCIAL_ANALYST' ? [...new Set(provinceCodes)].sort() : [],
      institutionIds:
        role === 'INSTITUTION_OFFICER'
          ? [...new Set(institutionIds.map(Number))].sort((a, b) => a - b)
          : [],
    };
  }
}

function checkPassword(field: string, password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw bad(field, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH)
    throw bad(field, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
}

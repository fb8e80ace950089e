// Readiness: the database answers and every migration this build knows is applied. One
// check runs at a time (callers share it) and gives up after READY_TIMEOUT_MS. The answer
// names states only, never hosts, errors or versions.
import type { DataSource } from 'typeorm';

export const READY_TIMEOUT_MS = 2000;

export type DatabaseState = 'ok' | 'unreachable' | 'timeout';
export type MigrationState = 'ok' | 'pending' | 'unknown';

export interface Readiness {
  status: 'ready' | 'not_ready' | 'stopping';
  checks: { database: DatabaseState; migrations: MigrationState };
}

export class ReadinessCheck {
  private inFlight: Promise<Readiness> | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly timeoutMs = READY_TIMEOUT_MS,
  ) {}

  check(): Promise<Readiness> {
    this.inFlight ??= this.run().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async run(): Promise<Readiness> {
    const known = this.db.migrations.map((m) => m.name ?? m.constructor.name);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    try {
      const applied = await Promise.race([
        this.db.query<{ name: string }[]>(`SELECT name FROM migrations`),
        timeout,
      ]);
      if (applied === 'timeout') return notReady('timeout', 'unknown');
      const names = new Set(applied.map((r) => r.name));
      const pending = known.some((name) => !names.has(name));
      return pending
        ? notReady('ok', 'pending')
        : { status: 'ready', checks: { database: 'ok', migrations: 'ok' } };
    } catch (e) {
      // No migrations table: the database answers but was never migrated.
      const code = (e as { code?: string; driverError?: { code?: string } }).driverError?.code;
      return code === '42P01' ? notReady('ok', 'pending') : notReady('unreachable', 'unknown');
    } finally {
      clearTimeout(timer);
    }
  }
}

function notReady(database: DatabaseState, migrations: MigrationState): Readiness {
  return { status: 'not_ready', checks: { database, migrations } };
}

// The pairing server's store on PostgreSQL (`tandem server --database postgres://…`): a pool,
// numbered migrations applied at start, and the three repositories on named statements.
import pg from 'pg';
import type { PairingStore } from '../server/pairing-store.js';
import { postgresMigrations } from './migrations/index.js';
import { PgBindings } from './pg-bindings.js';
import { PgClients } from './pg-clients.js';
import { checkServerKey } from './pg-key-check.js';
import { migratePostgres } from './pg-migrate.js';
import { PgSessions } from './pg-sessions.js';
import { guarded } from './unavailable.js';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database (or ?host=/socket/dir). */
  url: string;
  /** Connections the pool keeps at most (default 10). */
  poolSize?: number;
  /** How long a request waits for a connection before STORE_UNAVAILABLE (default 3000 ms). */
  connectTimeoutMs?: number;
  /** A pooled connection failed while idle (PostgreSQL went away); it is dropped. */
  onIdleError?: (error: Error) => void;
}

export const DEFAULT_POOL_SIZE = 10;

export class PostgresStore implements PairingStore {
  readonly kind = 'postgres' as const;
  readonly clients: PgClients;
  readonly bindings: PgBindings;
  readonly sessions: PgSessions;
  private readonly pool: pg.Pool;
  private closed = false;

  constructor(options: PostgresStoreOptions) {
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? DEFAULT_POOL_SIZE,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 3_000,
      idleTimeoutMillis: 30_000,
    });
    // Without a listener a connection that dies while idle would end the process.
    this.pool.on('error', (error) => options.onIdleError?.(error));
    this.clients = new PgClients(this.pool);
    this.bindings = new PgBindings(this.pool);
    this.sessions = new PgSessions(this.pool);
  }

  async open(options: { identityKey?: Uint8Array } = {}): Promise<void> {
    await guarded(() => migratePostgres(this.pool, postgresMigrations));
    const key = options.identityKey;
    if (key) await guarded(() => checkServerKey(this.pool, key, Date.now()));
  }

  checkStore(): Promise<void> {
    return guarded(async () => {
      await this.pool.query({ name: 'check-store', text: 'SELECT 1' });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

// The pairing server's store: `server.sqlite` in the server's data folder, with the repositories
// for shadow accounts, bindings and sessions on one connection.
import { join } from 'node:path';
import { ensureDataDir } from '../data-dir.js';
import { serverMigrations } from '../migrations/server/index.js';
import { openDatabase, type SqliteDatabase } from '../sqlite.js';
import { BindingsRepo } from './bindings-repo.js';
import { ClientsRepo } from './clients-repo.js';
import { SessionsRepo } from './sessions-repo.js';

export const SERVER_DB_FILE = 'server.sqlite';

export interface ServerStoreOptions {
  dataDir: string;
  /** A binding not seen for this long is free again. */
  bindingTtlMs: number;
  now?: () => number;
}

export class ServerStore {
  readonly clients: ClientsRepo;
  readonly bindings: BindingsRepo;
  readonly sessions: SessionsRepo;

  static open(options: ServerStoreOptions): ServerStore {
    const dir = ensureDataDir(options.dataDir);
    const db = openDatabase(join(dir, SERVER_DB_FILE), serverMigrations);
    return new ServerStore(db, options.bindingTtlMs, options.now ?? Date.now);
  }

  constructor(
    private readonly db: SqliteDatabase,
    bindingTtlMs: number,
    now: () => number,
  ) {
    this.clients = new ClientsRepo(db, now);
    this.bindings = new BindingsRepo(db, now, bindingTtlMs);
    this.sessions = new SessionsRepo(db, now);
  }

  /** Throws when the database does not answer (the /healthz check). */
  ping(): void {
    this.db.prepare('select 1').get();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

// The pairing server's SQLite store: `server.sqlite` in the server's data folder, with the
// repositories for shadow accounts, bindings and sessions on one connection.
import { join } from 'node:path';
import { ensureDataDir } from '../data-dir.js';
import { serverMigrations } from '../migrations/server/index.js';
import { openDatabase, type SqliteDatabase } from '../sqlite.js';
import { BindingsRepo } from './bindings-repo.js';
import { ClientsRepo } from './clients-repo.js';
import type { PairingStore } from './pairing-store.js';
import { SessionsRepo } from './sessions-repo.js';

export const SERVER_DB_FILE = 'server.sqlite';

export class ServerStore implements PairingStore {
  readonly kind = 'sqlite' as const;
  readonly clients: ClientsRepo;
  readonly bindings: BindingsRepo;
  readonly sessions: SessionsRepo;

  /** Opens (and migrates) server.sqlite in the data folder, synchronously. */
  static open(options: { dataDir: string }): ServerStore {
    const dir = ensureDataDir(options.dataDir);
    return new ServerStore(openDatabase(join(dir, SERVER_DB_FILE), serverMigrations));
  }

  constructor(private readonly db: SqliteDatabase) {
    this.clients = new ClientsRepo(db);
    this.bindings = new BindingsRepo(db);
    this.sessions = new SessionsRepo(db);
  }

  /** Migrated when opened. */
  async open(): Promise<void> {}

  async checkStore(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

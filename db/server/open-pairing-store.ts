// The pairing server's store: PostgreSQL when a database URL is given, else server.sqlite in the
// data folder (as always).
import { PostgresStore } from '../postgres/pg-store.js';
import type { PairingStore } from './pairing-store.js';
import { ServerStore } from './server-store.js';

export interface OpenPairingStoreOptions {
  dataDir: string;
  /** postgres://…; absent: SQLite. */
  databaseUrl?: string | undefined;
  poolSize?: number | undefined;
  onIdleError?: (error: Error) => void;
}

/** Not yet migrated for PostgreSQL: await store.open() before serving. */
export function openPairingStore(options: OpenPairingStoreOptions): PairingStore {
  if (options.databaseUrl === undefined) return ServerStore.open({ dataDir: options.dataDir });
  return new PostgresStore({
    url: options.databaseUrl,
    ...(options.poolSize !== undefined && { poolSize: options.poolSize }),
    ...(options.onIdleError && { onIdleError: options.onIdleError }),
  });
}

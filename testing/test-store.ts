// The pairing store a test runs against, by kind: SQLite in a temp data folder, or PostgreSQL: a
// real server (testing/postgres.ts) shared by the test file, with a fresh database per store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPairingStore } from '../db/server/open-pairing-store.js';
import type { PairingStore } from '../db/server/pairing-store.js';
import { startPostgres, type PostgresServer } from './postgres.js';

export type StoreKind = 'sqlite' | 'postgres';
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

/** Where a server of this kind keeps its data: a data folder, plus a database URL for PostgreSQL. */
export interface TestStoreTarget {
  readonly kind: StoreKind;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  /** The PostgreSQL server (to halt or restart it), for the postgres kind. */
  readonly postgres: PostgresServer | undefined;
  /** Removes the folder and gives the PostgreSQL server back (stopped when no one holds it). */
  dispose(): Promise<void>;
}

let shared: Promise<PostgresServer> | undefined;
let holders = 0;

async function holdPostgres(): Promise<PostgresServer> {
  holders++;
  shared ??= startPostgres();
  return shared;
}

async function releasePostgres(): Promise<void> {
  holders--;
  if (holders > 0 || !shared) return;
  const server = shared;
  shared = undefined;
  await (await server).stop();
}

export async function testStoreTarget(kind: StoreKind, prefix = 'tandem-store-') {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const postgres = kind === 'postgres' ? await holdPostgres() : undefined;
  const databaseUrl = postgres ? await postgres.createDatabase() : undefined;
  const target: TestStoreTarget = {
    kind,
    dataDir,
    databaseUrl,
    postgres,
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
      if (postgres) await releasePostgres();
    },
  };
  return target;
}

/** An opened (migrated) store of this kind; close() closes it and disposes of its target. */
export async function openTestStore(
  kind: StoreKind,
): Promise<{ store: PairingStore; target: TestStoreTarget; close(): Promise<void> }> {
  const target = await testStoreTarget(kind);
  const store = openPairingStore({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
  await store.open();
  return {
    store,
    target,
    async close() {
      await store.close();
      await target.dispose();
    },
  };
}

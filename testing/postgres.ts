// A real PostgreSQL for the tests, from Debian's package (/usr/lib/postgresql/<n>/bin): initdb in a
// temp folder, `postgres` on a free loopback port with its unix socket in that folder too, in its
// own process group; as the `postgres` user (runuser) when the tests run as root, which PostgreSQL
// refuses, directly otherwise. Trust authentication on loopback only. stop() ends it and removes
// the folder; halt()/restart() stop and start it on the same port and data (PostgreSQL down tests).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';
import { waitFor } from './wait.js';

const SUPERUSER = 'tandem';

export interface PostgresServer {
  readonly port: number;
  /** The data folder (for a test that scans what was written). */
  readonly dataDir: string;
  /** postgres://tandem@127.0.0.1:port/<database> */
  url(database: string): string;
  /** Creates a fresh database; resolves with its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Stops PostgreSQL (fast shutdown), keeping its data: the store is down. */
  halt(): Promise<void>;
  /** Starts it again on the same port and data; resolves once it accepts connections. */
  restart(): Promise<void>;
  /** Stops it and removes every file. */
  stop(): Promise<void>;
}

export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

const asRoot = () => process.getuid?.() === 0;

/** The command line, through `runuser -u postgres --` when this process is root. */
function command(bin: string, args: string[]): [string, string[]] {
  return asRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) {
    throw new Error('running as root needs the `postgres` user (apt-get install postgresql)');
  }
  return { uid, gid };
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (/usr/lib/postgresql/*/bin/postgres)');
  const root = mkdtempSync(join(tmpdir(), 'tandem-pg-'));
  const dataDir = join(root, 'data');
  const socketDir = join(root, 'socket');
  mkdirSync(socketDir);
  if (asRoot()) {
    const { uid, gid } = postgresIds();
    chownSync(root, uid, gid);
    chownSync(socketDir, uid, gid);
  }
  const [initCmd, initArgs] = command(join(bin, 'initdb'), [
    ...['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--no-sync'],
  ]);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb failed:\n${init.stderr}`);
  }
  const port = await freePort();
  const url = (database: string) => `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let output = '';

  const launch = async () => {
    const [cmd, args] = command(join(bin, 'postgres'), [
      ...['-D', dataDir, '-p', String(port), '-k', socketDir],
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off'],
      ...['-c', 'synchronous_commit=off', '-c', 'max_connections=300'],
    ]);
    const started = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    child = started;
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    await waitFor('PostgreSQL to accept connections', () => accepts(url('postgres')), {
      timeoutMs: 30_000,
      intervalMs: 50,
      detail: () => output.slice(-2000),
      giveUpIf: () => (started.exitCode !== null ? 'postgres exited' : undefined),
    });
  };
  const halt = async () => {
    const running = child;
    if (!running?.pid || running.exitCode !== null || running.signalCode !== null) return;
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-running.pid!, signal);
      } catch {
        // already gone
      }
    };
    kill('SIGINT'); // fast shutdown: ends the sessions, writes a checkpoint
    const hard = setTimeout(() => kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(hard);
  };

  try {
    await launch();
  } catch (error) {
    await halt();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  let databases = 0;
  return {
    port,
    dataDir,
    url,
    async createDatabase(name = `t${process.pid}_${++databases}`) {
      const admin = new pg.Client({ connectionString: url('postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    halt,
    async restart() {
      await halt();
      await launch();
    },
    async stop() {
      await halt();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function accepts(connectionString: string): Promise<boolean> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

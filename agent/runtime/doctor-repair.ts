// `tandem doctor --repair`: moves a broken agent database (and an invalid key) aside next to it
// with a timestamp, starts a fresh store and registers a new shadow account on the pairing server
// (the agent's embedded one, started for the moment, or --server). Refuses while an agent runs.
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { HISTORY_DB_FILE, HISTORY_KEY_FILE, HistoryStore } from '../../db/agent/history-store.js';
import { startServer } from '../../server/listen.js';
import { readAgentFile } from '../control/agent-file.js';
import { CliError } from '../cli/cli-error.js';
import { EMBEDDED_SERVER_ACCOUNT, ensureAccount } from '../pairing/ensure-account.js';
import { errorCode } from '../pairing/pairing-ports.js';
import { inspectDataDir, readOnlyProblem, type DoctorReport } from './doctor.js';
import { commandWords } from '../../protocol/i18n/cli-command-words.js';

export interface RepairResult {
  /** The report before the repair. */
  before: DoctorReport;
  repaired: boolean;
  /** Files moved aside, by their new names. */
  backups: string[];
  /** The new account's server ('embedded' for the agent's own), or why it is not registered yet. */
  account: { registered: true; server: string } | { registered: false; code: string } | undefined;
  /** What the person should expect now, in sentences. */
  expect: string[];
}

export async function repairDataDir(
  dataDir: string,
  options: { serverUrl?: string; now?: () => Date } = {},
): Promise<RepairResult> {
  const running = readAgentFile(dataDir);
  if (running && isAlive(running.pid)) {
    throw new CliError('AGENT_RUNNING', 'an agent runs on this data folder; stop it, then repair');
  }
  const before = inspectDataDir(dataDir);
  if (before.healthy) {
    return { before, repaired: false, backups: [], account: undefined, expect: [] };
  }
  if (!before.checks.find((c) => c.name === 'data folder')?.ok) throw readOnlyProblem();

  const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const backups: string[] = [];
  const moveAside = (name: string, suffix = '') => {
    const from = join(dataDir, `${name}${suffix}`);
    if (!existsSync(from)) return;
    const to = `${name}.corrupt-${stamp}${suffix}`;
    renameSync(from, join(dataDir, to));
    backups.push(to);
  };
  for (const suffix of ['', '-wal', '-shm']) moveAside(HISTORY_DB_FILE, suffix);
  if (!before.checks.find((c) => c.name === 'key')?.ok) moveAside(HISTORY_KEY_FILE);

  const store = HistoryStore.open({ dataDir, fresh: true });
  try {
    const account = await registerAccount(store, dataDir, options.serverUrl);
    return { before, repaired: true, backups, account, expect: expectations(account) };
  } finally {
    store.close();
  }
}

async function registerAccount(
  store: HistoryStore,
  dataDir: string,
  serverUrl: string | undefined,
): Promise<RepairResult['account']> {
  try {
    if (serverUrl) {
      await ensureAccount(store, serverUrl);
      return { registered: true, server: serverUrl };
    }
    const server = await startServer({ dataDir: join(dataDir, 'server'), port: 0 });
    try {
      await ensureAccount(store, server.url, { accountKey: EMBEDDED_SERVER_ACCOUNT });
    } finally {
      await server.close();
    }
    return { registered: true, server: 'embedded' };
  } catch (error) {
    return { registered: false, code: errorCode(error) ?? 'INTERNAL' };
  }
}

/** What to expect, in English (the --json report's; the CLI says it in the person's words). */
function expectations(account: RepairResult['account']): string[] {
  const words = commandWords.en.doctor;
  return [
    account?.registered ? words.newAccount : words.accountLater(String(account?.code)),
    words.boundBefore,
    words.neverPaired,
  ];
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

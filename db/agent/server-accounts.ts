// The agent's shadow account per pairing server. The credential is kept here (0600 file in a 0700
// folder) and sent only to the server that issued it.
import type { SqliteDatabase } from '../sqlite.js';

export interface ServerAccount {
  /** The server's URL, or a fixed key for the agent's own embedded server (its port changes). */
  serverUrl: string;
  clientId: string;
  credential: string;
  createdAt: number;
}

/** What ensureAccount needs; HistoryStore implements it. */
export interface ServerAccountStore {
  getServerAccount(serverUrl: string): ServerAccount | undefined;
  saveServerAccount(account: Omit<ServerAccount, 'createdAt'>): ServerAccount;
  deleteServerAccount(serverUrl: string): boolean;
}

interface AccountRow {
  server_url: string;
  client_id: string;
  credential: string;
  created_at: number;
}

export class ServerAccountsRepo implements ServerAccountStore {
  private readonly selectOne;
  private readonly upsert;
  private readonly remove;

  constructor(
    db: SqliteDatabase,
    private readonly now: () => number,
  ) {
    this.selectOne = db.prepare<[string], AccountRow>(
      'SELECT * FROM server_accounts WHERE server_url = ?',
    );
    this.upsert = db.prepare<[string, string, string, number]>(
      `INSERT INTO server_accounts (server_url, client_id, credential, created_at)
       VALUES (?, ?, ?, ?)
       ON CONFLICT (server_url) DO UPDATE SET
         client_id = excluded.client_id, credential = excluded.credential,
         created_at = excluded.created_at`,
    );
    this.remove = db.prepare<[string]>('DELETE FROM server_accounts WHERE server_url = ?');
  }

  getServerAccount(serverUrl: string): ServerAccount | undefined {
    const row = this.selectOne.get(serverUrl);
    return row && toAccount(row);
  }

  saveServerAccount(account: Omit<ServerAccount, 'createdAt'>): ServerAccount {
    const createdAt = this.now();
    this.upsert.run(account.serverUrl, account.clientId, account.credential, createdAt);
    return { ...account, createdAt };
  }

  deleteServerAccount(serverUrl: string): boolean {
    return this.remove.run(serverUrl).changes > 0;
  }
}

function toAccount(row: AccountRow): ServerAccount {
  return {
    serverUrl: row.server_url,
    clientId: row.client_id,
    credential: row.credential,
    createdAt: row.created_at,
  };
}

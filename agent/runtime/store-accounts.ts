// A store whose paired phones outlived every server account lost its account: a phone is only ever
// recorded after the server bound it to an account of this agent. Registering a new account then
// would make the person's own phones show `bound-elsewhere`, so it is reported as DATABASE_CORRUPT.
import { corruptDatabase } from '../../db/database-failure.js';
import { HISTORY_DB_FILE, type HistoryStore } from '../../db/agent/history-store.js';

export function accountVanished(store: Pick<HistoryStore, 'counts'>): boolean {
  const { pairedPhones, serverAccounts } = store.counts();
  return pairedPhones > 0 && serverAccounts === 0;
}

export function assertAccountKept(store: Pick<HistoryStore, 'counts'>): void {
  if (accountVanished(store)) {
    throw corruptDatabase(HISTORY_DB_FILE, 'lists paired phones but its server account is gone');
  }
}

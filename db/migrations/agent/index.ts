// The agent store's migrations, in order. Append new ones; never edit a released one.
import type { Migration } from '../../migration.js';
import { pairedPhones } from './001-paired-phones.js';
import { serverAccounts } from './002-server-accounts.js';

export const agentMigrations: readonly Migration[] = [pairedPhones, serverAccounts];

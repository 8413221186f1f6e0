// The PostgreSQL store's migrations, in order. Append new ones; never edit a released one.
import type { PgMigration } from '../pg-migration.js';
import { clients } from './001-clients.js';
import { bindings } from './002-bindings.js';
import { sessions } from './003-sessions.js';
import { keyCheck } from './004-key-check.js';
import { bindingMoves } from './005-binding-moves.js';

export const postgresMigrations: readonly PgMigration[] = [
  clients,
  bindings,
  sessions,
  keyCheck,
  bindingMoves,
];

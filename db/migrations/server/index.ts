// The server store's migrations, in order. Append new ones; never edit a released one.
import type { Migration } from '../../migration.js';
import { clients } from './001-clients.js';
import { bindings } from './002-bindings.js';
import { sessions } from './003-sessions.js';
import { bindingMoves } from './004-binding-moves.js';

export const serverMigrations: readonly Migration[] = [clients, bindings, sessions, bindingMoves];

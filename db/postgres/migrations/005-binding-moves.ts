import type { PgMigration } from '../pg-migration.js';

// A binding moved by a confirmed takeover remembers the client it was moved from, so that client's
// next lookup or touch is told BINDING_MOVED rather than a bare "bound to another". Cleared when the
// phone is bound afresh.
export const bindingMoves: PgMigration = {
  version: 5,
  name: 'binding-moves',
  sql: 'ALTER TABLE bindings ADD COLUMN moved_from TEXT;',
};

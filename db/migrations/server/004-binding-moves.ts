import type { Migration } from '../../migration.js';

// A binding moved by a confirmed takeover remembers the client it was moved from, so that client's
// next lookup or touch is told BINDING_MOVED rather than a bare "bound to another". Cleared when the
// phone is bound afresh.
export const bindingMoves: Migration = {
  version: 4,
  name: 'binding-moves',
  up(db) {
    db.exec('ALTER TABLE bindings ADD COLUMN moved_from TEXT');
  },
};

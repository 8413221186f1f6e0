// docs/architecture.md's room map is the tree: its table lists every room of rooms.json with what it
// holds and what it may import, and every top-level folder is a room or named as not one.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

interface Room {
  kind: string;
  holds: string;
  imports: string[] | '*';
}
const rooms = (
  JSON.parse(readFileSync(join(root, 'rooms.json'), 'utf8')) as { rooms: Record<string, Room> }
).rooms;

const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
const section = doc.slice(doc.indexOf('## 2. Rooms'), doc.indexOf('\n## 3.'));

/** The table's rows: | `name/` | kind | holds | may import | */
const rows = [...section.matchAll(/^\| `([a-z0-9-]+)\/` +\| (\S+) +\| (.+?) +\| (.+?) +\|$/gm)].map(
  ([, name, kind, holds, imports]) => ({ name, kind, holds, imports }),
);

/** How the table writes a room's imports. */
function importsCell(imports: Room['imports']): string {
  if (imports === '*') return 'any room';
  if (imports.length === 0) return 'nothing of ours';
  return imports.map((room) => `\`${room}/\``).join(', ');
}

describe('the room map in docs/architecture.md', () => {
  it('lists the rooms of rooms.json, in its order', () => {
    assert.deepEqual(
      rows.map((row) => row.name),
      Object.keys(rooms),
    );
  });

  it('says what each room holds, and its kind, as rooms.json does', () => {
    for (const row of rows) {
      assert.equal(row.kind, rooms[row.name!]?.kind, row.name);
      assert.equal(row.holds, rooms[row.name!]?.holds, row.name);
    }
  });

  it('draws the arrows of rooms.json', () => {
    for (const row of rows) {
      assert.equal(row.imports, importsCell(rooms[row.name!]!.imports), row.name);
    }
  });

  it('is the tree: every top-level folder is a room or named as not one', () => {
    const notRooms = [
      ...(/^Not rooms: (.+?)\.$/ms.exec(section)?.[1] ?? '').matchAll(/`([a-z0-9-]+)\/`/g),
    ].map(([, name]) => name);
    assert.ok(notRooms.length > 0, 'the section names the folders that are not rooms');
    const ignored = readFileSync(join(root, '.gitignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim().replace(/\/$/, ''));
    const folders = readdirSync(root, { withFileTypes: true })
      .filter(
        (entry) => (entry.isDirectory() || entry.isSymbolicLink()) && !entry.name.startsWith('.'),
      )
      .map((entry) => entry.name)
      .filter((name) => !ignored.includes(name));
    assert.deepEqual(folders.sort(), [...Object.keys(rooms), ...notRooms].sort());
  });
});

// One code, one meaning: a code is defined by one catalogue; another room may raise it (`shared`)
// or tell it in its own table's words (`owner`), but then it points at the one that defines it and
// answers the same HTTP status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeEntry } from '../coded-error.js';
import { errorCatalogues, registeredCodes } from './index.js';

/** code → the room that defines it and its entry there. */
function definitions(): Map<string, { room: string; entry: CodeEntry }> {
  const defined = new Map<string, { room: string; entry: CodeEntry }>();
  for (const catalogue of errorCatalogues) {
    for (const [code, entry] of Object.entries(catalogue.codes) as [string, CodeEntry][]) {
      if (entry.owner !== undefined) continue;
      const earlier = defined.get(code);
      assert.equal(
        earlier,
        undefined,
        `${code} is defined by ${earlier?.room} and ${catalogue.room}`,
      );
      defined.set(code, { room: catalogue.room, entry });
    }
  }
  return defined;
}

test('room names are unique', () => {
  const rooms = errorCatalogues.map((catalogue) => catalogue.room);
  assert.deepEqual([...new Set(rooms)], rooms);
});

test('codes are stable identifiers in SCREAMING_SNAKE_CASE', () => {
  for (const code of registeredCodes()) assert.match(code, /^[A-Z][A-Z0-9_]+$/);
});

test('each code is defined once; a code told elsewhere names its owner and means the same', () => {
  const defined = definitions();
  for (const catalogue of errorCatalogues) {
    for (const [code, entry] of Object.entries(catalogue.codes) as [string, CodeEntry][]) {
      if (entry.owner === undefined) continue;
      const owner = defined.get(code);
      assert.equal(owner?.room, entry.owner, `${catalogue.room}: ${code} is not ${entry.owner}'s`);
      if (entry.status !== undefined && owner?.entry.status !== undefined) {
        assert.equal(entry.status, owner.entry.status, `${catalogue.room}: ${code}'s status`);
      }
    }
    for (const code of catalogue.shared ?? []) {
      assert.ok(defined.has(code), `${catalogue.room} shares ${code}, which no catalogue defines`);
      assert.ok(!(code in catalogue.codes), `${catalogue.room} both shares and lists ${code}`);
    }
  }
});

test('short names are unique within a catalogue', () => {
  for (const catalogue of errorCatalogues) {
    const names = Object.values(catalogue.codes as Record<string, CodeEntry>)
      .map((entry) => entry.name)
      .filter((name) => name !== undefined);
    assert.deepEqual([...new Set(names)], names, catalogue.room);
  }
});

test('an HTTP status is an error status; a close code is a WebSocket one', () => {
  for (const catalogue of errorCatalogues) {
    for (const [code, entry] of Object.entries(catalogue.codes) as [string, CodeEntry][]) {
      if (entry.status !== undefined) assert.ok(entry.status >= 400 && entry.status < 600, code);
      if (entry.close !== undefined) assert.ok(entry.close >= 1000 && entry.close < 5000, code);
    }
  }
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KEPT_ITEMS, keep, readKept } from './kept-inbox.js';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

describe('the kept phone inbox', () => {
  it('keeps the newest first and only the newest 200', () => {
    const storage = memoryStorage();
    for (let i = 0; i < KEPT_ITEMS + 5; i += 1)
      keep({ kind: 'text', at: i, text: `n${i}` }, storage);
    const kept = readKept(storage);
    assert.equal(kept.length, KEPT_ITEMS);
    assert.deepEqual(kept[0], { kind: 'text', at: KEPT_ITEMS + 4, text: `n${KEPT_ITEMS + 4}` });
    assert.equal(kept.at(-1)?.at, 5);
  });

  it('starts afresh from damaged storage and drops malformed items', () => {
    const storage = memoryStorage();
    storage.setItem('tandem.inbox.v1', '{not json');
    assert.deepEqual(readKept(storage), []);
    storage.setItem(
      'tandem.inbox.v1',
      JSON.stringify([
        { kind: 'file', at: 1, name: 'a.png', size: 3, image: true },
        { kind: 'text' },
      ]),
    );
    assert.deepEqual(readKept(storage), [
      { kind: 'file', at: 1, name: 'a.png', size: 3, image: true },
    ]);
  });
});

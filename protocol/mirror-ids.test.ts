import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elideSequentialIds, restoreSequentialIds } from './mirror-ids.js';

const text = (id: number, textContent: string) => ({ type: 3, textContent, id });
const element = (id: number, tagName: string, childNodes: unknown[] = []) => ({
  type: 2,
  tagName,
  attributes: {},
  childNodes,
  id,
});
/** As rrweb writes a page: ids in walk order, one gap where a node was already known (id 40). */
const snapshot = {
  type: 2,
  timestamp: 5,
  data: {
    node: {
      type: 0,
      childNodes: [
        element(2, 'html', [
          element(3, 'body', [element(4, 'p', [text(5, 'a')]), element(40, 'p', [text(41, 'b')])]),
        ]),
      ],
      id: 1,
    },
    initialOffset: { top: 0, left: 0 },
  },
};
const mutation = {
  type: 3,
  timestamp: 6,
  data: {
    source: 0,
    texts: [{ id: 5, value: 'changed' }],
    adds: [
      { parentId: 3, nextId: null, node: element(42, 'p') },
      { parentId: 42, nextId: null, node: text(43, 'c') },
    ],
    removes: [{ parentId: 3, id: 40 }],
    attributes: [],
  },
};
const scroll = { type: 3, timestamp: 7, data: { source: 3, id: 1, x: 0, y: 400 } };

test('only ids that follow on are left out, and restoring gives back the very events', () => {
  const events = [
    { type: 4, timestamp: 1, data: { href: 'http://x/' } },
    snapshot,
    mutation,
    scroll,
  ];
  const elided = elideSequentialIds(events);
  assert.ok(elided);
  const written = JSON.stringify(elided);
  // The snapshot keeps 1 (its first) and 40 (a gap), the adds keep 42, the remove's 40 is no node.
  const nodeIds = [...written.matchAll(/"id":(\d+)}/g)].map((m) => Number(m[1]));
  assert.deepEqual(
    nodeIds.sort((a, b) => a - b),
    [1, 40, 40, 42],
  );
  assert.ok(!written.includes('"id":41') && !written.includes('"id":43'));
  assert.deepEqual(restoreSequentialIds(elided), events);
});

test('the events given are not changed (the session keeps its snapshot for a rejoin)', () => {
  const before = JSON.stringify(snapshot);
  elideSequentialIds([snapshot]);
  assert.equal(JSON.stringify(snapshot), before);
});

test('a node without a numeric id leaves the message as it is', () => {
  const odd = { ...snapshot, data: { ...snapshot.data, node: { type: 0, childNodes: [] } } };
  assert.equal(elideSequentialIds([odd]), undefined);
});

test('a tree whose first node lost its id is refused, not numbered from nothing', () => {
  const broken = { ...snapshot, data: { node: { type: 0, childNodes: [text(2, 'a')] } } };
  assert.throws(() => restoreSequentialIds([broken]), /nothing to count from/);
});

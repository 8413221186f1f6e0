import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as rrweb from '@rrweb/types';
import { EventType, IncrementalSource, isIncrementalFrom, NodeType } from './rrweb-events.js';

/** Every name of ours carries rrweb's own number for it. */
function assertSameNumbers(ours: Record<string, number>, theirs: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(ours)) assert.equal(value, theirs[name], name);
}

describe('rrweb event constants', () => {
  it('are rrweb’s numbers under rrweb’s names', () => {
    assertSameNumbers(EventType, rrweb.EventType);
    assertSameNumbers(IncrementalSource, rrweb.IncrementalSource);
    assertSameNumbers(NodeType, rrweb.NodeType);
  });

  it('tell an incremental event by its source', () => {
    const scroll = { type: 3, data: { source: IncrementalSource.Scroll, id: 1 } };
    assert.equal(isIncrementalFrom(scroll, IncrementalSource.Scroll), true);
    assert.equal(isIncrementalFrom(scroll, IncrementalSource.Input), false);
    assert.equal(
      isIncrementalFrom({ type: 2, data: { source: 3 } }, IncrementalSource.Scroll),
      false,
    );
    assert.equal(isIncrementalFrom({ type: 3, data: null }, IncrementalSource.Mutation), false);
    assert.equal(isIncrementalFrom({ type: 3 }, IncrementalSource.Mutation), false);
  });
});

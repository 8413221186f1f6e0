import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as rrweb from '@rrweb/types';
import { EventType, IncrementalSource, NodeType } from './rrweb-events.js';

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
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ScrollOpSchema } from '../protocol/relay-messages.js';
import { scrollOp } from './scroll-op.js';

describe('scrollOp', () => {
  it('sends pixels alone in PC layout', () => {
    assert.deepEqual(scrollOp(0, 900), { type: 'op.scroll', x: 0, y: 900 });
  });
  it('sends the element at the phone’s top when fitted, a valid op.scroll', () => {
    const op = scrollOp(0, 1348, { id: 86, fraction: 0.0614, at: 2 });
    assert.deepEqual(op, {
      type: 'op.scroll',
      x: 0,
      y: 1348,
      anchor: { ref: '86', fraction: 0.0614, at: 2 },
    });
    assert.equal(ScrollOpSchema.safeParse(op).success, true);
  });
});

// A slot's queue of `fwd` frames: exact bytes for every seq and size, and slabs that hold one
// terminal's frames only and are let go once nothing waits.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RoleSlot, wrapForward } from './role-slot.js';

const msg = (size: number, fill = 0x41): Buffer => {
  const body = Buffer.alloc(size, fill);
  return Buffer.concat([Buffer.from('{"sealed":"'), body, Buffer.from('"}')]);
};

describe('RoleSlot queue', () => {
  it('frames every message as {"t":"fwd","seq":N,"msg":…} byte for byte, across seqs and sizes', () => {
    const slot = new RoleSlot('phone');
    const sizes = [0, 1, 100, 1000, 5000, 9000, 70_000, 200_000, 3];
    for (let round = 0; round < 30; round++) {
      for (const size of sizes) {
        const body = msg(size, 0x41 + (round % 26));
        const frame = slot.enqueue(body);
        const expected = wrapForward(`{"t":"fwd","seq":${frame.seq},"msg":`, body);
        assert.ok(frame.data.equals(expected), `seq ${frame.seq}, ${size} B`);
        assert.deepEqual(JSON.parse(frame.data.toString()), {
          t: 'fwd',
          seq: frame.seq,
          msg: JSON.parse(body.toString()),
        });
      }
    }
    assert.equal(
      slot.queueBytes,
      slot.queue.reduce((sum, f) => sum + f.data.length, 0),
    );
  });

  it('numbers seqs past every power of ten', () => {
    const slot = new RoleSlot('pc');
    for (const seq of [9, 10, 99, 100, 999_999, 1_000_000, 2 ** 40]) {
      slot.outSeq = seq - 1;
      const frame = slot.enqueue(msg(4));
      assert.equal(frame.seq, seq);
      assert.equal(JSON.parse(frame.data.toString()).seq, seq);
    }
  });

  it('cuts small frames from slabs of its own, never shared with another slot', () => {
    const a = new RoleSlot('pc');
    const b = new RoleSlot('phone');
    const buffersOf = (slot: RoleSlot) => new Set(slot.queue.map((f) => f.data.buffer));
    for (let i = 0; i < 200; i++) {
      a.enqueue(msg(150));
      b.enqueue(msg(150));
    }
    const own = buffersOf(a);
    for (const buffer of buffersOf(b)) assert.ok(!own.has(buffer));
    assert.ok(own.size < 20, `200 frames in ${own.size} slabs`);
    // What a slab holds besides queued frames stays below two of the largest slabs.
    const held = [...own].reduce((sum, buffer) => sum + buffer.byteLength, 0);
    assert.ok(held <= a.queueBytes + 2 * 64 * 1024, `${held} B for ${a.queueBytes} B queued`);
  });

  it('gives a large frame a buffer of its own and lets the slab go once every frame is acked', () => {
    const slot = new RoleSlot('phone');
    const big = slot.enqueue(msg(20_000));
    assert.equal(big.data.byteOffset, 0);
    assert.equal(big.data.buffer.byteLength, big.data.length);
    const small = slot.enqueue(msg(10));
    slot.dropThrough(big.seq);
    const next = slot.enqueue(msg(10));
    assert.equal(next.data.buffer, small.data.buffer, 'the slab stays while a frame waits in it');
    slot.dropThrough(next.seq);
    assert.equal(slot.queue.length, 0);
    const after = slot.enqueue(msg(10));
    assert.notEqual(after.data.buffer, small.data.buffer, 'an empty queue lets its slab go');
  });
});

// The receiving numbering on its own: duplicates and the ack policy, without a socket.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACK_POLICY } from '../protocol/relay-frames.js';
import { InboundAcks } from './inbound-acks.js';

describe('InboundAcks', () => {
  it('takes each seq once: a frame resent after a resume is a duplicate, still acknowledged', () => {
    const acks: number[] = [];
    const inbound = new InboundAcks((seq) => acks.push(seq));
    assert.equal(inbound.receive(1, 10), true);
    assert.equal(inbound.receive(2, 10), true);
    assert.equal(inbound.receive(2, 10), false, 'seen');
    assert.equal(inbound.receive(1, 10), false, 'older');
    assert.equal(inbound.lastSeq, 2);
    inbound.cancel();
  });

  it('acks at once when the unacknowledged bytes reach the policy, with the last seq taken', () => {
    const acks: number[] = [];
    const inbound = new InboundAcks((seq) => acks.push(seq));
    inbound.receive(1, ACK_POLICY.bytes - 1);
    assert.deepEqual(acks, []);
    inbound.receive(2, 1);
    assert.deepEqual(acks, [2]);
    inbound.cancel();
  });

  it('starts the numbering again after a restart', () => {
    const inbound = new InboundAcks(() => {});
    inbound.receive(5, 1);
    inbound.restart();
    assert.equal(inbound.lastSeq, 0);
    assert.equal(inbound.receive(1, 1), true);
    inbound.cancel();
  });
});

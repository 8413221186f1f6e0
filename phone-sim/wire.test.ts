import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { A_CNXN, A_WRTE, MessageDecoder, WireError, checksum, encodeMessage } from './wire.js';

describe('ADB wire codec', () => {
  it('round-trips messages split at every byte boundary', () => {
    const first = {
      command: A_CNXN,
      arg0: 0x01000001,
      arg1: 256 * 1024,
      payload: Buffer.from('host::features=a,b'),
    };
    const second = { command: A_WRTE, arg0: 7, arg1: 0xfffffffe, payload: Buffer.alloc(0) };
    const bytes = Buffer.concat([encodeMessage(first), encodeMessage(second)]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const decoder = new MessageDecoder();
      const messages = [
        ...decoder.push(bytes.subarray(0, cut)),
        ...decoder.push(bytes.subarray(cut)),
      ];
      assert.deepEqual(messages, [first, second]);
    }
  });

  it('writes the header adb expects: little-endian words, byte-sum checksum, magic', () => {
    const bytes = encodeMessage({
      command: A_WRTE,
      arg0: 1,
      arg1: 2,
      payload: Buffer.from([1, 2, 250]),
    });
    assert.equal(bytes.readUInt32LE(0), A_WRTE);
    assert.equal(bytes.readUInt32LE(12), 3);
    assert.equal(bytes.readUInt32LE(16), 253);
    assert.equal(bytes.readUInt32LE(20), (A_WRTE ^ 0xffffffff) >>> 0);
    assert.equal(checksum(Buffer.from([255, 255])), 510);
  });

  it('accepts a zero checksum but refuses a wrong one and a bad magic', () => {
    const good = encodeMessage({ command: A_WRTE, arg0: 1, arg1: 2, payload: Buffer.from('hi') });
    const zero = Buffer.from(good);
    zero.writeUInt32LE(0, 16);
    assert.equal(new MessageDecoder().push(zero)[0]?.payload.toString(), 'hi');
    const wrong = Buffer.from(good);
    wrong.writeUInt32LE(1, 16);
    assert.throws(() => new MessageDecoder().push(wrong), WireError);
    const http = Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.throws(() => new MessageDecoder().push(http), /bad magic/);
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { BridgeErrorCode, isBridgeError } from '../errors.js';
import { readCapped } from './capped-read.js';

const tooLarge = (error: unknown): boolean =>
  isBridgeError(error, BridgeErrorCode.AdbOutputTooLarge);

test('reads everything up to and including the cap', async () => {
  const stream = Readable.from([Buffer.from('ab'), Buffer.from('cd')]);
  assert.equal((await readCapped(stream, 4, 'adb shell')).toString(), 'abcd');
});

test('one byte past the cap: ADB_OUTPUT_TOO_LARGE, the stream destroyed, nothing more read', async () => {
  let pulled = 0;
  // An endless producer: without the cap the read would never finish.
  const endless = new Readable({
    read() {
      pulled++;
      this.push(Buffer.alloc(1024, 0x33));
    },
  });
  await assert.rejects(readCapped(endless, 10 * 1024, 'adb shell on X'), (error: unknown) => {
    assert.ok(tooLarge(error));
    assert.match((error as Error).message, /^adb shell on X printed more than 10240 bytes/);
    return true;
  });
  assert.ok(endless.destroyed, 'the stream is closed');
  const pulledAtCap = pulled;
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(pulled, pulledAtCap, 'no more reads after the cap');
  assert.ok(pulled <= 12, `pulled ${pulled} chunks of 1 KiB for a 10 KiB cap`);
});

test('a stream error rejects with it; a stream destroyed from outside settles the read', async () => {
  const failing = new PassThrough();
  const read = readCapped(failing, 100, 'adb shell');
  const boom = new Error('ECONNRESET');
  failing.destroy(boom);
  await assert.rejects(read, boom);
  const cut = new PassThrough();
  const pending = readCapped(cut, 100, 'adb shell');
  cut.write('par');
  await new Promise((resolve) => setImmediate(resolve));
  cut.destroy();
  assert.equal((await pending).toString(), 'par');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BridgeErrorCode, isBridgeError } from '../errors.js';
import { parseParcel, type ParcelResult } from './parcel.js';
import { fixture, renderParcel, stringReply } from '../../testing/identity-replies.js';

const malformed = (error: unknown): boolean =>
  isBridgeError(error, BridgeErrorCode.AdbOutputMalformed);

function valueOf(result: ParcelResult): string | null {
  assert.equal(result.kind, 'value');
  return result.kind === 'value' ? result.string16 : null;
}

test('multi-line dump: String16 decoded low half first', () => {
  assert.equal(valueOf(parseParcel(fixture('parcel-imei-multiline.txt'))), '356938035643809');
});

test('one-line dump', () => {
  assert.equal(valueOf(parseParcel(fixture('parcel-imei-oneline.txt'))), '356938035643809');
});

test('CRLF line ends and adb daemon-start noise are ignored', () => {
  assert.equal(valueOf(parseParcel(fixture('parcel-imei-crlf-noise.txt'))), '490154203237518');
});

test('null String16 (ffffffff) and a reply with only the status word give null', () => {
  assert.equal(valueOf(parseParcel(fixture('parcel-null-string.txt'))), null);
  assert.equal(valueOf(parseParcel(fixture('parcel-code-only.txt'))), null);
  assert.equal(valueOf(parseParcel(fixture('parcel-null.txt'))), null);
});

test('SecurityException is a result with its message, behind a linker warning and CRLF', () => {
  const result = parseParcel(fixture('parcel-security-exception.txt'));
  assert.deepEqual(result, {
    kind: 'exception',
    code: -1,
    name: 'SecurityException',
    message:
      'getDeviceId: The user 2000 does not meet the requirements to access device identifiers.',
  });
});

test("a quote in the ASCII column does not cut the hex words (Can't …)", () => {
  const result = parseParcel(fixture('parcel-exception-apostrophe.txt'));
  assert.equal(result.kind, 'exception');
  assert.equal(result.kind === 'exception' && result.message, "Can't access device ID");
});

test('Parcel(Error: …) in 32- and 64-bit printing', () => {
  for (const name of ['parcel-error.txt', 'parcel-error-64bit.txt']) {
    assert.deepEqual(parseParcel(fixture(name)), {
      kind: 'status-error',
      status: -74,
      description: 'Not a data message',
    });
  }
});

test('service does not exist', () => {
  assert.deepEqual(parseParcel(fixture('parcel-no-service.txt')), {
    kind: 'no-service',
    service: 'iphonesubinfo',
  });
});

test('a StrictMode reply header is skipped before the status word', () => {
  const text = renderParcel([0xffffff80, 12, 0xaaaaaaaa, 0xbbbbbbbb, 0, 2, 0x00320031, 0]);
  assert.equal(valueOf(parseParcel(text)), '12');
});

test('an unknown exception code keeps its number', () => {
  const result = parseParcel(renderParcel([0xffffffe0, 0xffffffff]));
  assert.deepEqual(result, { kind: 'exception', code: -32, name: 'Exception(-32)', message: null });
});

test('round trip: any text survives the String16 packing, odd and even lengths', () => {
  for (const text of ['', '1', '35', 'äöü€ 😀', 'x'.repeat(33)]) {
    assert.equal(valueOf(parseParcel(stringReply(text))), text);
  }
});

test('malformed outputs are AdbOutputMalformed and never quote the output', () => {
  const cases = [
    fixture('parcel-truncated.txt'),
    '',
    '/system/bin/sh: service: not found',
    'Result: Parcel(zzzz)',
    // The String16 claims 15 characters but only two words follow.
    "Result: Parcel(00000000 0000000f 00350033 00390036 '........3.5.6.9.')",
    // Offsets jump: a line of the dump is missing.
    `Result: Parcel(\n  0x00000000: 00000000 0000000f 00350033 00390036 '................'\n  0x00000020: 00300038 00000039                   '........        ')`,
  ];
  for (const text of cases) {
    assert.throws(
      () => parseParcel(text),
      (error: unknown) => malformed(error) && !(error as Error).message.includes('0035'),
    );
  }
});

test('a String16 of 200,000 characters (0.9 MB dump) decodes instead of overflowing the stack', () => {
  const text = 'x'.repeat(199_999) + '7';
  const dump = stringReply(text);
  assert.ok(dump.length > 900_000, `dump is ${dump.length} characters`);
  assert.equal(valueOf(parseParcel(dump)), text);
});

test('a String16 length past the dump is malformed and does not quote the claimed length', () => {
  const text = "Result: Parcel(00000000 00030d40 00350033 '........3.5.')";
  assert.throws(
    () => parseParcel(text),
    (error: unknown) => malformed(error) && !/200000|30d40/.test((error as Error).message),
  );
});

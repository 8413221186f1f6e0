import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ParcelWriter, formatParcelResult, securityExceptionReply, stringReply } from './parcel.js';

describe('Parcel writer and printer', () => {
  it('prints an IMEI reply exactly as `service call` does', () => {
    assert.equal(
      formatParcelResult(stringReply('356938035643809')),
      [
        'Result: Parcel(',
        "  0x00000000: 00000000 0000000f 00350033 00390036 '........3.5.6.9.'",
        "  0x00000010: 00380033 00330030 00360035 00330034 '3.8.0.3.5.6.4.3.'",
        "  0x00000020: 00300038 00000039                   '8.0.9...        ')",
        '',
      ].join('\n'),
    );
  });

  it('prints a null string reply on one line', () => {
    assert.equal(
      formatParcelResult(stringReply(null)),
      "Result: Parcel(00000000 ffffffff '........')\n",
    );
  });

  it('starts a SecurityException reply with ffffffff and the message as String16', () => {
    const text = formatParcelResult(securityExceptionReply('getDeviceId: denied'));
    const lines = text.split('\n');
    assert.equal(lines[1], "  0x00000000: ffffffff 00000013 00650067 00440074 '........g.e.t.D.'");
    assert.match(text, / \.d\.e\.n\.i\.e\.d\.\.\.'\n/);
    // The empty stack-trace header word closes a Java exception.
    assert.match(text, /0x00000030: 00000000 {28}'\.{4} {12}'\)\n$/);
  });

  it('pads String16 data to whole words, NUL included', () => {
    assert.equal(
      new ParcelWriter().writeString16('ab').toBuffer().toString('hex'),
      '02000000610062000000' + '0000',
    );
    assert.equal(new ParcelWriter().writeString16('abc').toBuffer().length, 4 + 8);
    assert.equal(formatParcelResult(Buffer.alloc(0)), 'Result: Parcel(NULL)\n');
  });
});

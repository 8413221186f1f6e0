// Bytes as a phone receives them from the relay: the relay's `fwd` frame of a message sealed end to
// end (base64url of iv ‖ AES-GCM ciphertext ‖ tag), inside a WebSocket frame (server → client,
// unmasked: a 2, 4 or 10-byte header).

export function webSocketFrameBytes(payloadBytes: number): number {
  const header = payloadBytes <= 125 ? 2 : payloadBytes <= 0xffff ? 4 : 10;
  return header + payloadBytes;
}

/** What one message of `plaintextBytes` JSON costs the phone once relayed (see docs/protocol.md). */
export function relayedMessageBytes(
  type: string,
  plaintextBytes: number,
  mode: 'reliable' | 'latest',
): number {
  const sealed = Math.ceil(((12 + plaintextBytes + 16) * 4) / 3);
  const seq = mode === 'reliable' ? '"seq":1000000,' : '';
  const msg = `{"v":2,"t":"msg","mode":"${mode}",${seq}"type":"${type}","sealed":""}`;
  const fwd = `{"t":"fwd",${seq}"msg":}`;
  return webSocketFrameBytes(Buffer.byteLength(msg) + sealed + Buffer.byteLength(fwd));
}

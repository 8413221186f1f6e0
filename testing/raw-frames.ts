// Relay wire frames written by hand, for itests that drive a raw socket (no RelayClient).

/** A reliable, unsealed `data.text` message frame with sequence number `seq`. */
export const rawTextFrame = (seq: number, text: string): string =>
  JSON.stringify({
    v: 2,
    t: 'msg',
    mode: 'reliable',
    seq,
    type: 'data.text',
    body: { type: 'data.text', text },
  });

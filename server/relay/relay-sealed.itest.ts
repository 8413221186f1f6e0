// Payloads are sealed end to end: a 20 MB file arrives intact, and neither what the relay logged
// nor what it put on the wire contains a plaintext byte.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { buildSessionUrl, parseSessionUrl } from '../../protocol/session-url.js';
import {
  generateSealKey,
  FileAssembler,
  sendFile,
  type ReceivedFile,
} from '../../testing/relay-client-parts.js';
import {
  nodeTerminal,
  sessionUrls,
  startRelayServer,
  type RelayServer,
  startClients,
} from '../../testing/relay-server.js';
import { waitFor } from '../../testing/wait.js';

describe('relay: end-to-end encryption and files', () => {
  let server: RelayServer;
  before(async () => {
    server = await startRelayServer();
  });
  after(() => server.close());

  it('carries a 20 MB file intact, with the receiver progress reported back', async () => {
    const { pc, phone } = startClients(server);
    const assembler = new FileAssembler();
    let received: ReceivedFile | undefined;
    const progressAtPc: number[] = [];
    phone.on('message', (message) => {
      void assembler.handle(message).then((event) => {
        if (event?.event === 'complete') received = event.file;
        if (event?.event === 'progress' || event?.event === 'complete') {
          const size = event.event === 'complete' ? event.file.bytes.length : event.size;
          const got = event.event === 'complete' ? size : event.received;
          const id = event.event === 'complete' ? event.file.id : event.id;
          void phone.send({
            type: 'data.file.progress',
            id,
            received: got,
            size,
            done: event.event === 'complete',
          });
        }
      });
    });
    pc.on('message', (m) => {
      if (m.type === 'data.file.progress') progressAtPc.push(m.received);
    });
    const bytes = new Uint8Array(randomBytes(20 * 1024 * 1024));
    await sendFile((m) => pc.send(m), {
      name: 'big.bin',
      mime: 'application/octet-stream',
      kind: 'file',
      bytes,
    });
    await waitFor('20 MB file', () => received !== undefined, 60_000);
    assert.equal(received?.bytes.length, bytes.length);
    assert.ok(Buffer.from(received!.bytes).equals(Buffer.from(bytes)), 'the bytes are identical');
    await waitFor('final progress at the PC', () => progressAtPc.at(-1) === bytes.length);
    pc.close();
    phone.close();
  });

  it('relays and logs only ciphertext; a terminal with another key cannot open it', async () => {
    const urls = sessionUrls(server);
    const pc = nodeTerminal(urls.pc, 'pc').client.start();
    const phoneTerminal = nodeTerminal(urls.phone, 'phone');
    const wire: string[] = [];
    const phone = phoneTerminal.client.start();
    await waitFor('the phone terminal’s socket', () => phoneTerminal.sockets.length > 0);
    phoneTerminal.sockets[0]!.on('message', (data) => wire.push(String(data)));
    const got: string[] = [];
    phone.on('message', (m) => m.type === 'data.text' && got.push(m.text));
    const plaintext = 'PLAINTEXT-CANARY-4242';
    await pc.send({ type: 'data.text', text: plaintext });
    // A ref long enough that random base64url ciphertext cannot contain it by chance.
    const ref = 'REF-CANARY-7731';
    await pc.send({ type: 'op.input', ref, value: plaintext });
    await waitFor(
      'the text at the phone and op.input on the wire',
      () => got.length === 1 && wire.some((f) => f.includes('op.input')),
    );
    assert.deepEqual(got, [plaintext]);
    const relayed = wire.filter((frame) => frame.startsWith('{"t":"fwd"'));
    assert.equal(relayed.length, 2);
    for (const frame of relayed) {
      assert.ok(
        !frame.includes(plaintext) && !frame.includes(ref),
        'the relay never had the plaintext',
      );
      const { msg } = JSON.parse(frame) as { msg: Record<string, unknown> };
      assert.deepEqual(Object.keys(msg).sort(), ['mode', 'sealed', 'seq', 't', 'type', 'v']);
    }
    assert.ok(!server.logs.join('').includes(plaintext));
    phone.close();

    // Same page and secret, another key in the fragment: matched, but nothing opens.
    const parts = parseSessionUrl(urls.phone);
    const stranger = nodeTerminal(
      buildSessionUrl({ ...parts, sealKey: generateSealKey() }),
      'phone',
    ).client.start();
    const errors: string[] = [];
    stranger.on('error', (e) => errors.push(e.code));
    stranger.on('message', () => errors.push('opened!'));
    await waitFor('the stranger open', () => stranger.status === 'open');
    await pc.send({ type: 'data.text', text: plaintext });
    await waitFor('what the stranger made of the sealed text', () => errors.length > 0);
    assert.deepEqual(errors, ['E2E_DECRYPT_FAILED']);
    stranger.close();
    pc.close();
  });
});

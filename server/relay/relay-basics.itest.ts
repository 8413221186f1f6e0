import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RelayMessage } from '../../protocol/relay-messages.js';
import { startRelayServer, type RelayServer, startClients } from '../../testing/relay-server.js';
import { waitFor } from '../../testing/wait.js';

describe('relay: data and operations both ways', () => {
  let server: RelayServer;
  before(async () => {
    server = await startRelayServer();
  });
  after(() => server.close());

  it('forwards shared data and operations PC→phone and phone→PC, sealed end to end', async () => {
    const { pc, phone } = startClients(server);
    const toPhone: RelayMessage[] = [];
    const toPc: RelayMessage[] = [];
    phone.on('message', (m) => toPhone.push(m));
    pc.on('message', (m) => toPc.push(m));
    const sentToPhone: RelayMessage[] = [
      { type: 'data.text', text: 'secret-plaintext-from-pc 你好' },
      { type: 'data.link', url: 'https://example.org/a?b=c', title: 'Example' },
      { type: 'op.navigate', url: 'https://example.org/next' },
      { type: 'op.find', action: 'query', query: 'needle' },
      { type: 'op.click', ref: 'n42' },
    ];
    const sentToPc: RelayMessage[] = [
      { type: 'data.text', text: 'secret-plaintext-from-phone' },
      { type: 'op.back' },
      { type: 'op.input', ref: 'n7', value: 'typed on the phone' },
      { type: 'op.select', ref: 'n8', values: ['b'] },
      { type: 'op.find', action: 'next' },
    ];
    for (const m of sentToPhone) await pc.send(m);
    for (const m of sentToPc) await phone.send(m);
    await waitFor(
      'every message at both ends',
      () => toPhone.length === sentToPhone.length && toPc.length === sentToPc.length,
    );
    assert.deepEqual(toPhone, sentToPhone);
    assert.deepEqual(toPc, sentToPc);
    assert.equal(pc.peer, 'present');
    const logged = server.logs.join('');
    assert.ok(!logged.includes('secret-plaintext'), 'the server never logs a payload');
    assert.ok(logged.includes('"type":"data.text"'), 'the server logs the type of what it relays');
    pc.close();
    phone.close();
  });
});

// PhoneSession against a real relay, with a phone terminal on the other side and a stand-in browser
// runtime that records what the PC was asked to do.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import type { RelayClient } from '../../relay-client/relay-client.js';
import {
  nodeTerminal,
  startRelayServer,
  waitOpen,
  type RelayServer,
} from '../../testing/relay-server.js';
import type { BrowserOperation } from '../browser/operation-types.js';
import type { BrowserRuntime } from './browser-runtime.js';
import { PhoneSession } from './phone-session.js';
import type { ReceivedItem } from './received-item.js';
import { waitFor } from '../../testing/wait.js';

describe('PhoneSession', () => {
  let server: RelayServer;
  let session: PhoneSession;
  let phone: RelayClient;
  const performed: string[] = [];
  const received: ReceivedItem[] = [];

  before(async () => {
    server = await startRelayServer();
    // The first typing operation takes long on the PC; the ones after it must wait their turn.
    let first = true;
    const browser = {
      host: { on: () => () => undefined },
      mirror: { onShownBatch: () => () => undefined, requestSnapshot: async () => undefined },
      tabs: () => [],
      perform: async (op: BrowserOperation) => {
        if (op.type !== 'op.input') return {};
        performed.push(`start ${op.value}`);
        if (first) await new Promise((resolve) => setTimeout(resolve, 300));
        first = false;
        performed.push(`end ${op.value}`);
        return {};
      },
    } as unknown as BrowserRuntime;
    session = new PhoneSession({
      adb: undefined,
      serial: 'itest',
      serverUrl: server.base,
      reversePort: undefined,
      browser,
      receivedDir: '/nonexistent',
      log: pino({ level: 'silent' }),
      onPageClosed: () => undefined,
      onReceived: (item) => received.push(item),
    });
    await session.open(server.relay.createSession());
    const terminal = nodeTerminal(session.phoneUrl, 'phone');
    phone = terminal.client.start();
    await waitOpen(terminal);
  });
  after(async () => {
    phone?.close();
    await session?.close({ phoneAttached: false });
    await server?.close();
  });

  it('performs the phone’s operations one after the other, in the order sent', async () => {
    for (const value of ['h', 'he', 'hel']) {
      await phone.send({ type: 'op.input', ref: '7', value });
    }
    await waitFor('three inputs performed', () => performed.length === 6);
    assert.deepEqual(performed, ['start h', 'end h', 'start he', 'end he', 'start hel', 'end hel']);
  });

  it('tells its listener what the phone sends: text and links', async () => {
    await phone.send({ type: 'data.text', text: 'hello from the phone' });
    await phone.send({ type: 'data.link', url: 'https://example.org/a', title: 'A' });
    await waitFor('two items received', () => received.length === 2);
    assert.deepEqual(received, [
      { serial: 'itest', kind: 'text', text: 'hello from the phone' },
      { serial: 'itest', kind: 'link', url: 'https://example.org/a', title: 'A' },
    ]);
  });
});

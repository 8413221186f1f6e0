// The relay's global memory budget with a real relay on loopback: sessions past the budget are shed
// (absent-peer queues first, then stalled non-reading connections, largest first) with error
// RELAY_OVER_BUDGET and close 4507, the held-bytes stat stays within the budget, and a healthy
// session relaying alongside keeps working, every message in order.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import { RelayCloseCode, RelayErrorCode } from '../../protocol/relay-errors.js';
import type { RelayMessage } from '../../protocol/relay-messages.js';
import type { CreatedSession } from './session-registry.js';
import {
  startRelayServer,
  waitOpen,
  type RelayServer,
  startClients,
} from '../../testing/relay-server.js';
import { waitFor } from '../../testing/wait.js';

const MIB = 1024 * 1024;
const BUDGET = 16 * MIB;
const CHUNK = 64 * 1024;
const SEALED = 'A'.repeat(CHUNK);

interface RawTerminal {
  ws: WebSocket;
  frames: string[];
  closed: { code: number; reason: string } | undefined;
  seq: number;
}

function rawTerminal(
  server: RelayServer,
  created: CreatedSession,
  role: 'pc' | 'phone',
  paused = false,
): Promise<RawTerminal> {
  const url = `${server.base.replace('http', 'ws')}/v1/relay?v=2&page=${created.pageId}&role=${role}&k=${created.secret}`;
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const terminal: RawTerminal = { ws, frames: [], closed: undefined, seq: 0 };
  ws.on('message', (data) => terminal.frames.push(String(data)));
  ws.on('close', (code, reason) => (terminal.closed = { code, reason: String(reason) }));
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      // A phone that never reads: its socket is not read, so nothing it is sent is acknowledged.
      if (paused) (ws as unknown as { _socket: Duplex })._socket.pause();
      resolve(terminal);
    });
    ws.once('error', reject);
  });
}

/** Sends `mib` MiB of reliable messages (ignoring acks, like a misbehaving or stuck PC). */
function push(terminal: RawTerminal, mib: number): void {
  for (let i = 0; i < (mib * MIB) / CHUNK; i++) {
    terminal.ws.send(
      `{"v":2,"t":"msg","mode":"reliable","seq":${++terminal.seq},"type":"data.text","sealed":"${SEALED}"}`,
    );
  }
}

function held(server: RelayServer, created: CreatedSession): number {
  return server.relay.registry.get(created.pageId)!.relay.memoryUse(Date.now()).bytes;
}

const wasShed = (terminal: RawTerminal): boolean =>
  terminal.closed?.code === RelayCloseCode.OverBudget &&
  terminal.frames.some((f) => f.includes(`"code":"${RelayErrorCode.OverBudget}"`));

/** A real client pair relaying numbered texts; records what arrives and anything that went wrong. */
async function healthyPair(server: RelayServer) {
  const { pc, phone } = startClients(server);
  const received: string[] = [];
  const trouble: string[] = [];
  phone.on('message', (m: RelayMessage) => {
    if (m.type === 'data.text') received.push(m.text);
  });
  for (const client of [pc, phone]) {
    client.on('error', (error) => trouble.push(String(error)));
    client.on('status', (status) => {
      if (status !== 'open') trouble.push(status);
    });
  }
  await Promise.all([
    waitOpen({ client: pc, sockets: [] }),
    waitOpen({ client: phone, sockets: [] }),
  ]);
  let sent = 0;
  return {
    received,
    trouble,
    sendSome: async (count: number) => {
      for (let i = 0; i < count; i++) await pc.send({ type: 'data.text', text: String(sent++) });
    },
    expectAll: async () => {
      await waitFor('every healthy message', () => received.length === sent);
      assert.deepEqual(
        received,
        Array.from({ length: sent }, (_, i) => String(i)),
        'in order, no duplicates',
      );
      assert.deepEqual(trouble, [], 'the healthy pair was never closed nor errored');
      pc.close();
      phone.close();
    },
  };
}

/** Samples the held-bytes stat every 5 ms (it must stay within the budget between turns). */
function sampleHeld(server: RelayServer): { max: () => number; stop: () => void } {
  let max = 0;
  const timer = setInterval(() => (max = Math.max(max, server.relay.stats().heldBytes)), 5);
  return { max: () => max, stop: () => clearInterval(timer) };
}

describe('relay: global memory budget', () => {
  const servers: RelayServer[] = [];
  after(() => Promise.all(servers.map((s) => s.close())));

  it('sheds the largest absent-peer queue with 4507, keeps the rest and a healthy session', async () => {
    const server = await startRelayServer({
      memoryBudgetBytes: BUDGET,
      queueSoftBytes: 4 * MIB,
      queueHardBytes: 12 * MIB,
    });
    servers.push(server);
    const healthy = await healthyPair(server);
    await healthy.sendSome(50);
    const sampler = sampleHeld(server);
    // PCs filling queues for phones that never join: 3 + 5 + 4 + 3 = 15 MiB, under the budget.
    const sizes = { a: 3, b: 5, c: 4, d: 3 };
    const absent: Record<string, { created: CreatedSession; pc: RawTerminal }> = {};
    for (const [name, mib] of Object.entries(sizes)) {
      const created = server.relay.createSession();
      const pc = await rawTerminal(server, created, 'pc');
      push(pc, mib);
      await waitFor(`session ${name} holds ${mib} MiB`, () => held(server, created) >= mib * MIB);
      absent[name] = { created, pc };
    }
    await healthy.sendSome(50);
    assert.equal(server.relay.stats().shedSessions, 0);
    // 2 MiB more takes the total past 16 MiB: the largest absent queue (b, 5 MiB) goes.
    const created = server.relay.createSession();
    const e = await rawTerminal(server, created, 'pc');
    push(e, 2);
    await waitFor('b shed with RELAY_OVER_BUDGET and 4507', () => wasShed(absent.b!.pc));
    await waitFor('e holds its 2 MiB', () => held(server, created) >= 2 * MIB);
    await healthy.sendSome(50);
    sampler.stop();
    for (const name of ['a', 'c', 'd']) {
      assert.equal(absent[name]!.pc.closed, undefined, `${name} is not shed`);
      assert.ok(held(server, absent[name]!.created) >= sizes.a * MIB);
    }
    assert.equal(e.closed, undefined);
    assert.equal(held(server, absent.b!.created), 0, 'what b held is released');
    assert.equal(server.relay.stats().shedSessions, 1);
    assert.ok(sampler.max() <= BUDGET, `held ${sampler.max()} stayed within ${BUDGET}`);
    assert.ok(server.relay.stats().heldBytes <= BUDGET);
    await healthy.expectAll();
  });

  it('sheds the largest stalled (non-reading) connection when no absent queue is left', async () => {
    const server = await startRelayServer({
      memoryBudgetBytes: BUDGET,
      queueSoftBytes: 4 * MIB,
      queueHardBytes: 12 * MIB,
      heartbeatMs: 120_000, // the paused phones would otherwise be dropped as dead
    });
    servers.push(server);
    const healthy = await healthyPair(server);
    const stalled = [];
    for (const mib of [5, 9]) {
      const created = server.relay.createSession();
      const phone = await rawTerminal(server, created, 'phone', true);
      const pc = await rawTerminal(server, created, 'pc');
      push(pc, mib);
      await waitFor(`stalled session holds ${mib} MiB`, () => held(server, created) >= mib * MIB);
      stalled.push({ created, pc, phone });
    }
    const [older, larger] = stalled as [(typeof stalled)[0], (typeof stalled)[0]];
    const kind = (created: CreatedSession) =>
      server.relay.registry.get(created.pageId)!.relay.memoryUse(Date.now()).kind;
    // The healthy pair keeps reading meanwhile; the paused phones make no progress.
    const traffic = setInterval(() => void healthy.sendSome(5), 50);
    await waitFor(
      'both stalled',
      () => kind(older.created) === 'stalled' && kind(larger.created) === 'stalled',
      10_000,
    );
    assert.equal(server.relay.stats().shedSessions, 0);
    const sampler = sampleHeld(server);
    push(older.pc, 3); // 5 + 9 + 3 = 17 MiB: over while the older holds less than 8
    await waitFor('the larger stalled session shed with 4507', () => wasShed(larger.pc));
    await waitFor('the older one keeps its 8 MiB', () => held(server, older.created) >= 8 * MIB);
    clearInterval(traffic);
    sampler.stop();
    assert.equal(older.pc.closed, undefined, 'the smaller stalled session is not shed');
    assert.equal(server.relay.stats().shedSessions, 1);
    assert.ok(sampler.max() <= BUDGET, `held ${sampler.max()} stayed within ${BUDGET}`);
    assert.equal(kind(older.created), 'stalled');
    await healthy.expectAll();
  });
});

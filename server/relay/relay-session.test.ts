// The session's forwarding rules with fake links and a fake clock: no sockets, no real time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ClientFrameSchema } from '../../protocol/relay-frames.js';
import { RelaySession } from './relay-session.js';
import { resolveRelayOptions, type RelayOptionsInput } from './relay-options.js';
import type { TerminalLink } from './role-slot.js';

class FakeLink implements TerminalLink {
  bufferedAmount = 0;
  readonly frames: string[] = [];
  closed: [number, string] | undefined;
  private readonly written: Array<() => void> = [];
  send(frame: string | Buffer, onWritten: () => void): void {
    this.frames.push(String(frame));
    this.written.push(onWritten);
  }
  close(code: number, reason: string): void {
    this.closed = [code, reason];
  }
  /** The socket drained: run the write callbacks. */
  drain(): void {
    this.bufferedAmount = 0;
    this.written.splice(0).forEach((done) => done());
  }
  parsed(): Array<Record<string, unknown>> {
    return this.frames.map((f) => JSON.parse(f) as Record<string, unknown>);
  }
}

function setup(options: RelayOptionsInput = {}) {
  const timers: Array<() => void> = [];
  const deferred: Array<() => void> = [];
  const delayed: Array<() => void> = [];
  const session = new RelaySession('page-id-for-tests', {
    options: resolveRelayOptions({
      highWaterBytes: 1024,
      queueSoftBytes: 2048,
      queueHardBytes: 8192,
      ...options,
    }),
    log: { debug() {}, info() {}, warn() {} },
    schedule: (fn) => {
      timers.push(fn);
      return () => timers.splice(timers.indexOf(fn), 1);
    },
    defer: (fn) => deferred.push(fn),
    delay: (fn) => delayed.push(fn),
  });
  const runDeferred = () => deferred.splice(0).forEach((fn) => fn());
  const runDelayed = () => delayed.splice(0).forEach((fn) => fn());
  const send = (role: 'pc' | 'phone', link: FakeLink, text: string) =>
    session.receive(role, link, ClientFrameSchema.parse(JSON.parse(text)), Buffer.from(text));
  return { session, timers, runDeferred, runDelayed, send };
}

const msg = (seq: number, text = 'x') =>
  `{"v":2,"t":"msg","mode":"reliable","seq":${seq},"type":"data.text","body":{"type":"data.text","text":"${text}"}}`;
const scroll = (y: number) =>
  `{"v":2,"t":"msg","mode":"latest","type":"op.scroll","body":{"type":"op.scroll","x":0,"y":${y}}}`;

describe('RelaySession', () => {
  it('wraps a message byte for byte in the golden fwd frame and acks the sender', () => {
    const golden = JSON.parse(
      readFileSync(new URL('../../protocol/fixtures/relay-golden.json', import.meta.url), 'utf8'),
    ) as { client: string[]; server: string[] };
    const { session, runDelayed, send } = setup();
    const pc = new FakeLink();
    const phone = new FakeLink();
    session.attach('pc', pc, undefined);
    session.attach('phone', phone, undefined);
    // The relay's numbering toward the phone is its own: six earlier frames make the next one 7.
    const toPhone = session['slots'].phone;
    for (let i = 0; i < 6; i++) toPhone.enqueue(Buffer.from('{}'));
    toPhone.dropThrough(6);
    send('pc', pc, golden.client[0]!);
    assert.equal(phone.frames.at(-1), golden.server[1]);
    runDelayed();
    assert.equal(pc.frames.at(-1), golden.server[3]);
  });

  it('acks within the ack delay, at the end of the turn after 64 messages, or with other frames', () => {
    const { session, runDeferred, runDelayed, send } = setup({
      queueSoftBytes: 1024 * 1024,
      queueHardBytes: 1024 * 1024,
    });
    const pc = new FakeLink();
    const phone = new FakeLink();
    session.attach('pc', pc, undefined);
    session.attach('phone', phone, undefined);
    const acks = () => pc.parsed().filter((f) => f.t === 'ack');
    send('pc', pc, msg(1));
    runDeferred();
    assert.deepEqual(acks(), [], 'one quiet message waits for the delay');
    runDelayed();
    assert.deepEqual(acks(), [{ t: 'ack', seq: 1 }]);
    for (let seq = 2; seq <= 65; seq++) send('pc', pc, msg(seq));
    runDeferred();
    assert.deepEqual(acks().at(-1), { t: 'ack', seq: 65 }, '64 unacknowledged: at once');
    send('pc', pc, msg(66));
    send('phone', phone, msg(1)); // the relay writes to the PC anyway: the ack rides along
    const frames = pc.parsed();
    assert.deepEqual(frames.at(-2), { t: 'ack', seq: 66 });
    assert.equal(frames.at(-1)?.t, 'fwd');
    runDelayed();
    runDeferred();
    assert.equal(acks().length, 3, 'no ack twice');
  });

  it('queues for an absent peer, replays unacknowledged frames on resume, drops acknowledged ones', () => {
    const { session, send } = setup();
    const pc = new FakeLink();
    session.attach('pc', pc, undefined);
    for (let seq = 1; seq <= 3; seq++) send('pc', pc, msg(seq, `m${seq}`));
    send('pc', pc, msg(2, 'm2')); // a resend the relay already holds: ignored
    const phone = new FakeLink();
    const welcome = session.attach('phone', phone, undefined);
    const fwd = () =>
      phone
        .parsed()
        .filter((f) => f.t === 'fwd')
        .map((f) => f.seq);
    assert.deepEqual(fwd(), [1, 2, 3]);
    session.receive('phone', phone, { t: 'ack', seq: 2 }, Buffer.alloc(0));
    assert.equal(session.decide('phone', undefined), 'full', 'a live slot refuses a newcomer');
    session.detach('phone', phone, false);
    assert.equal(session.decide('phone', welcome.resumeToken), 'resume');
    const again = new FakeLink();
    session.attach('phone', again, 2);
    assert.deepEqual(
      again
        .parsed()
        .filter((f) => f.t === 'fwd')
        .map((f) => f.seq),
      [3],
    );
    assert.ok(pc.parsed().some((f) => f.t === 'peer-away'));
  });

  it('lets a fresh join replace an away terminal (a reloaded page) and tells the peer', () => {
    const { session, send, timers } = setup();
    const pc = new FakeLink();
    const phone = new FakeLink();
    session.attach('pc', pc, undefined);
    const first = session.attach('phone', phone, undefined);
    send('phone', phone, msg(1, 'from the old page'));
    send('phone', phone, msg(2, 'from the old page'));
    session.detach('phone', phone, false); // the network dropped: no bye
    send('pc', pc, msg(1, 'while away'));
    assert.equal(session.decide('phone', undefined), 'replace');
    const reloaded = new FakeLink();
    const welcome = session.attach('phone', reloaded, undefined);
    assert.equal(welcome.resumed, false);
    assert.equal(welcome.recvSeq, 0, 'the new page numbers from 1');
    assert.notEqual(welcome.resumeToken, first.resumeToken);
    assert.deepEqual(timers, [], 'the grace timer is cancelled');
    const fwd = reloaded.parsed().filter((f) => f.t === 'fwd');
    assert.deepEqual(
      fwd.map((f) => (f.msg as { body: { text: string } }).body.text),
      ['while away'],
      'what waited for the phone reaches the new page',
    );
    send('phone', reloaded, msg(1, 'from the new page'));
    const atPc = pc.parsed().filter((f) => f.t === 'fwd' || String(f.t).startsWith('peer-'));
    assert.deepEqual(
      atPc.map((f) => (f.t === 'fwd' ? (f.msg as { body: { text: string } }).body.text : f)),
      [
        { t: 'peer-joined', role: 'phone', resumed: false },
        'from the old page',
        'from the old page',
        { t: 'peer-away', role: 'phone' },
        { t: 'peer-joined', role: 'phone', resumed: false },
        'from the new page',
      ],
    );
    assert.equal(session.decide('phone', undefined), 'full', 'the new page holds the slot');
    assert.equal(session.decide('phone', first.resumeToken), 'full', 'the old token is void');
  });

  it('coalesces latest-wins frames while the receiver is backed up, never reliable ones', () => {
    const { session, send } = setup();
    const pc = new FakeLink();
    const phone = new FakeLink();
    session.attach('pc', pc, undefined);
    session.attach('phone', phone, undefined);
    send('pc', pc, msg(1)); // written at once; its callback runs when the socket drains
    phone.bufferedAmount = 4096;
    for (let y = 1; y <= 5; y++) send('pc', pc, scroll(y));
    send('pc', pc, msg(2));
    const before = phone.frames.length;
    phone.drain();
    const after = phone.parsed().slice(before);
    assert.deepEqual(
      after.map(
        (f) => (f.seq as number | undefined) ?? `y${(f.msg as { body: { y: number } }).body.y}`,
      ),
      [2, 'y5'],
    );
    assert.equal(session.stats.coalesced, 4);
  });

  it('coalesces file progress per transfer: the final progress of one file survives another', () => {
    const { session, send } = setup();
    const pc = new FakeLink();
    const phone = new FakeLink();
    session.attach('pc', pc, undefined);
    session.attach('phone', phone, undefined);
    const progress = (id: string, received: number, done: boolean) =>
      `{"v":2,"t":"msg","mode":"latest","type":"data.file.progress","key":"${id}",` +
      `"body":{"type":"data.file.progress","id":"${id}","received":${received},"size":9,"done":${done}}}`;
    send('phone', phone, msg(1)); // written at once; its callback runs when the socket drains
    pc.bufferedAmount = 4096; // the PC socket is backed up: progress waits at the relay
    send('phone', phone, progress('fileAAAA', 1, false));
    send('phone', phone, progress('fileAAAA', 9, true));
    send('phone', phone, progress('fileBBBB', 2, false));
    send('phone', phone, progress('fileBBBB', 3, false));
    const before = pc.frames.length;
    pc.drain();
    const delivered = pc
      .parsed()
      .slice(before)
      .map((f) => (f.msg as { body: { id: string; received: number } }).body)
      .map((b) => `${b.id}:${b.received}`);
    assert.deepEqual(delivered, ['fileAAAA:9', 'fileBBBB:3']);
    assert.equal(session.stats.coalesced, 2);
  });

  it('withholds acks while the peer queue is over the soft limit and closes a sender past the hard one', () => {
    const { session, runDeferred, runDelayed, send } = setup();
    const pc = new FakeLink();
    session.attach('pc', pc, undefined);
    const big = 'y'.repeat(900);
    for (let seq = 1; seq <= 3; seq++) send('pc', pc, msg(seq, big));
    runDelayed();
    runDeferred();
    assert.equal(pc.parsed().filter((f) => f.t === 'ack').length, 0, 'no ack over the soft limit');
    const phone = new FakeLink();
    session.attach('phone', phone, undefined);
    session.receive('phone', phone, { t: 'ack', seq: 3 }, Buffer.alloc(0));
    runDeferred();
    assert.deepEqual(
      pc.parsed().filter((f) => f.t === 'ack'),
      [{ t: 'ack', seq: 3 }],
    );
    session.detach('phone', phone, true);
    for (let seq = 4; seq <= 12 && !pc.closed; seq++) send('pc', pc, msg(seq, big));
    assert.equal(pc.closed?.[0], 4400);
    assert.match(pc.closed?.[1] ?? '', /RELAY_FLOW_CONTROL/);
    assert.equal(pc.parsed().at(-1)?.code, 'RELAY_FLOW_CONTROL', 'an error frame precedes');
  });

  it('tells the peer: away on a drop, left (expired) after the grace window, left (closed) on bye', () => {
    const { session, timers } = setup();
    const pc = new FakeLink();
    const phone = new FakeLink();
    session.attach('pc', pc, undefined);
    session.attach('phone', phone, undefined);
    session.detach('phone', phone, false);
    timers.shift()!();
    const again = new FakeLink();
    assert.equal(session.decide('phone', undefined), 'fresh');
    session.attach('phone', again, undefined);
    session.receive('phone', again, { t: 'bye' }, Buffer.alloc(0));
    const events = pc.parsed().filter((f) => String(f.t).startsWith('peer-'));
    assert.deepEqual(events, [
      { t: 'peer-joined', role: 'phone', resumed: false },
      { t: 'peer-away', role: 'phone' },
      { t: 'peer-left', role: 'phone', reason: 'expired' },
      { t: 'peer-joined', role: 'phone', resumed: false },
      { t: 'peer-left', role: 'phone', reason: 'closed' },
    ]);
    assert.equal(again.closed?.[0], 1000);
  });

  it('closes a sender whose seq skips ahead, after an error frame', () => {
    const { session, send } = setup();
    const pc = new FakeLink();
    session.attach('pc', pc, undefined);
    send('pc', pc, msg(5));
    assert.equal(pc.closed?.[0], 4400);
    assert.deepEqual(pc.parsed().at(-1), {
      t: 'error',
      code: 'MESSAGE_INVALID',
      message: 'seq gap',
    });
  });

  it('refuses an ack ahead of what it sent, after an error frame', () => {
    const { session } = setup();
    const phone = new FakeLink();
    session.attach('phone', phone, undefined);
    session.receive('phone', phone, { t: 'ack', seq: 3 }, Buffer.alloc(0));
    assert.equal(phone.closed?.[0], 4400);
    assert.equal(phone.parsed().at(-1)?.code, 'MESSAGE_INVALID');
  });

  it('refuses unknown message types and a type sent in the other delivery mode', () => {
    const frames = [
      // An unknown name that fits the type-name pattern.
      '{"v":2,"t":"msg","mode":"latest","type":"op.bogus","body":{}}',
      // op.scroll is latest-wins; data.text and mirror.snapshot are reliable.
      '{"v":2,"t":"msg","mode":"reliable","seq":1,"type":"op.scroll","body":{}}',
      '{"v":2,"t":"msg","mode":"latest","type":"data.text","body":{}}',
      '{"v":2,"t":"msg","mode":"latest","type":"mirror.snapshot","body":{}}',
    ];
    for (const frame of frames) {
      const { session, send } = setup();
      const pc = new FakeLink();
      const phone = new FakeLink();
      session.attach('pc', pc, undefined);
      session.attach('phone', phone, undefined);
      phone.bufferedAmount = 4096; // backed up: a latest frame would be held, not written
      send('pc', pc, frame);
      assert.equal(pc.closed?.[0], 4400, frame);
      assert.equal(pc.parsed().at(-1)?.code, 'MESSAGE_INVALID', frame);
      assert.doesNotMatch(
        String(pc.parsed().at(-1)?.message),
        /bogus/,
        'the sent name is not echoed',
      );
      assert.equal(phone.parsed().filter((f) => f.t === 'fwd').length, 0, frame);
      assert.equal(session['slots'].phone.latest.size, 0, frame);
    }
  });

  it('counts held latest-wins bytes against the hard limit', () => {
    const { session, send } = setup();
    const pc = new FakeLink();
    session.attach('pc', pc, undefined); // the phone is not there: everything is held
    const big = 'z'.repeat(3000);
    const latest = (type: string) =>
      `{"v":2,"t":"msg","mode":"latest","type":"${type}","body":{"pad":"${big}"}}`;
    send('pc', pc, latest('op.scroll'));
    send('pc', pc, latest('mirror.tabs'));
    assert.equal(pc.closed, undefined, 'under the 8 KiB hard limit');
    send('pc', pc, latest('find.result'));
    assert.equal(pc.closed?.[0], 4400);
    assert.equal(pc.parsed().at(-1)?.code, 'RELAY_FLOW_CONTROL');
  });
});

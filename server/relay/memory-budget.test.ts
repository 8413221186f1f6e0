// The relay's global memory budget: the accounting of held bytes, which sessions are shed and in
// what order, and the release of queues nobody can receive any more. Fake links, a fake clock.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RelayCloseCode, RelayErrorCode } from '../../protocol/relay-errors.js';
import { ClientFrameSchema } from '../../protocol/relay-frames.js';
import {
  defaultMemoryBudget,
  HeldBytes,
  MEMORY_BUDGET_ENV,
  MIN_BUDGET_BYTES,
  parseBudgetMiB,
  RelayMemoryBudget,
  shedOrder,
  STALL_MS,
  type ShedCandidate,
} from './memory-budget.js';
import { RelaySession } from './relay-session.js';
import { resolveRelayOptions } from './relay-options.js';
import type { TerminalLink } from './role-slot.js';

class FakeLink implements TerminalLink {
  bufferedAmount = 0;
  readonly frames: string[] = [];
  closed: [number, string] | undefined;
  send(frame: string | Buffer): void {
    this.frames.push(String(frame));
  }
  close(code: number, reason: string): void {
    this.closed = [code, reason];
  }
}

const MIB = 1024 * 1024;

function world(graceMs = 60_000) {
  let clock = 1_000;
  const held = new HeldBytes();
  const timers: Array<() => void> = [];
  const sessions: RelaySession[] = [];
  const options = resolveRelayOptions({
    highWaterBytes: 1024,
    queueSoftBytes: 64 * 1024,
    queueHardBytes: 256 * 1024,
    graceMs,
    memoryBudgetBytes: MIN_BUDGET_BYTES,
  });
  const deps = {
    options,
    log: { debug() {}, info() {}, warn() {} },
    schedule: (fn: () => void) => {
      timers.push(fn);
      return () => void timers.splice(timers.indexOf(fn), 1);
    },
    defer: () => {},
    delay: () => {},
    now: () => clock,
    held,
  };
  const newSession = () => {
    const session = new RelaySession(`page-${sessions.length}`, deps);
    sessions.push(session);
    clock++;
    return session;
  };
  /** A new session with its PC attached, and its phone too unless `pcOnly`. */
  const attached = (pcOnly = false) => {
    const session = newSession();
    const pc = new FakeLink();
    const phone = new FakeLink();
    session.attach('pc', pc, undefined);
    if (!pcOnly) session.attach('phone', phone, undefined);
    return { session, pc, phone };
  };
  const send = (session: RelaySession, role: 'pc' | 'phone', link: FakeLink, text: string) =>
    session.receive(role, link, ClientFrameSchema.parse(JSON.parse(text)), Buffer.from(text));
  const advance = (ms: number) => (clock += ms);
  return { held, timers, sessions, newSession, attached, send, advance, now: () => clock };
}

const msg = (seq: number, size = 100) =>
  `{"v":2,"t":"msg","mode":"reliable","seq":${seq},"type":"data.text","body":{"type":"data.text","text":"${'x'.repeat(size)}"}}`;
const scroll = (y: number) =>
  `{"v":2,"t":"msg","mode":"latest","type":"op.scroll","body":{"type":"op.scroll","x":0,"y":${y}}}`;

/** Sum of what the session's slots hold, read from the slots themselves. */
function slotBytes(session: RelaySession): number {
  const slots = session['slots'];
  return slots.pc.heldBytes + slots.phone.heldBytes;
}

function candidate(
  item: string,
  kind: ShedCandidate<string>['kind'],
  bytes: number,
  createdAt: number,
): ShedCandidate<string> {
  return { item, kind, bytes, createdAt };
}

describe('shedOrder', () => {
  const all = [
    candidate('healthy-huge', 'healthy', 900, 0),
    candidate('stalled-big', 'stalled', 500, 1),
    candidate('absent-small', 'absent', 100, 2),
    candidate('absent-big-new', 'absent', 300, 9),
    candidate('absent-big-old', 'absent', 300, 3),
    candidate('stalled-small', 'stalled', 50, 4),
    candidate('absent-empty', 'absent', 0, 0),
  ];

  it('sheds absent-peer queues first, largest first, the older first between equal sizes', () => {
    assert.deepEqual(shedOrder(all, 1), ['absent-big-old']);
    assert.deepEqual(shedOrder(all, 301), ['absent-big-old', 'absent-big-new']);
    assert.deepEqual(shedOrder(all, 650), ['absent-big-old', 'absent-big-new', 'absent-small']);
  });

  it('goes on to stalled connections, largest first, and never to a healthy or empty session', () => {
    assert.deepEqual(shedOrder(all, 701), [
      'absent-big-old',
      'absent-big-new',
      'absent-small',
      'stalled-big',
    ]);
    assert.deepEqual(shedOrder(all, 10_000), [
      'absent-big-old',
      'absent-big-new',
      'absent-small',
      'stalled-big',
      'stalled-small',
    ]);
    assert.deepEqual(shedOrder(all, 0), []);
  });
});

describe('defaultMemoryBudget', () => {
  it('is an eighth of the machine, at least the minimum, and the env variable overrides it', () => {
    assert.equal(defaultMemoryBudget({}, 8 * 1024 * MIB), 1024 * MIB);
    assert.equal(defaultMemoryBudget({}, 32 * MIB), MIN_BUDGET_BYTES);
    assert.equal(defaultMemoryBudget({ [MEMORY_BUDGET_ENV]: '256' }, 8 * 1024 * MIB), 256 * MIB);
  });

  it('refuses a budget that is not a number or below the minimum', () => {
    assert.equal(parseBudgetMiB(undefined), undefined);
    assert.throws(() => parseBudgetMiB('lots'), RangeError);
    assert.throws(() => parseBudgetMiB('1'), RangeError);
    assert.throws(() => defaultMemoryBudget({ [MEMORY_BUDGET_ENV]: '-5' }), RangeError);
  });
});

describe('held-bytes accounting', () => {
  it('follows every queue, ack, latest-wins and reset exactly', () => {
    const { held, attached, send } = world();
    const { session, pc, phone } = attached();
    phone.bufferedAmount = 10_000; // the phone is slow: frames wait in the relay
    for (let seq = 1; seq <= 20; seq++) send(session, 'pc', pc, msg(seq));
    send(session, 'pc', pc, scroll(1));
    send(session, 'pc', pc, scroll(2)); // replaces the first: counted once
    assert.ok(held.total > 20 * 100);
    assert.equal(held.total, slotBytes(session));
    send(session, 'phone', phone, '{"t":"ack","seq":10}');
    assert.equal(held.total, slotBytes(session));
    session.close(RelayCloseCode.ServerShutdown, 'test');
    assert.equal(held.total, 0);
  });
});

describe('queues nobody can receive', () => {
  it('go when the PC says bye to a phone that never joined', () => {
    const { held, attached, send } = world();
    const { session, pc } = attached(true);
    for (let seq = 1; seq <= 50; seq++) send(session, 'pc', pc, msg(seq, 1000));
    assert.ok(held.total > 50_000);
    send(session, 'pc', pc, '{"t":"bye"}');
    assert.equal(slotBytes(session), 0);
    assert.equal(held.total, 0);
  });

  it('go when a dropped PC does not come back within the grace window', () => {
    const { held, timers, attached, send } = world();
    const { session, pc } = attached(true);
    for (let seq = 1; seq <= 50; seq++) send(session, 'pc', pc, msg(seq, 1000));
    session.detach('pc', pc, false);
    assert.ok(held.total > 50_000, 'kept while the PC may resume');
    timers.splice(0).forEach((fire) => fire());
    assert.equal(held.total, 0);
  });

  it('stay for a phone that is away: it may resume and receive them', () => {
    const { held, attached, send } = world();
    const { session, pc, phone } = attached();
    session.detach('phone', phone, false);
    for (let seq = 1; seq <= 5; seq++) send(session, 'pc', pc, msg(seq));
    send(session, 'pc', pc, '{"t":"bye"}');
    assert.ok(held.total > 500);
  });
});

describe('RelayMemoryBudget', () => {
  /** Three sessions: PC filling a queue for an absent phone, a non-reading phone, a healthy pair. */
  function threeSessions() {
    const w = world();
    /** A PC sending `count` frames to a phone whose socket holds `buffered` bytes unsent (none: no phone). */
    const filled = (count: number, buffered?: number) => {
      const pair = w.attached(buffered === undefined);
      pair.phone.bufferedAmount = buffered ?? 0;
      for (let seq = 1; seq <= count; seq++) w.send(pair.session, 'pc', pair.pc, msg(seq, 1000));
      return pair;
    };
    const absent = filled(100);
    const stalled = filled(40, 50_000);
    const healthy = filled(30, 2_000);
    return {
      ...w,
      absent: { session: absent.session, pc: absent.pc },
      stalled,
      healthy,
      /** The healthy phone reads and acks everything; the others do not. */
      healthyReads: () => {
        w.send(healthy.session, 'phone', healthy.phone, `{"t":"ack","seq":${30}}`);
        for (let seq = 31; seq <= 35; seq++)
          w.send(healthy.session, 'pc', healthy.pc, msg(seq, 1000));
      },
    };
  }

  function budgetOver(w: ReturnType<typeof threeSessions>, limit: number) {
    const deferred: Array<() => void> = [];
    const reports: unknown[] = [];
    const budget = new RelayMemoryBudget(limit, w.held, {
      sessions: () => w.sessions,
      now: w.now,
      defer: (fn) => deferred.push(fn),
      onShed: (report) => reports.push(report),
    });
    return { budget, deferred, reports };
  }

  it('classifies absent, stalled (no progress for STALL_MS) and healthy sessions', () => {
    const w = threeSessions();
    assert.equal(w.absent.session.memoryUse(w.now()).kind, 'absent');
    assert.equal(w.stalled.session.memoryUse(w.now()).kind, 'healthy', 'not stalled yet');
    w.advance(STALL_MS + 1);
    w.healthyReads();
    assert.equal(w.stalled.session.memoryUse(w.now()).kind, 'stalled');
    assert.equal(w.healthy.session.memoryUse(w.now()).kind, 'healthy');
    const use = w.stalled.session.memoryUse(w.now());
    assert.equal(use.bytes, slotBytes(w.stalled.session) + 50_000, 'ws buffer counted');
  });

  it('sheds the absent-peer session first, with an error frame and close 4507', () => {
    const w = threeSessions();
    w.advance(STALL_MS + 1);
    w.healthyReads();
    const total = w.sessions.reduce((sum, s) => sum + s.memoryUse(w.now()).bytes, 0);
    const absentBytes = w.absent.session.memoryUse(w.now()).bytes;
    const { budget, reports } = budgetOver(w, total - absentBytes + 1);
    const report = budget.enforce();
    assert.equal(report.shed, 1);
    assert.equal(reports.length, 1);
    assert.deepEqual(w.absent.pc.closed, [RelayCloseCode.OverBudget, RelayErrorCode.OverBudget]);
    const error = JSON.parse(w.absent.pc.frames.at(-1)!) as { t: string; code: string };
    assert.deepEqual([error.t, error.code], ['error', RelayErrorCode.OverBudget]);
    assert.equal(w.stalled.pc.closed, undefined);
    assert.equal(w.healthy.pc.closed, undefined);
    assert.ok(budget.heldBytes() <= budget.limit);
    assert.equal(w.held.total, slotBytes(w.stalled.session) + slotBytes(w.healthy.session));
  });

  it('then the stalled one, and never the healthy one even when still over', () => {
    const w = threeSessions();
    w.advance(STALL_MS + 1);
    w.healthyReads();
    const { budget } = budgetOver(w, 1);
    const report = budget.enforce();
    assert.equal(report.shed, 2);
    assert.equal(w.absent.pc.closed?.[0], RelayCloseCode.OverBudget);
    assert.equal(w.stalled.pc.closed?.[0], RelayCloseCode.OverBudget);
    assert.equal(w.stalled.phone.closed?.[0], RelayCloseCode.OverBudget);
    assert.equal(w.healthy.pc.closed, undefined);
    assert.equal(w.healthy.phone.closed, undefined);
    assert.equal(budget.shedTotal, 2);
  });

  it('check() is one comparison on the hot path and enforces once at the end of the turn', () => {
    const w = threeSessions();
    const { budget, deferred } = budgetOver(w, w.held.total + 1);
    budget.check();
    assert.equal(deferred.length, 0, 'under the budget: nothing scheduled');
    w.held.total += 10;
    budget.check();
    budget.check();
    assert.equal(deferred.length, 1);
    deferred.splice(0).forEach((fn) => fn());
    assert.equal(w.absent.pc.closed?.[0], RelayCloseCode.OverBudget);
  });

  it('check() adds the ws buffers seen at the last full check to the exact queued count', () => {
    const w = threeSessions();
    w.stalled.phone.bufferedAmount = 200_000;
    const { budget, deferred } = budgetOver(w, w.held.total + 150_000);
    budget.check();
    assert.equal(deferred.length, 0, 'the buffers are not known yet');
    assert.equal(budget.enforce().shed, 1, 'the full check sees them and sheds');
    w.held.total = budget.limit - 1_000; // queued bytes alone would fit the budget
    budget.check();
    assert.equal(deferred.length, 1, 'with the buffers known, the hot path sees the total over');
  });
});

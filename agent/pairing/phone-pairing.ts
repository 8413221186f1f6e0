// The pairing state machine of one attached phone: local history first, then the
// pairing server; bind atomically; never leave a half-made binding or history row behind.
import type { IdentifiedPhone } from '../../native-bridge/types.js';
import { reasonFor } from './failure-reason.js';
import type { PairingPorts } from './pairing-ports.js';
import {
  hintFor,
  type PairingReason,
  type PairingState,
  type PairingTimings,
  type PhoneStatus,
} from './states.js';

class Aborted extends Error {}

/** adb lists a phone `offline` for a moment while it connects: only longer is a problem. */
export const OFFLINE_GRACE_MS = 10_000;

export class PhonePairing {
  private state: PairingState = 'detected';
  private reason: PairingReason | undefined;
  /** The raw identity, in memory while the phone is attached; cleared when it goes. */
  private phone: IdentifiedPhone | undefined;
  /** What the UI shows of the last identified phone (masked only), kept after it goes. */
  private shown: Pick<PhoneStatus, 'identity' | 'model'> = { identity: null, model: '' };
  private decidedBy: PhoneStatus['decidedBy'];
  private sessionId: string | undefined;
  private retryAt: number | undefined;
  private timings: PairingTimings = {};
  private run: AbortController | undefined;
  private offlineTimer: ReturnType<typeof setTimeout> | undefined;
  /** While a takeover waits for the person's tap on the phone: when its ticket expires. */
  private takeoverUntil: number | undefined;

  constructor(
    readonly serial: string,
    private readonly ports: PairingPorts,
    private readonly onChange: (status: PhoneStatus) => void,
    // Sub-millisecond epoch time, so the pairing benchmark can resolve what takes under 1 ms.
    private readonly now: () => number = () => performance.timeOrigin + performance.now(),
    private readonly offlineGraceMs = OFFLINE_GRACE_MS,
  ) {}

  status(): PhoneStatus {
    return {
      serial: this.serial,
      ...this.shown,
      state: this.state,
      ...(this.reason ? { reason: this.reason } : {}),
      hint: hintFor(this.state, this.reason),
      ...(this.retryAt ? { retryAt: this.retryAt } : {}),
      ...(this.decidedBy ? { decidedBy: this.decidedBy } : {}),
      ...(this.sessionId ? { sessionId: this.sessionId } : {}),
      ...(this.takeoverUntil ? { takeoverUntil: this.takeoverUntil } : {}),
      timings: { ...this.timings },
    };
  }

  get current(): PairingState {
    return this.state;
  }

  /** The identity of this phone while it is attached (in memory only). */
  get identified(): IdentifiedPhone | undefined {
    return this.phone;
  }

  /** adb says the phone is `unauthorized`, `offline`, etc. */
  waitForDevice(state: 'unauthorized' | 'offline' | 'detected', reason?: PairingReason): void {
    this.cancel();
    if (state !== 'offline' || reason) {
      this.set(state === 'offline' ? 'detected' : state, reason);
      return;
    }
    // A normal plug passes through `offline`: the phone is just `detected` until it stays so.
    this.set('detected');
    this.offlineTimer = setTimeout(() => {
      this.offlineTimer = undefined;
      if (this.state === 'detected' && !this.reason) this.set('detected', 'DEVICE_OFFLINE');
    }, this.offlineGraceMs);
    this.offlineTimer.unref?.();
  }

  /** Paused: the phone stays `detected` until pairing resumes. */
  hold(): void {
    this.cancel();
    this.set('detected', 'PAUSED');
  }

  /** adb says `device`: run the flow. Resolves when the flow has ended (any way). */
  async start(): Promise<void> {
    this.cancel();
    const run = new AbortController();
    this.run = run;
    this.retryAt = undefined;
    this.forgetPhone();
    this.timings = { deviceAt: this.now() };
    try {
      await this.pair(run.signal);
    } catch (error) {
      if (error instanceof Aborted || run.signal.aborted) return;
      this.set('failed', reasonFor(error));
    }
  }

  /** This computer released the phone's binding: it waits, unpaired, until it is plugged again. */
  released(): void {
    this.cancel();
    this.sessionId = undefined;
    this.set('detected', 'RELEASED');
  }

  /**
   * The phone closed the session page: still paired and still connected (the session and the
   * reverse mapping stay), so the page reopens from the phone's history or "Open on the phone
   * again"; `false` when it is back.
   */
  pageClosed(closed: boolean): void {
    if (this.state !== 'connected') return;
    const now = this.reason === 'SESSION_CLOSED';
    if (now !== closed) this.set('connected', closed ? 'SESSION_CLOSED' : undefined);
  }

  /** The relay dropped the session (e.g. the server restarted): `failed`, to be paired again. */
  sessionLost(): void {
    this.sessionId = undefined;
    this.set('failed', 'SESSION_LOST');
  }

  /** The pairing server stopped answering: `failed`, waiting for it (no timed retry). */
  serverLost(): void {
    this.cancel();
    this.sessionId = undefined;
    this.retryAt = undefined;
    this.set('failed', 'SERVER_UNREACHABLE');
  }

  /** The phone was unplugged: stop whatever runs, end in `gone`. */
  gone(): void {
    this.cancel();
    this.phone = undefined;
    this.sessionId = undefined;
    this.set('gone');
  }

  /**
   * Asks the server again about a phone bound elsewhere, quietly (the card does not flicker):
   * pairs it when the other computer released it or a takeover moved it here.
   */
  async recheck(): Promise<void> {
    const phone = this.phone;
    if (this.state !== 'bound-elsewhere' || !phone) return;
    this.cancel();
    const run = new AbortController();
    this.run = run;
    try {
      await this.decideWithServer(phone, run.signal, true);
    } catch (error) {
      if (error instanceof Aborted || run.signal.aborted) return;
      // The server did not answer the check: still bound elsewhere as far as anyone knows.
      if (this.state !== 'bound-elsewhere') this.set('failed', reasonFor(error));
    }
  }

  /** A takeover waits for the person's tap on the phone until `until` (undefined: no longer). */
  awaitTakeover(until: number | undefined): void {
    if (this.state !== 'bound-elsewhere' || this.takeoverUntil === until) return;
    this.takeoverUntil = until;
    this.emit();
  }

  /** Marks a failure to be retried at `at` (the orchestrator owns the timer). */
  scheduleRetry(at: number): void {
    this.retryAt = at;
    this.emit();
  }

  private async pair(signal: AbortSignal): Promise<void> {
    this.set('identifying');
    const phone = await this.step(signal, this.ports.readIdentity(this.serial, signal));
    this.phone = phone;
    this.shown = {
      identity: { kind: phone.identity.kind, masked: phone.identity.masked },
      model: phone.info.model,
    };
    this.timings.identityAt = this.now();

    if (this.ports.history.isKnown(phone.identity)) {
      // Paired before: connect without asking the server, unless a takeover moved it away.
      const moved = this.ports.server.movedAway?.(phone.identity, signal);
      if (moved && (await this.step(signal, moved))) return this.movedElsewhere(phone);
      this.decide('history');
      return this.connect(signal);
    }

    this.set('checking');
    return this.decideWithServer(phone, signal, false);
  }

  /** The server's word on the phone, then bind and connect; `quiet`: no state shown while asking. */
  private async decideWithServer(
    phone: IdentifiedPhone,
    signal: AbortSignal,
    quiet: boolean,
  ): Promise<void> {
    const lookup = await this.step(signal, this.ports.server.lookup(phone.identity, signal));
    if (lookup === 'moved-away') return this.movedElsewhere(phone);
    if (lookup === 'bound-to-another') {
      this.decide('server');
      return quiet ? undefined : this.set('bound-elsewhere');
    }
    if (lookup === 'unbound') {
      this.set('binding');
      const bound = await this.bindOrUndo(phone, signal);
      if (bound === 'conflict') {
        this.decide('server');
        return this.set('bound-elsewhere');
      }
    }
    this.ports.history.recordPaired(phone, this.serial);
    this.decide('server');
    return this.connect(signal);
  }

  /** A takeover confirmed on the phone moved it to another computer: forgotten here, told in words. */
  private movedElsewhere(phone: IdentifiedPhone): void {
    this.ports.history.forget?.(phone.identity);
    this.decide('server');
    this.set('bound-elsewhere', 'BINDING_MOVED');
  }

  /** Binds; when the phone is unplugged while the bind is in flight, releases it again. */
  private async bindOrUndo(
    phone: IdentifiedPhone,
    signal: AbortSignal,
  ): Promise<'bound' | 'conflict'> {
    const undo = async (): Promise<never> => {
      await this.ports.server.release(phone.identity).catch(() => undefined);
      throw new Aborted();
    };
    let bound: 'bound' | 'conflict';
    try {
      bound = await this.ports.server.bind(phone.identity, signal);
    } catch (error) {
      if (signal.aborted) return undo();
      throw error;
    }
    if (signal.aborted) return bound === 'bound' ? undo() : Promise.reject(new Aborted());
    return bound;
  }

  private async connect(signal: AbortSignal): Promise<void> {
    this.set('connecting');
    const session = await this.step(signal, this.ports.server.createSession(this.serial, signal));
    if (this.phone) this.ports.history.touchConnected(this.phone.identity, this.serial);
    this.sessionId = session.sessionId;
    this.timings.connectedAt = this.now();
    this.set('connected');
  }

  /** A new plug may be another phone under the same serial: nothing of the last one carries over. */
  private forgetPhone(): void {
    this.phone = undefined;
    this.shown = { identity: null, model: '' };
    this.decidedBy = undefined;
    this.sessionId = undefined;
  }

  private decide(by: 'history' | 'server'): void {
    this.decidedBy = by;
    this.timings.decisionAt = this.now();
  }

  private async step<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
    const result = await work;
    if (signal.aborted) throw new Aborted();
    return result;
  }

  private cancel(): void {
    this.run?.abort();
    this.run = undefined;
    clearTimeout(this.offlineTimer);
    this.offlineTimer = undefined;
  }

  private set(state: PairingState, reason?: PairingReason): void {
    this.state = state;
    this.reason = reason;
    if (state !== 'failed') this.retryAt = undefined;
    if (state !== 'bound-elsewhere') this.takeoverUntil = undefined;
    this.emit();
  }

  private emit(): void {
    this.onChange(this.status());
  }
}

// Drives one PhonePairing per attached phone from the watcher's events; owns pause/resume, the
// capped-backoff retries of failed pairings, and the checks again of phones bound elsewhere (every
// 30 s, at once on "Check again", every second while a takeover waits for the tap on the phone).
import { EventEmitter } from 'node:events';
import type { PhoneEvent, UsbPhone } from '../../native-bridge/types.js';
import { adbStateText } from '../../native-bridge/types.js';
import { backoffDelay } from './backoff.js';
import { retryCannotFix } from './failure-reason.js';
import { PhonePairing } from './phone-pairing.js';
import type { PairingPorts } from './pairing-ports.js';
import type { PhoneStatus } from './states.js';
import { isPairingClientError } from './pairing-client-error.js';
import { requestTakeover } from './takeover-flow.js';
import { RECHECK_MS, realSchedule, TAKEOVER_POLL_MS, type Schedule } from './schedule.js';

export interface OrchestratorOptions {
  paused?: boolean;
  retryBaseMs?: number;
  retryCapMs?: number;
  now?: () => number;
  recheckMs?: number;
  takeoverPollMs?: number;
  schedule?: Schedule;
}

export interface OrchestratorEvents {
  change: [status: PhoneStatus];
}

export class PairingOrchestrator extends EventEmitter<OrchestratorEvents> {
  private stopped = false;
  private readonly phones = new Map<string, PhonePairing>();
  private readonly attempts = new Map<string, number>();
  private readonly timers = new Map<string, () => void>();
  private readonly usbWithoutAdb = new Map<string, UsbPhone>();
  private paused: boolean;
  private readonly retryBaseMs: number;
  private readonly retryCapMs: number;
  private readonly now: () => number;
  private readonly running = new Set<Promise<void>>();
  private readonly recheckMs: number;
  private readonly takeoverPollMs: number;
  private readonly schedule: Schedule;

  constructor(
    private readonly ports: PairingPorts,
    options: OrchestratorOptions = {},
  ) {
    super();
    this.paused = options.paused ?? false;
    this.retryBaseMs = options.retryBaseMs ?? 1_000;
    this.retryCapMs = options.retryCapMs ?? 30_000;
    this.now = options.now ?? (() => performance.timeOrigin + performance.now());
    this.recheckMs = options.recheckMs ?? RECHECK_MS;
    this.takeoverPollMs = options.takeoverPollMs ?? TAKEOVER_POLL_MS;
    this.schedule = options.schedule ?? realSchedule;
  }

  handle(event: PhoneEvent): void {
    switch (event.type) {
      case 'attached':
      case 'state':
        return this.onAdbState(event.serial, adbStateText(event.state));
      case 'detached':
        return this.onDetached(event.serial);
      case 'usb-no-adb':
        this.usbWithoutAdb.set(event.usb.key, event.usb);
        return;
      case 'usb-detached':
        this.usbWithoutAdb.delete(event.usb.key);
        return;
      case 'usb-attached':
      case 'adb-server-lost':
      case 'adb-server-recovered':
        return;
    }
  }

  list(): PhoneStatus[] {
    return [...this.phones.values()].map((phone) => phone.status());
  }

  /** USB phones that show no ADB interface: the person must turn USB debugging on. */
  phonesWithoutDebugging(): UsbPhone[] {
    return [...this.usbWithoutAdb.values()];
  }

  get isPaused(): boolean {
    return this.paused;
  }

  pause(): void {
    this.paused = true;
    for (const phone of this.phones.values()) {
      if (phone.current !== 'connected' && phone.current !== 'gone') {
        this.clearRetry(phone.serial);
        phone.hold();
      }
    }
  }

  resume(): void {
    this.paused = false;
    for (const phone of this.phones.values()) {
      if (phone.status().reason === 'PAUSED') this.begin(phone);
    }
  }

  /** The pairing of an attached phone, by adb serial. */
  phone(serial: string): PhonePairing | undefined {
    return this.phones.get(serial);
  }

  /** The relay ended a connected phone's session: fail it and pair again with backoff. */
  sessionLost(serial: string): void {
    const phone = this.phones.get(serial);
    if (!phone || phone.current !== 'connected') return;
    phone.sessionLost();
    this.afterFlow(phone);
  }

  /** "Check again" on a phone bound elsewhere: asks the server now (pairs it if it is free). */
  async checkAgain(serial: string): Promise<PhoneStatus | undefined> {
    const phone = this.phones.get(serial);
    if (!phone) return undefined;
    if (phone.current === 'bound-elsewhere') await this.recheck(phone);
    return phone.status();
  }

  /**
   * "Use it on this computer": a ticket from the server, the confirmation page opened on the phone
   * over USB; the phone is checked every second until the person taps there or the ticket expires.
   */
  async takeover(serial: string): Promise<PhoneStatus | undefined> {
    const phone = this.phones.get(serial);
    if (!phone) return undefined;
    try {
      await requestTakeover(phone, this.ports.takeover);
    } catch (error) {
      // The other computer let it go meanwhile: no takeover needed, the check pairs it.
      if (!isPairingClientError(error, 'TAKEOVER_NOT_NEEDED')) throw error;
      await this.recheck(phone);
      return phone.status();
    }
    if (phone.current === 'bound-elsewhere') this.scheduleRecheck(phone);
    return phone.status();
  }

  /** Whether a phone needs the pairing server watched: one connected, or failed waiting for it. */
  needsServer(): boolean {
    return [...this.phones.values()].some(
      (phone) => phone.current === 'connected' || waitsForServer(phone),
    );
  }

  /**
   * The pairing server stopped answering: connected phones fail with SERVER_UNREACHABLE and wait,
   * without a timed retry, for serverReachable(). Phones that failed by themselves keep theirs.
   */
  serverUnreachable(): void {
    for (const phone of this.phones.values()) {
      if (phone.current === 'connected') phone.serverLost();
    }
  }

  /** The pairing server answers again: the phones that waited for it pair again at once. */
  serverReachable(): void {
    for (const phone of this.phones.values()) {
      if (!waitsForServer(phone)) continue;
      this.attempts.delete(phone.serial);
      if (this.paused) phone.hold();
      else this.begin(phone);
    }
  }

  /** Waits for every running flow to settle (for orderly shutdown and tests). */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** True once the agent stops: the `gone` that follows is a shutdown, not an unplug. */
  get stopping(): boolean {
    return this.stopped;
  }

  stop(): void {
    this.stopped = true;
    for (const serial of this.timers.keys()) this.clearRetry(serial);
    for (const phone of this.phones.values()) if (phone.current !== 'gone') phone.gone();
  }

  private onAdbState(serial: string, adbState: string): void {
    const phone = this.ensure(serial);
    if (adbState === 'device') {
      if (isInFlightOrDone(phone.current)) return;
      return this.paused ? phone.hold() : this.begin(phone);
    }
    this.clearRetry(serial);
    if (adbState === 'unauthorized' || adbState === 'authorizing') {
      return phone.waitForDevice('unauthorized');
    }
    phone.waitForDevice(adbState === 'offline' ? 'offline' : 'detected');
  }

  private onDetached(serial: string): void {
    const phone = this.phones.get(serial);
    if (!phone) return;
    this.clearRetry(serial);
    this.attempts.delete(serial);
    phone.gone();
  }

  private ensure(serial: string): PhonePairing {
    let phone = this.phones.get(serial);
    if (!phone) {
      phone = new PhonePairing(
        serial,
        this.ports,
        (status) => this.emit('change', status),
        this.now,
      );
      this.phones.set(serial, phone);
    }
    return phone;
  }

  private begin(phone: PhonePairing): void {
    this.clearRetry(phone.serial);
    const flow = phone.start().then(() => this.afterFlow(phone));
    this.running.add(flow);
    void flow.finally(() => this.running.delete(flow));
  }

  private recheck(phone: PhonePairing): Promise<void> {
    this.clearRetry(phone.serial);
    const flow = phone.recheck().then(() => this.afterFlow(phone));
    this.running.add(flow);
    void flow.finally(() => this.running.delete(flow));
    return flow;
  }

  /** Bound elsewhere: ask again in 30 s, or in a second while a takeover waits for the tap. */
  private scheduleRecheck(phone: PhonePairing): void {
    this.clearRetry(phone.serial);
    if (this.stopped || this.paused) return;
    const until = phone.status().takeoverUntil;
    const waiting = until !== undefined && this.now() < until;
    if (!waiting) phone.awaitTakeover(undefined);
    const cancel = this.schedule(
      () => {
        this.timers.delete(phone.serial);
        if (phone.current === 'bound-elsewhere' && !this.paused) void this.recheck(phone);
      },
      waiting ? this.takeoverPollMs : this.recheckMs,
    );
    this.timers.set(phone.serial, cancel);
  }

  private afterFlow(phone: PhonePairing): void {
    const status = phone.status();
    if (status.state === 'bound-elsewhere') return this.scheduleRecheck(phone);
    if (status.state !== 'failed') {
      if (status.state === 'connected') this.attempts.delete(phone.serial);
      return;
    }
    if (retryCannotFix(status.reason)) return;
    const attempt = this.attempts.get(phone.serial) ?? 0;
    this.attempts.set(phone.serial, attempt + 1);
    const delay = backoffDelay(attempt, this.retryBaseMs, this.retryCapMs);
    phone.scheduleRetry(Math.round(this.now() + delay));
    const cancel = this.schedule(() => {
      this.timers.delete(phone.serial);
      if (phone.current === 'failed' && !this.paused) this.begin(phone);
    }, delay);
    this.timers.set(phone.serial, cancel);
  }

  private clearRetry(serial: string): void {
    this.timers.get(serial)?.();
    this.timers.delete(serial);
  }
}

function waitsForServer(phone: PhonePairing): boolean {
  const { state, reason } = phone.status();
  return state === 'failed' && (reason === 'SERVER_UNREACHABLE' || reason === 'SESSION_LOST');
}

function isInFlightOrDone(state: PhoneStatus['state']): boolean {
  return [
    'identifying',
    'checking',
    'binding',
    'connecting',
    'connected',
    'bound-elsewhere',
  ].includes(state);
}

// A simulated Android phone speaking the device side of the ADB protocol over TCP, so the real adb
// server (`adb connect 127.0.0.1:PORT`) and adbkit talk to it exactly as to a phone.
import { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { AdbConnection } from './connection.js';
import type { AmStartIntent } from './am.js';
import { PhoneSimError } from './errors.js';
import {
  resolveIdentity,
  type DeviceIdentity,
  type IdentityOverrides,
  type PhoneSimProfileName,
} from './profiles.js';
import { buildBanner, buildProps } from './props.js';
import { ReverseForwards } from './reverse.js';
import { createServiceRouter } from './services.js';

export type { AmStartIntent } from './am.js';
export type { IdentityOverrides, PhoneSimProfileName } from './profiles.js';
export { PROFILE_NAMES, profileSummary } from './profiles.js';
// The tests' way to make valid IMEIs, and the CLI's check of a typed one.
export { luhnComplete, isLuhnValid } from '../protocol/identity.js';
export { PhoneSimError, type PhoneSimErrorCode } from './errors.js';

/** The profile, where the sim listens and how it behaves; its identity overrides the profile's. */
export interface PhoneSimOptions extends IdentityOverrides {
  profile?: PhoneSimProfileName;
  /** Where the sim's adbd listens; loopback only. Default 127.0.0.1. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The phone's own "localhost" for reverse listeners. Default 127.0.0.2. */
  reverseHost?: string;
  /** Start with USB debugging not yet allowed for this computer; `accept()` allows it. */
  unauthorized?: boolean;
  replyDelayMs?: number;
}

export interface PhoneSim {
  readonly port: number;
  /** The serial adb lists the sim under: "HOST:PORT". */
  readonly adbSerial: string;
  readonly profile: PhoneSimProfileName;
  readonly props: Readonly<Record<string, string>>;
  /** Every `am start` received, oldest first. */
  readonly intents: AmStartIntent[];
  on(event: 'am-start', listener: (intent: AmStartIntent) => void): this;
  on(event: 'log', listener: (line: string) => void): this;
  off(event: 'am-start', listener: (intent: AmStartIntent) => void): this;
  off(event: 'log', listener: (line: string) => void): this;
  /** The person taps "Allow": pending connections come online, later ones are accepted at once. */
  accept(): void;
  /** Pulls the cable: closes every ADB connection, stops listening, drops reverse listeners. */
  unplug(): Promise<void>;
  /** Plugs it back: listens again on the same port (adb may need `adb connect` again). */
  replug(): Promise<void>;
  setReplyDelay(ms: number): void;
  close(): Promise<void>;
}

class Sim extends EventEmitter implements PhoneSim {
  port = 0;
  readonly intents: AmStartIntent[] = [];
  readonly props: Readonly<Record<string, string>>;
  private server: Server | undefined;
  private readonly connections = new Set<AdbConnection>();
  private readonly reverse: ReverseForwards;
  private authorized: boolean;
  private replyDelay: number;
  private nextConnectionId = 1;
  private closed = false;

  constructor(
    private readonly identity: DeviceIdentity,
    private readonly host: string,
    reverseHost: string,
    options: PhoneSimOptions,
  ) {
    super();
    this.props = Object.freeze(buildProps(identity));
    this.authorized = options.unauthorized !== true;
    this.replyDelay = options.replyDelayMs ?? 0;
    this.reverse = new ReverseForwards(reverseHost, (line) => this.log(line));
  }

  get profile(): PhoneSimProfileName {
    return this.identity.profile;
  }

  get adbSerial(): string {
    return `${this.host}:${this.port}`;
  }

  async listen(port: number): Promise<void> {
    const server = createServer((socket) => this.attach(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error) =>
        reject(
          new PhoneSimError(
            'PHONE_SIM_LISTEN_FAILED',
            `cannot listen on ${this.host}:${port}: ${error.message}`,
            { cause: error },
          ),
        ),
      );
      server.listen(port, this.host, () => resolve());
    });
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    this.server = server;
  }

  accept(): void {
    this.authorized = true;
    for (const conn of this.connections) conn.accept();
  }

  setReplyDelay(ms: number): void {
    this.replyDelay = checkDelay(ms);
  }

  async unplug(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = server
      ? new Promise<void>((resolve) => server.close(() => resolve()))
      : undefined;
    for (const conn of this.connections) conn.destroy();
    this.connections.clear();
    await this.reverse.closeAll();
    await closed;
    this.log('unplugged');
  }

  async replug(): Promise<void> {
    if (this.closed) throw new PhoneSimError('PHONE_SIM_CLOSED', 'the phone sim was closed');
    if (this.server) return;
    await this.listen(this.port);
    this.log(`plugged in again on ${this.adbSerial}`);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.unplug();
    this.closed = true;
  }

  private attach(socket: Socket): void {
    const conn = new AdbConnection(socket, this.nextConnectionId++, {
      banner: buildBanner(this.identity),
      isAuthorized: () => this.authorized,
      openService: createServiceRouter(
        {
          identity: this.identity,
          props: this.props,
          emitIntent: (intent) => this.emitIntent(intent),
          replyDelayMs: () => this.replyDelay,
          log: (line) => this.log(line),
        },
        this.reverse,
      ),
      log: (line) => this.log(line),
    });
    this.connections.add(conn);
    conn.onClose(() => this.connections.delete(conn));
  }

  private emitIntent(intent: AmStartIntent): void {
    this.intents.push(intent);
    this.log(`am start: action=${intent.action ?? '-'} data=${intent.data ?? '-'}`);
    this.emit('am-start', intent);
  }

  private log(line: string): void {
    this.emit('log', line);
  }
}

function checkDelay(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new PhoneSimError('PHONE_SIM_INVALID_OPTION', 'replyDelayMs must be a number >= 0');
  }
  return ms;
}

function checkLoopback(key: string, host: string): string {
  if (!/^127(\.\d{1,3}){3}$/.test(host)) {
    throw new PhoneSimError(
      'PHONE_SIM_INVALID_OPTION',
      `${key} must be a 127.x.y.z address, got ${host}`,
    );
  }
  return host;
}

export async function startPhoneSim(options: PhoneSimOptions = {}): Promise<PhoneSim> {
  const identity = resolveIdentity(options.profile ?? 'android-10', options);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new PhoneSimError('PHONE_SIM_INVALID_OPTION', `port must be 0..65535, got ${port}`);
  }
  checkDelay(options.replyDelayMs ?? 0);
  const host = checkLoopback('host', options.host ?? '127.0.0.1');
  const reverseHost = checkLoopback('reverseHost', options.reverseHost ?? '127.0.0.2');
  const sim = new Sim(identity, host, reverseHost, options);
  await sim.listen(port);
  return sim;
}

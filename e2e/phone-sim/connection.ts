// One ADB connection from the host's adb server: the CNXN/AUTH handshake and the stream
// multiplexer (OPEN/OKAY/WRTE/CLSE) on the device side, as adbd's handle_packet does it.
import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { DeviceStream } from './stream.js';
import {
  A_AUTH,
  A_CLSE,
  A_CNXN,
  A_OKAY,
  A_OPEN,
  A_VERSION,
  A_WRTE,
  AUTH_RSAPUBLICKEY,
  AUTH_SIGNATURE,
  AUTH_TOKEN,
  MessageDecoder,
  commandName,
  encodeMessage,
  type AdbMessage,
} from './wire.js';

/** What the device accepts in one message; the host's CNXN may lower it. */
export const DEVICE_MAX_DATA = 256 * 1024;

/** Runs a service on an opened stream; returns false when the service name is unknown. */
export type ServiceHandler = (
  service: string,
  stream: DeviceStream,
  conn: AdbConnection,
) => boolean;

export interface ConnectionOptions {
  banner: string;
  /** Whether this computer is already allowed (else the AUTH dance leaves it pending). */
  isAuthorized: () => boolean;
  openService: ServiceHandler;
  log: (line: string) => void;
}

type State = 'waiting-cnxn' | 'auth-pending' | 'online' | 'closed';

export class AdbConnection {
  readonly id: number;
  private state: State = 'waiting-cnxn';
  private readonly decoder = new MessageDecoder();
  private readonly streams = new Map<number, DeviceStream>();
  private readonly pendingOpens = new Map<number, (stream: DeviceStream | undefined) => void>();
  private nextLocalId = 1;
  private maxData = DEVICE_MAX_DATA;
  private readonly closeListeners: (() => void)[] = [];

  constructor(
    private readonly socket: Socket,
    id: number,
    private readonly options: ConnectionOptions,
  ) {
    this.id = id;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.teardown());
  }

  get isOnline(): boolean {
    return this.state === 'online';
  }

  get isAuthPending(): boolean {
    return this.state === 'auth-pending';
  }

  onClose(listener: () => void): void {
    if (this.state === 'closed') listener();
    else this.closeListeners.push(listener);
  }

  /** The person tapped "Allow": finish the pending handshake. */
  accept(): void {
    if (this.state !== 'auth-pending') return;
    this.sendConnect();
  }

  /** Opens a stream towards the host (reverse forwarding); undefined if the host refused it. */
  openToHost(service: string): Promise<DeviceStream | undefined> {
    if (this.state !== 'online') return Promise.resolve(undefined);
    const localId = this.allocateId();
    return new Promise((resolve) => {
      this.pendingOpens.set(localId, resolve);
      this.send(A_OPEN, localId, 0, Buffer.from(`${service}\0`));
    });
  }

  destroy(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    let messages: AdbMessage[];
    try {
      messages = this.decoder.push(chunk);
    } catch (error) {
      this.options.log(`connection ${this.id}: ${(error as Error).message}; closing`);
      this.socket.destroy();
      return;
    }
    for (const message of messages) this.handle(message);
  }

  private handle(message: AdbMessage): void {
    switch (message.command) {
      case A_CNXN:
        return this.handleConnect(message);
      case A_AUTH:
        return this.handleAuth(message);
      case A_OPEN:
        return this.handleOpen(message);
      case A_OKAY:
        return this.handleOkay(message);
      case A_WRTE:
        return this.handleWrite(message);
      case A_CLSE:
        return this.handleClose(message);
      default:
        this.options.log(`connection ${this.id}: ignoring ${commandName(message.command)}`);
    }
  }

  private handleConnect(message: AdbMessage): void {
    this.maxData = Math.max(4096, Math.min(DEVICE_MAX_DATA, message.arg1 || DEVICE_MAX_DATA));
    // A new CNXN restarts the session: adbd drops every stream of the old one.
    for (const stream of this.streams.values()) stream.markClosed();
    this.streams.clear();
    if (this.options.isAuthorized()) return this.sendConnect();
    this.state = 'auth-pending';
    this.sendToken();
  }

  private handleAuth(message: AdbMessage): void {
    if (this.state !== 'auth-pending') return;
    // A signature is refused with a fresh token; a public key means "show the prompt", so we wait.
    if (message.arg0 === AUTH_SIGNATURE) this.sendToken();
    else if (message.arg0 === AUTH_RSAPUBLICKEY) {
      this.options.log(`connection ${this.id}: waiting for the user to allow USB debugging`);
    }
  }

  private handleOpen(message: AdbMessage): void {
    const hostId = message.arg0;
    if (this.state !== 'online' || hostId === 0) return;
    const service = message.payload.toString('utf8').replace(/\0.*$/s, '');
    const stream = this.createStream(this.allocateId(), hostId);
    this.send(A_OKAY, stream.localId, hostId);
    if (!this.options.openService(service, stream, this)) {
      this.options.log(`connection ${this.id}: unknown service ${JSON.stringify(service)}`);
      stream.close();
    }
  }

  private handleOkay(message: AdbMessage): void {
    const localId = message.arg1;
    const opening = this.pendingOpens.get(localId);
    if (opening) {
      this.pendingOpens.delete(localId);
      opening(this.createStream(localId, message.arg0));
      return;
    }
    this.streams.get(localId)?.acknowledged();
  }

  private handleWrite(message: AdbMessage): void {
    const stream = this.streams.get(message.arg1);
    if (!stream) return;
    const ack = (): void => {
      if (!stream.isClosed) this.send(A_OKAY, stream.localId, stream.remoteId);
    };
    let result: void | Promise<void>;
    try {
      result = stream.onData(message.payload);
    } catch {
      return stream.close();
    }
    if (result instanceof Promise) result.then(ack, () => stream.close());
    else ack();
  }

  private handleClose(message: AdbMessage): void {
    const localId = message.arg1;
    const opening = this.pendingOpens.get(localId);
    if (opening) {
      this.pendingOpens.delete(localId);
      return opening(undefined);
    }
    const stream = this.streams.get(localId);
    if (!stream) return;
    // The host closed first: answer with our CLSE, as adbd's local socket close does.
    stream.close();
  }

  private createStream(localId: number, remoteId: number): DeviceStream {
    const stream = new DeviceStream(
      localId,
      remoteId,
      (command, arg0, arg1, payload) => this.send(command, arg0, arg1, payload),
      () => this.maxData,
      () => this.streams.delete(localId),
    );
    this.streams.set(localId, stream);
    return stream;
  }

  private allocateId(): number {
    const id = this.nextLocalId;
    this.nextLocalId = this.nextLocalId >= 0x7fffffff ? 1 : this.nextLocalId + 1;
    return id;
  }

  private sendConnect(): void {
    this.state = 'online';
    this.send(A_CNXN, A_VERSION, DEVICE_MAX_DATA, Buffer.from(this.options.banner));
    this.options.log(`connection ${this.id}: online`);
  }

  private sendToken(): void {
    this.send(A_AUTH, AUTH_TOKEN, 0, randomBytes(20));
  }

  private send(
    command: number,
    arg0: number,
    arg1: number,
    payload: Buffer = Buffer.alloc(0),
  ): void {
    if (this.state === 'closed' || this.socket.destroyed) return;
    this.socket.write(encodeMessage({ command, arg0, arg1, payload }));
  }

  private teardown(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    for (const resolve of this.pendingOpens.values()) resolve(undefined);
    this.pendingOpens.clear();
    for (const stream of [...this.streams.values()]) stream.markClosed();
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}

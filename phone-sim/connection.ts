// One ADB connection from the host's adb server: the CNXN/AUTH handshake and the stream
// multiplexer (OPEN/OKAY/WRTE/CLSE) on the device side, as adbd's handle_packet does it.
import type { Socket } from 'node:net';
import { Handshake } from './handshake.js';
import { DeviceStream } from './stream.js';
import {
  A_AUTH,
  A_CLSE,
  A_CNXN,
  A_OKAY,
  A_OPEN,
  A_WRTE,
  MessageDecoder,
  commandName,
  encodeMessage,
  type AdbMessage,
} from './wire.js';

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

export class AdbConnection {
  readonly id: number;
  private readonly handshake: Handshake;
  private closed = false;
  private readonly decoder = new MessageDecoder();
  private readonly streams = new Map<number, DeviceStream>();
  private readonly pendingOpens = new Map<number, (stream: DeviceStream | undefined) => void>();
  private nextLocalId = 1;
  private readonly closeListeners: (() => void)[] = [];

  constructor(
    private readonly socket: Socket,
    id: number,
    private readonly options: ConnectionOptions,
  ) {
    this.id = id;
    this.handshake = new Handshake(
      (command, arg0, arg1, payload) => this.send(command, arg0, arg1, payload),
      options.banner,
      options.isAuthorized,
      (line) => options.log(`connection ${id}: ${line}`),
    );
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.teardown());
  }

  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.closeListeners.push(listener);
  }

  /** The person tapped "Allow": finish the pending handshake. */
  accept(): void {
    this.handshake.accept();
  }

  /** Opens a stream towards the host (reverse forwarding); undefined if the host refused it. */
  openToHost(service: string): Promise<DeviceStream | undefined> {
    if (!this.isOnline()) return Promise.resolve(undefined);
    const localId = this.allocateId();
    return new Promise((resolve) => {
      this.pendingOpens.set(localId, resolve);
      this.send(A_OPEN, localId, 0, Buffer.from(`${service}\0`));
    });
  }

  destroy(): void {
    this.socket.destroy();
  }

  private isOnline(): boolean {
    return !this.closed && this.handshake.state === 'online';
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
        // A new CNXN restarts the session: adbd drops every stream of the old one.
        for (const stream of [...this.streams.values()]) stream.markClosed();
        return this.handshake.onConnect(message);
      case A_AUTH:
        return this.handshake.onAuth(message);
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

  private handleOpen(message: AdbMessage): void {
    const hostId = message.arg0;
    if (!this.isOnline() || hostId === 0) return;
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
      () => this.handshake.maxData,
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

  private send(
    command: number,
    arg0: number,
    arg1: number,
    payload: Buffer = Buffer.alloc(0),
  ): void {
    if (this.closed || this.socket.destroyed) return;
    this.socket.write(encodeMessage({ command, arg0, arg1, payload }));
  }

  private teardown(): void {
    if (this.closed) return;
    this.closed = true;
    for (const resolve of this.pendingOpens.values()) resolve(undefined);
    this.pendingOpens.clear();
    for (const stream of [...this.streams.values()]) stream.markClosed();
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}

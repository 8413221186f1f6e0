// The device side of the connection handshake: CNXN, and the AUTH dance when this computer is not
// allowed yet (refuse every signature, wait on the public key until the person taps "Allow").
import { randomBytes } from 'node:crypto';
import type { SendMessage } from './stream.js';
import {
  A_AUTH,
  A_CNXN,
  A_VERSION,
  AUTH_RSAPUBLICKEY,
  AUTH_SIGNATURE,
  AUTH_TOKEN,
  type AdbMessage,
} from './wire.js';

/** What the device accepts in one message; the host's CNXN may lower it. */
export const DEVICE_MAX_DATA = 256 * 1024;

export type HandshakeState = 'waiting-cnxn' | 'auth-pending' | 'online';

export class Handshake {
  state: HandshakeState = 'waiting-cnxn';
  /** The payload size both sides accept, known once the host's CNXN arrived. */
  maxData = DEVICE_MAX_DATA;

  constructor(
    private readonly send: SendMessage,
    private readonly banner: string,
    private readonly isAuthorized: () => boolean,
    private readonly log: (line: string) => void,
  ) {}

  onConnect(message: AdbMessage): void {
    this.maxData = Math.max(4096, Math.min(DEVICE_MAX_DATA, message.arg1 || DEVICE_MAX_DATA));
    if (this.isAuthorized()) return this.goOnline();
    this.state = 'auth-pending';
    this.sendToken();
  }

  onAuth(message: AdbMessage): void {
    if (this.state !== 'auth-pending') return;
    // A signature is refused with a fresh token; a public key means "show the prompt", so we wait.
    if (message.arg0 === AUTH_SIGNATURE) this.sendToken();
    else if (message.arg0 === AUTH_RSAPUBLICKEY) {
      this.log('waiting for the user to allow USB debugging');
    }
  }

  /** The person tapped "Allow": finish a pending handshake. */
  accept(): void {
    if (this.state === 'auth-pending') this.goOnline();
  }

  private goOnline(): void {
    this.state = 'online';
    this.send(A_CNXN, A_VERSION, DEVICE_MAX_DATA, Buffer.from(this.banner));
    this.log('online');
  }

  private sendToken(): void {
    this.send(A_AUTH, AUTH_TOKEN, 0, randomBytes(20));
  }
}

// adb's "smart socket" requests, for the services adbkit does not wrap: a 4-hex-digit length and the
// service name out, then OKAY or FAIL+message back.
import { BridgeError, BridgeErrorCode } from '../errors.js';
import { closeOnAbort } from './adb-timeout.js';

// adbkit's promises are Bluebird's, untyped without @types/bluebird: name what is used here.
export interface AdbParser {
  readAscii(length: number): PromiseLike<string>;
  readBytes(length: number): PromiseLike<Buffer>;
  readValue(): PromiseLike<Buffer>;
  readError(): PromiseLike<never>;
}

export interface AdbConnection {
  write(data: Buffer): unknown;
  end(): unknown;
  parser: AdbParser;
  socket?: { destroy(): void };
}

/** The length prefix is 4 hex digits: a longer request would frame as garbage. */
export const MAX_SERVICE_BYTES = 0xffff;

export function encodeService(service: string): Buffer {
  const body = Buffer.from(service, 'utf8');
  if (body.length > MAX_SERVICE_BYTES) {
    throw new BridgeError(
      BridgeErrorCode.InvalidArgument,
      `an adb request may be at most ${MAX_SERVICE_BYTES} bytes`,
    );
  }
  return Buffer.concat([Buffer.from(body.length.toString(16).padStart(4, '0'), 'ascii'), body]);
}

/** Reads one OKAY; a FAIL rejects with adb's message (as adbkit's own commands do). */
export async function readOkay(parser: AdbParser): Promise<void> {
  const reply = await parser.readAscii(4);
  if (reply === 'OKAY') return;
  if (reply === 'FAIL') await parser.readError();
  throw new BridgeError(
    BridgeErrorCode.AdbOutputMalformed,
    `adb answered ${JSON.stringify(reply)} where OKAY or FAIL was expected`,
  );
}

const HEX_LENGTH = /^[0-9a-fA-F]{4}$/;

/**
 * One length-prefixed value (a device list, a reverse list). adbkit's readValue() takes any 4
 * characters as the length: "zzzz" reads as an empty value (no devices) and "-001" waits for ever,
 * even on a closed stream. A length that is not 4 hex digits is AdbOutputMalformed here.
 */
export async function readHexValue(parser: AdbParser): Promise<Buffer> {
  const length = await parser.readAscii(4);
  if (!HEX_LENGTH.test(length)) {
    throw new BridgeError(
      BridgeErrorCode.AdbOutputMalformed,
      'adb sent a value without a 4-hex-digit length',
    );
  }
  return Buffer.from(await parser.readBytes(Number.parseInt(length, 16)));
}

/** Ends the connection and drops its socket at once (end() alone only half-closes it). */
export function closeConnection(connection: AdbConnection): void {
  connection.end();
  connection.socket?.destroy();
}

/**
 * Opens a connection with `connect`, sends `service` and reads its OKAY. The connection is closed
 * on a failure, and whenever `signal` aborts (a timed-out call must not leave its socket open).
 */
export async function openService(
  connect: () => PromiseLike<unknown>,
  service: string,
  signal?: AbortSignal,
): Promise<AdbConnection> {
  const connection = (await connect()) as AdbConnection;
  try {
    if (signal) closeOnAbort(signal, () => closeConnection(connection));
    connection.write(encodeService(service));
    await readOkay(connection.parser);
    return connection;
  } catch (error) {
    closeConnection(connection);
    throw error;
  }
}

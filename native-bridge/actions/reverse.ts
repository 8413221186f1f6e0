// `adb reverse`: the phone's tcp:REMOTE reaches this computer's tcp:LOCAL through the adb connection.
import { toBridgeError } from '../adb/adb-errors.js';
import type { AdbClient } from '../adb/client.js';
import { BridgeError, BridgeErrorCode } from '../errors.js';

export interface ReverseRule {
  /** On the phone, e.g. "tcp:8080". */
  remote: string;
  /** On this computer, e.g. "tcp:43117". */
  local: string;
}

export type ReverseClient = Pick<AdbClient, 'getDevice'>;

// adbkit's promises are Bluebird's, untyped without @types/bluebird: name what is used here.
interface TransportConnection {
  write(data: Buffer): unknown;
  end(): unknown;
  parser: {
    readAscii(length: number): PromiseLike<string>;
    readError(): PromiseLike<never>;
    unexpected(data: string, expected: string): PromiseLike<never>;
  };
}

export async function addReverse(
  client: ReverseClient,
  serial: string,
  remotePort: number,
  localPort: number,
): Promise<void> {
  const remote = tcp(remotePort, 'remote');
  const local = tcp(localPort, 'local');
  try {
    await client.getDevice(serial).reverse(remote, local);
  } catch (error) {
    throw toBridgeError(
      error,
      BridgeErrorCode.PhoneActionFailed,
      `adb reverse ${remote} ${local} on ${serial}`,
    );
  }
}

export async function listReverses(client: ReverseClient, serial: string): Promise<ReverseRule[]> {
  try {
    const rules: ReverseRule[] = await client.getDevice(serial).listReverses();
    return rules.map(({ remote, local }) => ({ remote, local }));
  } catch (error) {
    throw toBridgeError(
      error,
      BridgeErrorCode.PhoneActionFailed,
      `adb reverse --list on ${serial}`,
    );
  }
}

/** Removes the reverse of the phone's tcp:remotePort (adbkit has no call for it). */
export async function removeReverse(
  client: ReverseClient,
  serial: string,
  remotePort: number,
): Promise<void> {
  const remote = tcp(remotePort, 'remote');
  const context = `adb reverse --remove ${remote} on ${serial}`;
  let connection:
    Awaited<ReturnType<ReturnType<ReverseClient['getDevice']>['transport']>> | undefined;
  try {
    connection = (await client.getDevice(serial).transport()) as TransportConnection;
    connection.write(encodeService(`reverse:killforward:${remote}`));
    // Like every reverse service: OKAY for opening it, then OKAY or FAIL for the result.
    for (let i = 0; i < 2; i++) {
      const reply = await connection.parser.readAscii(4);
      if (reply === 'FAIL') await connection.parser.readError();
      if (reply !== 'OKAY') await connection.parser.unexpected(reply, 'OKAY or FAIL');
    }
  } catch (error) {
    throw toBridgeError(error, BridgeErrorCode.PhoneActionFailed, context);
  } finally {
    connection?.end();
  }
}

/** adb's smart-socket request: four hex digits of length, then the service name. */
function encodeService(service: string): Buffer {
  const body = Buffer.from(service, 'utf8');
  return Buffer.concat([Buffer.from(body.length.toString(16).padStart(4, '0'), 'ascii'), body]);
}

function tcp(port: number, side: string): string {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new BridgeError(
      BridgeErrorCode.InvalidArgument,
      `The ${side} port for adb reverse must be an integer from 1 to 65535, not ${String(port)}.`,
    );
  }
  return `tcp:${port}`;
}

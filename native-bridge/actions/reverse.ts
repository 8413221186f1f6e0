// `adb reverse`: the phone's tcp:REMOTE reaches this computer's tcp:LOCAL through the adb connection.
import { toBridgeError } from '../adb/adb-errors.js';
import type { AdbClient } from '../adb/client.js';
import { encodeService, readOkay, type AdbConnection } from '../adb/smart-socket.js';
import { BridgeError, BridgeErrorCode } from '../errors.js';

export interface ReverseRule {
  /** On the phone, e.g. "tcp:8080". */
  remote: string;
  /** On this computer, e.g. "tcp:43117". */
  local: string;
}

export type ReverseClient = Pick<AdbClient, 'getDevice'>;

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
  let connection: AdbConnection | undefined;
  try {
    connection = (await client.getDevice(serial).transport()) as AdbConnection;
    connection.write(encodeService(`reverse:killforward:${remote}`));
    // Like every reverse service: OKAY for opening it, then OKAY or FAIL for the result.
    await readOkay(connection.parser);
    await readOkay(connection.parser);
  } catch (error) {
    throw toBridgeError(error, BridgeErrorCode.PhoneActionFailed, context);
  } finally {
    connection?.end();
  }
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

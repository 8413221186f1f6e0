// `adb reverse`: the phone's tcp:REMOTE reaches this computer's tcp:LOCAL through the adb connection.
// Each call opens its own transport connection, so a call that times out can close it.
import { toBridgeError } from '../adb/adb-errors.js';
import { withAdbTimeout } from '../adb/adb-timeout.js';
import type { AdbClient } from '../adb/client.js';
import {
  closeConnection,
  encodeService,
  openService,
  readOkay,
  readHexValue,
  type AdbConnection,
} from '../adb/smart-socket.js';
import { BridgeError, BridgeErrorCode } from '../errors.js';

export interface ReverseRule {
  /** On the phone, e.g. "tcp:8080". */
  remote: string;
  /** On this computer, e.g. "tcp:43117". */
  local: string;
}

export type ReverseClient = Pick<AdbClient, 'connection'>;

export interface ReverseOptions {
  /** Bound on the whole call (default 10 s); exceeded → AdbTimeout. */
  timeoutMs?: number;
}

export async function addReverse(
  client: ReverseClient,
  serial: string,
  remotePort: number,
  localPort: number,
  options: ReverseOptions = {},
): Promise<void> {
  const remote = tcp(remotePort, 'remote');
  const local = tcp(localPort, 'local');
  const context = `adb reverse ${remote} ${local} on ${serial}`;
  await onTransport(client, serial, context, options, (connection) =>
    reverseService(connection, `reverse:forward:${remote};${local}`),
  );
}

export async function listReverses(
  client: ReverseClient,
  serial: string,
  options: ReverseOptions = {},
): Promise<ReverseRule[]> {
  const context = `adb reverse --list on ${serial}`;
  return onTransport(client, serial, context, options, async (connection) => {
    connection.write(encodeService('reverse:list-forward'));
    await readOkay(connection.parser);
    return parseReverseList((await readHexValue(connection.parser)).toString('utf8'));
  });
}

/** Removes the reverse of the phone's tcp:remotePort. */
export async function removeReverse(
  client: ReverseClient,
  serial: string,
  remotePort: number,
  options: ReverseOptions = {},
): Promise<void> {
  const remote = tcp(remotePort, 'remote');
  const context = `adb reverse --remove ${remote} on ${serial}`;
  await onTransport(client, serial, context, options, (connection) =>
    reverseService(connection, `reverse:killforward:${remote}`),
  );
}

/** `adb reverse --list` lines: "<transport> <remote> <local>". */
function parseReverseList(text: string): ReverseRule[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [, remote = '', local = ''] = line.trim().split(/\s+/);
      return { remote, local };
    });
}

/** Like every reverse service: OKAY for opening it, then OKAY or FAIL for the result. */
async function reverseService(connection: AdbConnection, service: string): Promise<void> {
  connection.write(encodeService(service));
  await readOkay(connection.parser);
  await readOkay(connection.parser);
}

/** Runs `run` on a fresh transport to `serial`, bounded, with failures mapped to stable codes. */
async function onTransport<T>(
  client: ReverseClient,
  serial: string,
  context: string,
  options: ReverseOptions,
  run: (connection: AdbConnection) => Promise<T>,
): Promise<T> {
  try {
    return await withAdbTimeout(
      context,
      async (signal) => {
        const connection = await openService(
          () => client.connection(),
          `host:transport:${serial}`,
          signal,
        );
        try {
          return await run(connection);
        } finally {
          closeConnection(connection);
        }
      },
      options,
    );
  } catch (error) {
    throw toBridgeError(error, BridgeErrorCode.PhoneActionFailed, context);
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

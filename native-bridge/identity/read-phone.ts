// Reads one phone's identity over a real adb server: the adbkit shell runner plus the strategy.
import type { AdbClient } from '../adb/client.js';
import { createShellRunner } from '../adb/shell.js';
import { BridgeError, BridgeErrorCode } from '../errors.js';
import type { IdentifiedPhone } from '../types.js';
import { readIdentity, type ReadIdentityOptions } from './read-identity.js';

export function readPhoneIdentity(
  client: AdbClient,
  serial: string,
  options: ReadIdentityOptions = {},
): Promise<IdentifiedPhone> {
  if (serial.trim() === '') {
    return Promise.reject(new BridgeError(BridgeErrorCode.InvalidArgument, 'empty adb serial'));
  }
  return readIdentity(createShellRunner(client, serial), options);
}

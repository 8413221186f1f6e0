// `adb shell` through adbkit as a ShellRunner: the output as one string, bounded by a timeout and an
// AbortSignal (either destroys the stream), adbkit failures mapped to stable BridgeError codes, and
// a stream cut before the command finished reported as DeviceGone (see shell-end-marker.ts), and
// output past MAX_SHELL_OUTPUT_BYTES cut off as AdbOutputTooLarge (see capped-read.ts).
import type { Duplex } from 'node:stream';
import { BridgeError, BridgeErrorCode, isBridgeError } from '../errors.js';
import { closeOnAbort, withAdbTimeout } from './adb-timeout.js';
import { MAX_SHELL_OUTPUT_BYTES, readCapped } from './capped-read.js';
import type { AdbClient } from './client.js';
import { stripEndMarker, withEndMarker } from './shell-end-marker.js';
import { shellFailure } from './shell-errors.js';

export interface ShellCallOptions {
  timeoutMs: number;
  signal: AbortSignal;
}

/** Runs one shell command on one phone and resolves with everything it printed. */
export type ShellRunner = (command: string, options: ShellCallOptions) => Promise<string>;

export function createShellRunner(
  client: AdbClient,
  serial: string,
  maxOutputBytes = MAX_SHELL_OUTPUT_BYTES,
): ShellRunner {
  const device = client.getDevice(serial);
  return (command, { timeoutMs, signal }) =>
    withAdbTimeout(
      `adb shell on ${serial}`,
      async (call) => {
        let bytes: Buffer;
        try {
          const opened: Duplex = await device.shell(withEndMarker(command));
          // The stream is destroyed at the timeout or abort, or at once if it arrives after them.
          closeOnAbort(call, () => opened.destroy());
          bytes = await readCapped(opened, maxOutputBytes, `adb shell on ${serial}`);
        } catch (error) {
          if (isBridgeError(error, BridgeErrorCode.AdbOutputTooLarge)) throw error;
          throw shellFailure(error, serial);
        }
        const output = stripEndMarker(bytes.toString('utf8'));
        if (output !== undefined) return output;
        const message = `adb shell on ${serial}: the output was cut short, the phone went away`;
        throw new BridgeError(BridgeErrorCode.DeviceGone, message);
      },
      { timeoutMs, signal },
    );
}

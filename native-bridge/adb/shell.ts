// `adb shell` through adbkit as a ShellRunner: the output as one string, bounded by a timeout and an
// AbortSignal (either destroys the stream), adbkit failures mapped to stable BridgeError codes, and
// a stream cut before the command finished reported as DeviceGone (see shell-end-marker.ts).
import type { Duplex } from 'node:stream';
import adbkit from '@devicefarmer/adbkit';
import { BridgeError, BridgeErrorCode } from '../errors.js';
import type { AdbClient } from './client.js';
import { stripEndMarker, withEndMarker } from './shell-end-marker.js';
import { shellFailure } from './shell-errors.js';

export interface ShellCallOptions {
  timeoutMs: number;
  signal: AbortSignal;
}

/** Runs one shell command on one phone and resolves with everything it printed. */
export type ShellRunner = (command: string, options: ShellCallOptions) => Promise<string>;

export function createShellRunner(client: AdbClient, serial: string): ShellRunner {
  const device = client.getDevice(serial);
  return (command, { timeoutMs, signal }) =>
    new Promise<string>((resolve, reject) => {
      let stream: Duplex | undefined;
      let settled = false;
      const settle = (done: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        done();
      };
      const fail = (reason: unknown): void => {
        stream?.destroy();
        settle(() => reject(reason));
      };
      const onAbort = (): void => fail(signal.reason);
      const timer = setTimeout(() => {
        const message = `adb shell on ${serial} took longer than ${timeoutMs} ms`;
        fail(new BridgeError(BridgeErrorCode.AdbTimeout, message));
      }, timeoutMs);
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });

      device
        .shell(withEndMarker(command))
        .then((opened: Duplex) => {
          // A stream that arrives after the timeout or abort is closed at once.
          if (settled) return void opened.destroy();
          stream = opened;
          return adbkit.Adb.util.readAll(opened).then((bytes: Buffer) => {
            const output = stripEndMarker(bytes.toString('utf8'));
            if (output !== undefined) return settle(() => resolve(output));
            const message = `adb shell on ${serial}: the output was cut short, the phone went away`;
            fail(new BridgeError(BridgeErrorCode.DeviceGone, message));
          });
        })
        .catch((error: unknown) => fail(shellFailure(error, serial)));
    });
}

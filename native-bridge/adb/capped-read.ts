// Reads a whole adb stream into memory, but never more than a bound: a phone (or anything speaking
// adb) that prints without end must not take the agent's memory with it. Past the bound the
// stream is destroyed (no more bytes are read) and the read fails with AdbOutputTooLarge.
import type { Readable } from 'node:stream';
import { BridgeError, BridgeErrorCode } from '../errors.js';

/** The most output one `adb shell` call may print: 1 MiB (the identity commands print < 2 KiB). */
export const MAX_SHELL_OUTPUT_BYTES = 1024 * 1024;

/** Everything `stream` sends until it ends; AdbOutputTooLarge (and the stream destroyed) past `maxBytes`. */
export function readCapped(stream: Readable, maxBytes: number, what: string): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const finish = (done: () => void): void => {
      if (settled) return;
      settled = true;
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
      done();
    };
    const onData = (chunk: Buffer | string): void => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += bytes.length;
      if (total > maxBytes) {
        chunks.length = 0;
        const message = `${what} printed more than ${maxBytes} bytes; the rest was not read`;
        finish(() => reject(new BridgeError(BridgeErrorCode.AdbOutputTooLarge, message)));
        // Destroying ends the read here: no more data events, the socket under it is closed.
        stream.destroy();
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = (): void => finish(() => resolve(Buffer.concat(chunks, total)));
    const onError = (error: Error): void => finish(() => reject(error));
    // Destroyed from elsewhere (a timeout, an abort): the caller's own error wins; this settles
    // the read so nothing waits for an end that will not come.
    const onClose = (): void => finish(() => resolve(Buffer.concat(chunks, total)));
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.once('close', onClose);
  });
}

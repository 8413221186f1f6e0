// One reverse-forwarded TCP connection: the phone-side socket is bridged to a stream the sim opens
// towards the host (`OPEN tcp:Y`), which the host's adb server connects to its own localhost:Y.
import type { Socket } from 'node:net';
import type { AdbConnection } from './connection.js';

export async function bridgeToHost(
  socket: Socket,
  conn: AdbConnection,
  destination: string,
  log: (line: string) => void,
): Promise<void> {
  // Hold the bytes until the host accepted the stream; they then flow with flow control.
  socket.pause();
  socket.on('error', () => socket.destroy());
  const stream = await conn.openToHost(destination);
  if (!stream) {
    log(`reverse: the host refused ${destination}; closing the phone-side connection`);
    socket.destroy();
    return;
  }
  if (socket.destroyed) {
    stream.close();
    return;
  }
  // OKAY only once the phone-side socket took the bytes: that is the backpressure towards adb.
  stream.onData = (chunk) =>
    new Promise<void>((resolve) => {
      if (socket.destroyed || !socket.writable) return resolve();
      socket.write(chunk, () => resolve());
    });
  stream.onClose = () => socket.end();
  socket.on('data', (chunk: Buffer) => {
    socket.pause();
    void stream.write(chunk).then(() => socket.resume());
  });
  socket.on('close', () => void stream.end());
  socket.resume();
}

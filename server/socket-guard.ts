// A socket that emits 'error' with no listener throws, and an uncaught throw ends the process: one
// client resetting its connection at the wrong moment (an upgrade Node's HTTP server has handed
// over, a refusal being written) would take the whole server down, and the agent that embeds it.
// Every socket a server touches gets a listener here, from its first moment to its last.
import type { Server } from 'node:net';
import type { Duplex } from 'node:stream';

const guarded = new WeakSet<Duplex>();

/** Gives `socket` an 'error' listener that destroys it (once per socket); `onError` may log. */
export function guardSocket(socket: Duplex, onError?: (error: Error) => void): void {
  if (guarded.has(socket)) return;
  guarded.add(socket);
  socket.on('error', (error: Error) => {
    onError?.(error);
    socket.destroy();
  });
}

/** Guards every connection `server` accepts, before any request on it is parsed. */
export function guardServerSockets(server: Server, onError?: (error: Error) => void): void {
  server.on('connection', (socket: Duplex) => guardSocket(socket, onError));
}

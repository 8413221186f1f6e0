// A refused WebSocket upgrade: a plain HTTP error carrying the stable code, then the socket drops.
import type { Duplex } from 'node:stream';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  421: 'Misdirected Request',
  426: 'Upgrade Required',
  503: 'Service Unavailable',
};

/** Answers the upgrade with a plain HTTP error carrying the stable code, then drops the socket. */
export function refuseUpgrade(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Tandem-Error: ${code}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

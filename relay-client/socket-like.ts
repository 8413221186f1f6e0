// The part of the WebSocket API the client uses: the browser's WebSocket and the `ws` package's
// both fit, so Node tools inject `ws` and the phone page uses the global.

export interface SocketLike {
  readonly readyState: number;
  readonly bufferedAmount: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  /** Node's `ws` only: drop the TCP connection without a close handshake. */
  terminate?(): void;
}

export type SocketFactory = (url: string) => SocketLike;

export const SOCKET_OPEN = 1;

// Tests: a loopback TCP server speaking just enough of the adb server's smart-socket protocol.
// Every request ("000chost:devices") goes to `answer`; `undefined` means say nothing, ever, the way
// a hung adb server behaves. Connections stay open until the client or close() ends them.
import { createServer, type Socket } from 'node:net';
import { once } from 'node:events';

/** What to send back for one service request; undefined: never answer. */
export type FakeAdbAnswer = (service: string) => string | undefined;

export interface FakeAdbServer {
  readonly port: number;
  /** Every service requested so far, in order. */
  readonly requests: string[];
  /** Connections the server still holds open. */
  readonly openConnections: number;
  answer: FakeAdbAnswer;
  close(): Promise<void>;
}

/** `OKAY`, with a length-prefixed value when one is given (host:devices, reverse:list-forward). */
export const okay = (value?: string): string =>
  value === undefined ? 'OKAY' : `OKAY${hex(value)}`;
export const fail = (message: string): string => `FAIL${hex(message)}`;
export const silent: FakeAdbAnswer = () => undefined;

function hex(value: string): string {
  return `${Buffer.byteLength(value).toString(16).padStart(4, '0')}${value}`;
}

export async function startFakeAdbServer(answer: FakeAdbAnswer = silent): Promise<FakeAdbServer> {
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4) {
        const length = Number.parseInt(pending.subarray(0, 4).toString('ascii'), 16);
        if (pending.length < 4 + length) break;
        const service = pending.subarray(4, 4 + length).toString('utf8');
        pending = pending.subarray(4 + length);
        requests.push(service);
        const reply = fake.answer(service);
        if (reply !== undefined) socket.write(reply);
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const fake: FakeAdbServer = {
    port: typeof address === 'object' && address ? address.port : 0,
    requests,
    get openConnections() {
      return sockets.size;
    },
    answer,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

// Test support: an HTTP proxy on 127.0.0.1 in front of the pairing server that can hold requests
// to chosen paths (e.g. `/v1/bindings/lookup`) until released, so a test can keep the agent in a
// pairing state (checking, binding, connecting) for as long as it needs.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HoldingProxy {
  readonly url: string;
  /** Requests whose path is exactly `path` wait until `release()`. */
  hold(path: string): void;
  /** Lets every held request through and stops holding. */
  release(): void;
  close(): Promise<void>;
}

export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  const upstream = new URL(target);
  let held: string | undefined;
  let waiting: (() => void)[] = [];

  const forward = (incoming: IncomingMessage, answer: ServerResponse, body: Buffer): void => {
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (reply) => {
        answer.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(answer);
      },
    );
    out.on('error', () => answer.destroy());
    out.end(body);
  };

  const server = createServer((incoming, answer) => {
    answer.on('error', () => undefined);
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const go = (): void => forward(incoming, answer, Buffer.concat(chunks));
      if (held !== undefined && incoming.url?.split('?')[0] === held) waiting.push(go);
      else go();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hold: (path) => (held = path),
    release() {
      held = undefined;
      const go = waiting;
      waiting = [];
      for (const next of go) next();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

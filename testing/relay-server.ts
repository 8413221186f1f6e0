// Test support for the relay: a real fastify server on loopback with the relay attached, its logs
// captured, and Node terminals built on the shared client. Used by *.itest.ts files only.
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { WebSocket } from 'ws';
import type { Role } from '../protocol/relay-frames.js';
import { buildSessionUrl } from '../protocol/session-url.js';
import { generateSealKey } from '../relay-client/sealing.js';
import { RelayClient, type RelayClientOptions } from '../relay-client/relay-client.js';
import type { SocketLike } from '../relay-client/socket-like.js';
import { attachRelay, type AttachRelayOptions, type Relay } from '../server/relay/attach-relay.js';

export interface RelayServer {
  app: FastifyInstance;
  relay: Relay;
  base: string;
  /** Every log line the server wrote (debug level: includes one line per relayed message). */
  logs: string[];
  close(): Promise<void>;
}

export async function startRelayServer(
  options: AttachRelayOptions = {},
  setup?: (app: FastifyInstance, relay: Relay) => void,
): Promise<RelayServer> {
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const app = Fastify({ logger: { level: 'debug', stream } });
  const relay = attachRelay(app, options);
  setup?.(app, relay);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, relay, base: `http://127.0.0.1:${port}`, logs, close: () => app.close() };
}

/** A new session's URL for one terminal: rule a (secret, shared) or rule b (its role token). */
export function sessionUrls(
  server: Pick<RelayServer, 'relay' | 'base'>,
  rule: 'a' | 'b' = 'a',
  e2e = true,
) {
  const created = server.relay.createSession();
  const sealKey = e2e ? generateSealKey() : undefined;
  const url = (role: Role) =>
    buildSessionUrl({
      server: server.base,
      pageId: created.pageId,
      ...(rule === 'a' ? { secret: created.secret } : { token: created.tokens[role] }),
      sealKey,
    });
  return { created, sealKey, pc: url('pc'), phone: url('phone') };
}

export interface NodeTerminal {
  client: RelayClient;
  /** Every socket the client opened, newest last: tests cut their TCP connection. */
  sockets: WebSocket[];
}

export function nodeTerminal(
  url: string,
  role: Role,
  options: Partial<RelayClientOptions> & { origin?: string } = {},
): NodeTerminal {
  const sockets: WebSocket[] = [];
  const { origin, ...rest } = options;
  const client = new RelayClient({
    url,
    role,
    backoffBaseMs: 20,
    backoffCapMs: 200,
    createSocket: (socketUrl) => {
      const socket = new WebSocket(socketUrl, {
        perMessageDeflate: false,
        ...(origin ? { headers: { origin } } : {}),
      });
      sockets.push(socket);
      return socket as unknown as SocketLike;
    },
    ...rest,
  });
  return { client, sockets };
}

/** Resolves with the arguments of the first `event` for which `accept` is true. */
export function waitForEvent<A extends unknown[]>(
  subscribe: (listener: (...args: A) => void) => () => void,
  accept: (...args: A) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<A> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`event not seen within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = subscribe((...args) => {
      if (!accept(...args)) return;
      clearTimeout(timer);
      off();
      resolve(args);
    });
  });
}

export function waitOpen(terminal: NodeTerminal): Promise<unknown> {
  if (terminal.client.status === 'open') return Promise.resolve();
  return waitForEvent(
    (l) => terminal.client.on('status', l),
    (status) => status === 'open',
  );
}

/** A new session's two clients, the PC's and the phone's, both started. */
export function startClients(server: RelayServer) {
  const urls = sessionUrls(server);
  const pc = nodeTerminal(urls.pc, 'pc').client.start();
  const phone = nodeTerminal(urls.phone, 'phone').client.start();
  return { urls, pc, phone };
}

/** A new session's two terminals, the PC's and the phone's, started and both open. */
export async function openTerminals(
  server: RelayServer,
  options: Partial<RelayClientOptions> = {},
): Promise<{ urls: ReturnType<typeof sessionUrls>; pc: NodeTerminal; phone: NodeTerminal }> {
  const urls = sessionUrls(server);
  const pc = nodeTerminal(urls.pc, 'pc', options);
  const phone = nodeTerminal(urls.phone, 'phone', options);
  pc.client.start();
  phone.client.start();
  await Promise.all([waitOpen(pc), waitOpen(phone)]);
  return { urls, pc, phone };
}

export type UpgradeOutcome =
  | { opened: true; socket: WebSocket; firstFrame: string }
  | { opened: false; status: number; code: string; body: string };

/** Opens a raw WebSocket to the relay and reports either the welcome or the HTTP refusal. */
export function rawUpgrade(
  url: string,
  headers: Record<string, string> = {},
): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers, perMessageDeflate: false });
    socket.once('message', (data) => resolve({ opened: true, socket, firstFrame: String(data) }));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({
          opened: false,
          status: response.statusCode ?? 0,
          code: String(response.headers['x-tandem-error'] ?? ''),
          body,
        }),
      );
    });
    socket.once('error', (error) => {
      if (!String(error.message).includes('Unexpected server response')) reject(error);
    });
  });
}

// One benchmark server in its own process, so its RSS is its own: the Tandem relay, a minimal
// socket.io rooms relay doing the same forwarding, or a raw `ws` echo. Prints `READY <port>`.
import { createServer } from 'node:http';
import Fastify from 'fastify';
import { Server as SocketIoServer } from 'socket.io';
import { WebSocketServer } from 'ws';
import { attachRelay } from '../../server/relay/attach-relay.js';

const kind = process.argv[2];

async function tandem(): Promise<number> {
  const app = Fastify({ logger: false });
  const relay = attachRelay(app, {
    logger: { debug() {}, info() {}, warn() {}, isLevelEnabled: () => false },
    messagesPerSecond: 1e6,
    messageBurst: 1e6,
  });
  // Bench only: many sessions in one call (the real server creates one per authenticated request).
  app.post('/bench/sessions', async (request) => {
    const { n } = request.body as { n: number };
    return Array.from({ length: n }, () => {
      const created = relay.createSession();
      return { pageId: created.pageId, secret: created.secret };
    });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

function socketIo(): Promise<number> {
  const http = createServer();
  const io = new SocketIoServer(http, { transports: ['websocket'], perMessageDeflate: false });
  io.on('connection', (socket) => {
    let room = '';
    socket.on('join', (name: string) => {
      room = name;
      void socket.join(name);
    });
    socket.on('m', (data: string) => socket.to(room).emit('m', data));
  });
  return listen(http);
}

function echo(): Promise<number> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
  wss.on('connection', (ws) =>
    ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })),
  );
  return listen(http);
}

function listen(http: ReturnType<typeof createServer>): Promise<number> {
  return new Promise((resolve) =>
    http.listen(0, '127.0.0.1', () => {
      const address = http.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
}

const start = { tandem, 'socket.io': socketIo, echo }[kind ?? ''];
if (!start) {
  console.error('usage: server-process.ts tandem|socket.io|echo');
  process.exit(2);
}
const port = await start();
process.stdout.write(`READY ${port}\n`);

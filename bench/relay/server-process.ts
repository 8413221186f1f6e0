// One benchmark server in its own process, so its RSS is its own: the Tandem relay, a minimal
// socket.io rooms relay doing the same forwarding, or a raw `ws` echo. Prints `READY <port>`.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector';
import { Server as SocketIoServer } from 'socket.io';
import { WebSocketServer } from 'ws';
import { startBenchRelay } from '../support/bench-relay.js';

const kind = process.argv[2];

async function tandem(): Promise<number> {
  // The relay's default limits. Each connection is offered far less than they allow (saturated,
  // 4 messages in flight per pair give some tens of messages/s per connection against 2,000/s and
  // 32 MiB/s), so they never engage; they are on so their cost is measured.
  return (await startBenchRelay()).port;
}

function socketIo(): Promise<number> {
  const http = createServer();
  const io = new SocketIoServer(http, { transports: ['websocket'], perMessageDeflate: false });
  io.on('connection', (socket) => {
    let room = '';
    socket.on('join', (name: string, joined?: () => void) => {
      room = name;
      void socket.join(name);
      joined?.();
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
process.once('SIGTERM', () => process.exit(0));
profileOnSignal(process.env.BENCH_PROFILE_OUT);
process.stdout.write(`READY ${port}\n`);

/** SIGUSR2 starts the CPU profiler, the next one writes the profile to `out`: one phase only. */
function profileOnSignal(out: string | undefined): void {
  if (!out) return;
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () => session.post('Profiler.start'));
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(out, JSON.stringify(result.profile));
    });
  });
}

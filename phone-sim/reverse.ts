// The `reverse:` service: forward / killforward / killforward-all / list-forward, answered as
// adbd's handle_forward_request does on the device (no leading connect OKAY: the host adds that).
import { createServer, type Server, type Socket } from 'node:net';
import type { AdbConnection } from './connection.js';
import type { DeviceStream } from './stream.js';
import { bridgeToHost } from './reverse-pump.js';

interface Listener {
  remote: string;
  local: string;
  server: Server;
  conn: AdbConnection;
  sockets: Set<Socket>;
}

export interface ReverseMapping {
  remote: string;
  local: string;
}

const okay = (): Buffer => Buffer.from('OKAY');
const protocolString = (text: string): Buffer => {
  const body = Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from(body.length.toString(16).padStart(4, '0')), body]);
};
const failure = (message: string): Buffer =>
  Buffer.concat([Buffer.from('FAIL'), protocolString(message)]);

export class ReverseForwards {
  private readonly listeners = new Map<string, Listener>();

  constructor(
    private readonly reverseHost: string,
    private readonly log: (line: string) => void,
  ) {}

  list(): ReverseMapping[] {
    return [...this.listeners.values()].map(({ remote, local }) => ({ remote, local }));
  }

  /** Serves one `reverse:REQUEST` stream: writes the reply, then closes it. */
  handle(request: string, stream: DeviceStream, conn: AdbConnection): void {
    void this.reply(request, conn).then(async (reply) => {
      await stream.write(reply);
      await stream.end();
    });
  }

  private async reply(request: string, conn: AdbConnection): Promise<Buffer> {
    if (request === 'list-forward') {
      const lines = [...this.listeners.values()].map(
        (l) => `host-${l.conn.id} ${l.remote} ${l.local}\n`,
      );
      return protocolString(lines.join(''));
    }
    if (request === 'killforward-all') {
      for (const remote of [...this.listeners.keys()]) void this.remove(remote);
      return okay();
    }
    if (request.startsWith('killforward:')) {
      const remote = request.slice('killforward:'.length);
      if (!this.listeners.has(remote)) return failure(`listener '${remote}' not found`);
      void this.remove(remote);
      return okay();
    }
    const forward = /^forward:(norebind:)?([^;]+);(.+)$/.exec(request);
    if (!forward) return failure(`unknown reverse request ${JSON.stringify(request)}`);
    const [, noRebind, remote = '', local = ''] = forward;
    return this.install(remote, local, noRebind !== undefined, conn);
  }

  private async install(
    remote: string,
    local: string,
    noRebind: boolean,
    conn: AdbConnection,
  ): Promise<Buffer> {
    const existing = this.listeners.get(remote);
    if (existing) {
      if (noRebind) return failure('cannot rebind existing socket');
      Object.assign(existing, { local, conn });
      this.log(`reverse: ${remote} (phone) -> ${local} (computer), rebound`);
      return okay();
    }
    const port = /^tcp:(\d{1,5})$/.exec(remote)?.[1];
    if (port === undefined || Number(port) > 65535) {
      return failure(`cannot bind listener: the sim only listens on tcp:PORT, not ${remote}`);
    }
    let server: Server;
    try {
      server = await this.listen(Number(port));
    } catch (error) {
      return failure(`cannot bind listener: ${(error as Error).message}`);
    }
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : Number(port);
    const listener: Listener = { remote: `tcp:${actual}`, local, server, conn, sockets: new Set() };
    server.on('connection', (socket) => {
      listener.sockets.add(socket);
      socket.on('close', () => listener.sockets.delete(socket));
      void bridgeToHost(socket, listener.conn, listener.local, this.log);
    });
    this.listeners.set(listener.remote, listener);
    // adbd drops a transport's listeners when that transport goes away.
    conn.onClose(() => {
      if (listener.conn === conn && this.listeners.get(listener.remote) === listener) {
        void this.remove(listener.remote);
      }
    });
    this.log(`reverse: ${this.reverseHost}:${actual} (phone) -> ${local} (computer)`);
    // adbd reports the port it picked only when asked for tcp:0.
    return Number(port) === 0 ? Buffer.concat([okay(), protocolString(String(actual))]) : okay();
  }

  private listen(port: number): Promise<Server> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(port, this.reverseHost, () => {
        server.off('error', reject);
        resolve(server);
      });
    });
  }

  /** Stops listening; connections already bridged live on, as on a real phone. */
  private remove(remote: string): Promise<void> {
    const listener = this.listeners.get(remote);
    if (!listener) return Promise.resolve();
    this.listeners.delete(remote);
    this.log(`reverse: ${remote} removed`);
    return new Promise<void>((resolve) => listener.server.close(() => resolve()));
  }

  /** Unplug / close: every listener and every bridged socket goes away. */
  async closeAll(): Promise<void> {
    const all = [...this.listeners.values()];
    for (const listener of all) for (const socket of listener.sockets) socket.destroy();
    await Promise.all(all.map((l) => this.remove(l.remote)));
  }
}

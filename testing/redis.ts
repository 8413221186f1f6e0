// A real redis-server (the Debian package) for a test: a free loopback port, a temporary folder,
// no persistence unless asked, its own process group. stop() ends it and removes the folder;
// restart() stops it and starts it again on the same port (a Redis restarted mid-session).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** The redis-server process now (it changes on restart). */
  pid(): number;
  /** SIGKILL (hard) or SIGTERM, then the same port again; resolves when it answers PING. */
  restart(options?: { hard?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

const REDIS_BIN = process.env.TANDEM_REDIS_SERVER ?? '/usr/bin/redis-server';

export async function startRedis(options: { persist?: boolean } = {}): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tandem-redis-'));
  let child = await launch(port, dir, options.persist === true);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: () => child.pid!,
    async restart({ hard = false } = {}) {
      await end(child, hard ? 'SIGKILL' : 'SIGTERM');
      child = await launch(port, dir, options.persist === true);
    },
    async stop() {
      await end(child, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function launch(port: number, dir: string, persist: boolean): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir];
  args.push('--save', '', '--appendonly', persist ? 'yes' : 'no', '--protected-mode', 'no');
  if (persist) args.push('--appendfsync', 'always');
  const child = spawn(REDIS_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 15_000;
  while (!(await answersPing(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await end(child, 'SIGKILL');
      throw new Error(`redis-server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return child;
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.once('error', () => resolve(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) {
        socket.destroy();
        resolve(reply.startsWith('+PONG'));
      }
    });
  });
}

async function end(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid!, signal);
  } catch {
    return;
  }
  await exited;
}

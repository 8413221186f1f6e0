// A real, private adb server for tests: its own port (never 5037), killed by its PID afterwards.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { connect } from 'node:net';
import { freePort } from './free-port.js';

const run = promisify(execFile);

export interface PrivateAdbServer {
  readonly port: number;
  readonly adbPath: string;
  /** Runs an adb client command against this server, e.g. `adb(['connect', '127.0.0.1:5555'])`. */
  adb(args: string[], timeoutMs?: number): Promise<string>;
  /** Kills the server process (to test recovery); `start()` brings it back on the same port. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivateAdbServer(port?: number): Promise<PrivateAdbServer> {
  const adbPath = process.env.ADB ?? 'adb';
  const serverPort = port ?? (await freePort());
  let child: ChildProcess | undefined;

  const adb = async (args: string[], timeoutMs = 10_000): Promise<string> => {
    const { stdout } = await run(adbPath, ['-P', String(serverPort), ...args], {
      timeout: timeoutMs,
    });
    return stdout;
  };

  const start = async (): Promise<void> => {
    // `adb nodaemon server` keeps the server in the foreground, so we own its PID.
    const proc = spawn(adbPath, ['-P', String(serverPort), 'nodaemon', 'server'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ADB_MDNS: '0', ADB_MDNS_AUTO_CONNECT: '' },
    });
    child = proc;
    proc.stderr?.resume();
    const deadline = Date.now() + 10_000;
    for (;;) {
      // Poll the socket, not `adb devices`: a client that finds no server forks a daemon of its own.
      try {
        await canConnect(serverPort);
        return;
      } catch (error) {
        if (proc.exitCode !== null) throw new Error(`adb server exited with ${proc.exitCode}`);
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };

  const kill = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGKILL');
    });
  };

  const stop = async (): Promise<void> => {
    // A client (adbkit included) that found the server gone may have forked a daemon on this port.
    await run(adbPath, ['-P', String(serverPort), 'kill-server'], { timeout: 5_000 }).catch(
      () => {},
    );
    await kill();
  };

  await start();
  return { port: serverPort, adbPath, adb, kill, start, stop };
}

function canConnect(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

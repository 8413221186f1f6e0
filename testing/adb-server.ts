// A real, private adb server for tests: its own port (never 5037), killed by its PID afterwards.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';
import { isListening } from './listening.js';
import { waitFor } from './wait.js';

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
    // Poll the socket, not `adb devices`: a client that finds no server forks a daemon of its own.
    await waitFor(`the adb server on port ${serverPort}`, () => isListening(serverPort), {
      timeoutMs: 10_000,
      intervalMs: 100,
      giveUpIf: () =>
        proc.exitCode !== null ? `adb server exited with ${proc.exitCode}` : undefined,
    });
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

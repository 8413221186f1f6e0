// Runs `tandem server` as a real child process in its own process group, on a fixed port and data
// folder, so a test can kill it hard (SIGKILL to the group) and start it again on the same port.
import { spawn, type ChildProcess } from 'node:child_process';
import { tandemBin } from './tandem-cli.js';

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  output(): string;
  /** SIGKILL to the whole process group; resolves when the server process has exited. */
  kill(): Promise<void>;
  /** Sends a signal to the server process alone (SIGTERM: it drains). */
  signal(name: NodeJS.Signals): void;
  /** Resolves with the exit code (null when a signal ended it) once the process has exited. */
  exited(): Promise<number | null>;
}

export async function startServerProcess(options: {
  port: number;
  dataDir: string;
  /** postgres://… : the store is PostgreSQL (--database) instead of server.sqlite. */
  databaseUrl?: string | undefined;
  timeoutMs?: number;
  /** More flags of `tandem server` (e.g. `--metrics`, `--drain-timeout 1`). */
  args?: string[];
}): Promise<ServerProcess> {
  const args = [tandemBin, 'server', '--host', '127.0.0.1', '--port', String(options.port)];
  args.push('--data', options.dataDir, ...(options.args ?? []));
  if (options.databaseUrl) args.push('--database', options.databaseUrl);
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const exited = exitCode.then(() => undefined);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`tandem server did not start:\n${output}`));
    }, options.timeoutMs ?? 20_000);
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = /^(http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
      if (line) {
        clearTimeout(timer);
        resolve(line[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tandem server exited with ${code}:\n${output}`));
    });
  });
  const pid = child.pid!;
  return {
    url,
    pid,
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await exited;
    },
    signal(name) {
      if (child.exitCode === null && child.signalCode === null) child.kill(name);
    },
    exited: () => exitCode,
  };
}

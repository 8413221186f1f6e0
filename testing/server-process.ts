// Runs `tandem server` as a real child process in its own process group, on a fixed port and data
// folder, so a test can kill it hard (SIGKILL to the group) and start it again on the same port.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const tandemBin = fileURLToPath(new URL('../bin/tandem.js', import.meta.url));

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  output(): string;
  /** SIGKILL to the whole process group; resolves when the server process has exited. */
  kill(): Promise<void>;
}

export async function startServerProcess(options: {
  port: number;
  dataDir: string;
  timeoutMs?: number;
  /** More `tandem server` flags (--redis, --node-id …). */
  args?: string[];
}): Promise<ServerProcess> {
  const args = [tandemBin, 'server', '--host', '127.0.0.1', '--port', String(options.port)];
  args.push('--data', options.dataDir, ...(options.args ?? []));
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
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
  };
}

// Starts a benchmark server process (bench/relay/server-process.ts and the like) and waits for the
// `READY <port>` line it prints once it listens. Used by the benchmarks and the relay fuzzer, which
// want the relay in a process of its own so that a crash shows as an exit.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ReadyServer {
  child: ChildProcess;
  port: number;
}

export async function startReadyServer(
  entry: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; detached?: boolean } = {},
): Promise<ReadyServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: options.env ?? process.env,
    detached: options.detached ?? false,
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /READY (\d+)/.exec(out);
      if (ready) resolve(Number(ready[1]));
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} server exited with ${code}`)));
  });
  return { child, port };
}

// Runs the `tandem` command (bin/tandem.js) as a person does, in its own process, and keeps what it
// printed: for tests of the CLI's words and exit codes.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const tandemBin = fileURLToPath(new URL('../bin/tandem.js', import.meta.url));

export interface TandemRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunningTandem {
  child: ChildProcess;
  /** Resolves when the process has ended and its streams are closed. */
  done: Promise<TandemRun>;
  /** What it printed on stdout so far. */
  output(): string;
}

/** Starts `tandem ...args` (env: this process's unless given); see `done` for the end. */
export function startTandem(args: string[], env: NodeJS.ProcessEnv = process.env): RunningTandem {
  const child = spawn(process.execPath, [tandemBin, ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<TandemRun>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done, output: () => stdout };
}

/** Runs `tandem ...args` to its end. */
export function runTandem(args: string[], env?: NodeJS.ProcessEnv): Promise<TandemRun> {
  return startTandem(args, env).done;
}

// Runs `tandem agent` as a real child process for tests, with every line it prints kept so tests
// can assert on it (the raw IMEI must never appear there).
import { spawn, type ChildProcess } from 'node:child_process';
import { tandemBin } from './tandem-cli.js';
import type { AgentStatus } from '../agent/control/control-api.js';
import { callAgent } from '../agent/control/control-client.js';
import { readAgentFile } from '../agent/control/agent-file.js';
import type { PairingState, PhoneStatus } from '../agent/pairing/states.js';
import { waitFor } from './wait.js';

export interface AgentProcess {
  readonly dataDir: string;
  readonly serverUrl: string;
  output(): string;
  status(): Promise<AgentStatus>;
  /** POST to the agent's control API. */
  call<T>(path: string, body?: unknown): Promise<T>;
  get<T>(path: string): Promise<T>;
  /** Waits until the phone with this adb serial is in one of `states`. */
  waitFor(serial: string, states: PairingState[], timeoutMs?: number): Promise<PhoneStatus>;
  stop(): Promise<void>;
}

export async function startAgentProcess(options: {
  dataDir: string;
  adbPort: number;
  serverUrl?: string;
  /** The mirrored PC browser: off unless a test needs it. */
  browser?: 'headless' | 'off';
  extraArgs?: string[];
  /** Added to the test's environment (e.g. NODE_OPTIONS). */
  env?: NodeJS.ProcessEnv;
}): Promise<AgentProcess> {
  const args = [tandemBin, 'agent', '--headless', '--no-usb', '--json'];
  args.push('--browser', options.browser ?? 'off');
  args.push('--data', options.dataDir, '--adb-port', String(options.adbPort));
  if (options.serverUrl) args.push('--server', options.serverUrl);
  args.push(...(options.extraArgs ?? []));
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TANDEM_LOG_LEVEL: 'trace', ...options.env },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  await waitFor('tandem agent to start', () => readAgentFile(options.dataDir)?.pid === child.pid, {
    timeoutMs: 20_000,
    intervalMs: 100,
    detail: () => `\n${output}`,
    giveUpIf: () => (child.exitCode !== null ? 'it exited early' : undefined),
  });
  const serverUrl = readAgentFile(options.dataDir)?.serverUrl ?? '';

  const status = () => callAgent<AgentStatus>(options.dataDir, '/api/status');
  return {
    dataDir: options.dataDir,
    serverUrl,
    output: () => output,
    status,
    call: (path, body) => callAgent(options.dataDir, path, { method: 'POST', body }),
    get: (path) => callAgent(options.dataDir, path),
    async waitFor(serial, states, timeoutMs = 15_000) {
      let last: PhoneStatus | undefined;
      return waitFor(
        `${serial} to reach ${states.join('|')}`,
        async () => {
          last = (await status()).devices.find((d) => d.serial === serial);
          return last && states.includes(last.state) && last;
        },
        { timeoutMs, intervalMs: 50, detail: () => `last: ${JSON.stringify(last)}` },
      );
    },
    /** SIGTERM; an agent still running 15 s later is killed and the test told, with its output. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(resolve, 15_000, 'hung')));
      const outcome = await Promise.race([exited, hung]);
      clearTimeout(timer);
      if (outcome === 'hung') {
        child.kill('SIGKILL');
        await exited;
        throw new Error(`tandem agent did not exit on SIGTERM:\n${output.slice(-4000)}`);
      }
    },
  };
}

// Which adb server `tandem devices` asks: --adb-port when given; else the running agent's (from
// agent.json in the data folder), so the command sees the phones the agent sees and never starts
// a second adb server beside it; else $ANDROID_ADB_SERVER_PORT or 5037, as adb itself does.
import { readAgentFile } from '../../control/agent-file.js';
import { commandWords, type CommandWords } from '../../../protocol/i18n/cli-command-words.js';

export interface AdbServerChoice {
  host: string;
  port: number;
  /** Why this one, for the line the command prints. */
  source: 'flag' | 'agent' | 'default';
  /** The agent's pid, when source is 'agent'. */
  agentPid?: number;
}

export interface AdbServerFlags {
  adbHost?: string;
  adbPort?: number;
}

const DEFAULT_HOST = '127.0.0.1';

/** True when a process with this pid exists (EPERM: it exists, but is another user's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function chooseAdbServer(
  flags: AdbServerFlags,
  dataDir: string,
  defaultPort: number,
  alive: (pid: number) => boolean = processAlive,
): AdbServerChoice {
  if (flags.adbPort !== undefined) {
    return { host: flags.adbHost ?? DEFAULT_HOST, port: flags.adbPort, source: 'flag' };
  }
  const agent = readAgentFile(dataDir);
  // A stale agent.json (the agent crashed) or one from an agent that did not record its port.
  if (agent && Number.isInteger(agent.adbPort) && alive(agent.pid)) {
    return {
      host: flags.adbHost ?? agent.adbHost ?? DEFAULT_HOST,
      port: agent.adbPort as number,
      source: 'agent',
      agentPid: agent.pid,
    };
  }
  return { host: flags.adbHost ?? DEFAULT_HOST, port: defaultPort, source: 'default' };
}

/** One line for stderr: which adb server was asked, and why (English unless `words` say). */
export function describeAdbServer(
  choice: AdbServerChoice,
  words: CommandWords['devices']['server'] = commandWords.en.devices.server,
): string {
  const where = `${choice.host}:${choice.port}`;
  switch (choice.source) {
    case 'flag':
      return words.flag(where);
    case 'agent':
      return words.agent(where, choice.agentPid ?? 0);
    case 'default':
      return words.default(where);
  }
}

// The running agent leaves `agent.json` (mode 0600) in its data folder: where its control API
// listens and the token it requires. `tandem status` and friends find the agent through it.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AgentFile {
  pid: number;
  controlUrl: string;
  token: string;
  serverUrl: string;
  startedAt: string;
  /** The adb server the agent's watcher uses; `tandem devices` asks the same one. Absent: older agent. */
  adbHost?: string;
  adbPort?: number;
}

export const agentFileName = 'agent.json';

export function writeAgentFile(dataDir: string, file: AgentFile): void {
  const path = join(dataDir, agentFileName);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(file, null, 2), { mode: 0o600 });
  renameSync(temp, path);
}

export function readAgentFile(dataDir: string): AgentFile | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, agentFileName), 'utf8')) as AgentFile;
    return typeof parsed.controlUrl === 'string' && typeof parsed.token === 'string'
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
}

export function removeAgentFile(dataDir: string, pid = process.pid): void {
  if (readAgentFile(dataDir)?.pid === pid) rmSync(join(dataDir, agentFileName), { force: true });
}

// `tandem open <url>`: asks the running agent (found through agent.json in the data folder) to
// open a URL in its browser session. Words without a scheme read as a host: example.com.
import type { Command } from 'commander';
import { resolveDataDir } from '../../../db/data-dir.js';
import { readAgentFile } from '../../control/agent-file.js';
import type { OpenedTab } from '../../control/control-api.js';
import { CliError } from '../cli-error.js';
import type { ErrorCode } from '../../../protocol/errors/index.js';

export function register(program: Command): void {
  program
    .command('open')
    .description("Open a URL in the running agent's browser session")
    .argument('<url>', 'an http(s) URL, or a host name such as example.com')
    .option('--data <dir>', 'data folder (default: per-OS, or $TANDEM_DATA_DIR)')
    .action(async (url: string, options: { data?: string }) => {
      const opened = await openInAgent(resolveDataDir({ explicit: options.data }), toUrl(url));
      process.stdout.write(`${opened.url}\n`);
    });
}

export function toUrl(text: string): string {
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  if (!/^https?:\/\//i.test(candidate) || !URL.canParse(candidate)) {
    throw new CliError(
      'INVALID_ARGUMENT',
      `not an http(s) URL: ${JSON.stringify(text.slice(0, 200))}`,
      2,
    );
  }
  return new URL(candidate).href;
}

async function openInAgent(dataDir: string, url: string): Promise<OpenedTab> {
  const agent = readAgentFile(dataDir);
  if (!agent) {
    throw new CliError(
      'AGENT_NOT_RUNNING',
      `no Tandem agent is running for the data folder ${dataDir}`,
    );
  }
  let response: Response;
  try {
    response = await fetch(`${agent.controlUrl}/api/open`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new CliError(
      'AGENT_NOT_RUNNING',
      `the agent of ${dataDir} does not answer (${(error as Error).message})`,
    );
  }
  const json = (await response.json().catch(() => ({}))) as {
    opened?: OpenedTab;
    error?: { code: string; message: string };
  };
  if (!response.ok || !json.opened) {
    // The agent's own code, passed on as it came over the wire.
    throw new CliError(
      (json.error?.code ?? 'AGENT_ERROR') as ErrorCode,
      json.error?.message ?? `HTTP ${response.status}`,
    );
  }
  return json.opened;
}

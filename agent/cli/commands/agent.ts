// `tandem agent`: runs the desktop agent in the foreground, its UI in a browser tab. In a terminal it
// prints one human line per phone state; `--json` prints one JSON line instead.
import { Option, type Command } from 'commander';
import { isLoopbackUrl } from '../../../protocol/server-reach.js';
import { linkServerUrl } from '../../runtime/link-url.js';
import type { RunningAgent } from '../../runtime/start-agent.js';
import type { BrowserMode } from '../../session/browser-runtime.js';
import { CliError } from '../cli-error.js';
import {
  dataDirFrom,
  dataOptionHelp,
  defaultAdbPort,
  portParser,
  untilSignal,
} from '../cli-options.js';

interface AgentCommandOptions {
  headless?: boolean;
  server?: string;
  data?: string;
  adbHost: string;
  adbPort: number;
  serverPort: number;
  serverHost: string;
  link: boolean;
  maskAllInputs?: boolean;
  controlPort: number;
  paused?: boolean;
  usb: boolean;
  json?: boolean;
  browser?: 'headed' | 'headless' | 'off';
}

export function register(program: Command): void {
  program
    .command('agent')
    .description('Run the Tandem agent: watch for phones, pair them, serve the control UI')
    .option('--headless', 'no window: the PC browser the phones mirror runs headless')
    .option(
      '--server <url>',
      'use this pairing server instead of the embedded one (on loopback the phone reaches it over ' +
        'adb reverse; any other the phone must reach itself: same Wi-Fi, or HTTPS)',
    )
    .option('--data <dir>', dataOptionHelp)
    .option('--adb-host <host>', 'adb server host', '127.0.0.1')
    .option('--adb-port <port>', 'adb server port', portParser(), defaultAdbPort())
    .option(
      '--server-host <host>',
      'address of the embedded server: 127.0.0.1, or 0.0.0.0 so a phone without a cable can join by QR code',
      '127.0.0.1',
    )
    .option('--no-link', 'do not open a session for a phone without a cable (QR code)')
    .option(
      '--server-port <port>',
      'port of the embedded pairing server (0: any)',
      portParser(true),
      0,
    )
    .option('--control-port <port>', 'port of the local control API (0: any)', portParser(true), 0)
    .option('--paused', 'start with automatic pairing paused')
    .option('--no-usb', 'do not watch USB hotplug (adb only)')
    .option(
      '--mask-all-inputs',
      'hide every form field value from the phone (passwords always are)',
    )
    .addOption(
      new Option(
        '--browser <mode>',
        'the PC browser the phones mirror (default: headed with a display)',
      ).choices(['headed', 'headless', 'off']),
    )
    .option('--json', 'print one JSON line per phone state change instead of text')
    .action(async (options: AgentCommandOptions) => {
      const browser = browserOf(options);
      // In a terminal the human lines are the output: the JSON log keeps its warnings and errors
      // (TANDEM_LOG_LEVEL still decides). Set before the first logger is made.
      if (!options.json) process.env.TANDEM_LOG_LEVEL ??= 'warn';
      // Loaded on demand: `tandem --help` loads no agent, browser, server or database.
      const { startAgent } = await import('../../runtime/start-agent.js');
      const { defaultBrowserMode } = await import('../../session/browser-runtime.js');
      const agent = await startAgent({
        dataDir: dataDirFrom(options),
        serverUrl: options.server,
        serverPort: options.serverPort,
        serverHost: options.serverHost,
        adbHost: options.adbHost,
        adbPort: options.adbPort,
        controlPort: options.controlPort,
        paused: options.paused ?? false,
        usb: options.usb,
        browser,
        maskAllInputs: options.maskAllInputs ?? false,
      });
      const out = (line: string) => process.stdout.write(`${line}\n`);
      const { cliWords } = await import('../cli-language.js');
      const { phoneStateWords } = await import('../../../protocol/i18n/phone-state-words.js');
      const { words } = cliWords(dataDirFrom(options));
      if (!options.json) {
        out(words.cli.agentRunning(agent.serverUrl));
        out(words.cli.openUi(agent.uiUrl));
        out(browserLine(agent, browser ?? defaultBrowserMode(), options.data));
        out(options.paused ? words.cli.paused : words.cli.plugIn);
        if (options.link) await printLinkSession(agent, options, out);
      }
      const last = new Map<string, string>();
      agent.orchestrator.on('change', (status) => {
        // Stopping is not unplugging: no `gone` line per phone on Ctrl-C.
        if (agent.orchestrator.stopping) return;
        if (options.json) return out(JSON.stringify(status));
        const view = phoneStateWords(words, status);
        const who = status.identity
          ? `${status.serial} ${status.model} ${status.identity.masked}`
          : `${status.serial} ${status.model || words.ui.unknownModel}`;
        const line =
          words.cli.phoneLine(who, view.badge, view.hint) +
          (view.code ? words.cli.codeSuffix(view.code) : '');
        if (last.get(status.serial) === line) return;
        last.set(status.serial, line);
        out(line);
        const url =
          status.state === 'connected'
            ? agent.sessions.session(status.serial)?.phoneUrl
            : undefined;
        if (url) out(words.cli.sessionPage(url));
      });
      await untilSignal();
      await stopWithin(agent, STOP_BOUND_MS);
      if (!options.json) out(words.cli.stopped);
      // The agent is a foreground service: once stopped it exits, whatever a library left
      // pending (a keep-alive socket, a reconnect timer), instead of lingering after Ctrl-C.
      process.exit(process.exitCode ?? 0);
    });
}

/** How long a clean shutdown may take before the agent exits regardless. */
const STOP_BOUND_MS = 10_000;

async function stopWithin(agent: RunningAgent, boundMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>(
    (resolve) => (timer = setTimeout(() => resolve('late'), boundMs)),
  );
  const outcome = await Promise.race([agent.stop().then(() => 'stopped' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') {
    process.stderr.write(
      `tandem: the agent took over ${boundMs / 1000} s to stop; exiting anyway\n`,
    );
  }
}

/** `--headless` is `--browser headless`; with `--browser` too, they must agree. */
function browserOf(options: AgentCommandOptions): AgentCommandOptions['browser'] {
  if (!options.headless) return options.browser;
  if (options.browser === 'headed') {
    throw new CliError('INVALID_ARGUMENT', '--headless and --browser headed contradict', 2);
  }
  return options.browser ?? 'headless';
}

/** Where the PC browsing session is, and how to put a page in front of the phones. */
function browserLine(
  agent: RunningAgent,
  mode: BrowserMode | 'off',
  data: string | undefined,
): string {
  if (!agent.browser)
    return 'No PC browser session (--browser off): the phones get the inbox only.';
  const open = `tandem open <url>${data === undefined ? '' : ` --data ${shellQuote(data)}`}`;
  return mode === 'headless'
    ? `The PC browser the phones mirror runs headless (no window): show a page with \`${open}\`.`
    : `The PC browser the phones mirror is the Chromium window Tandem opened: browse there, or run \`${open}\`.`;
}

/** A session for a phone without a cable, as a URL and a QR code to scan — when it can reach us. */
async function printLinkSession(
  agent: RunningAgent,
  options: AgentCommandOptions,
  out: (line: string) => void,
): Promise<void> {
  const server = linkServerUrl(
    { serverUrl: options.server, serverHost: options.serverHost },
    agent.embeddedServer,
  );
  if (!server || isLoopbackUrl(server)) {
    out(
      options.server
        ? 'No cable? The pairing server is on loopback, which no other device can reach: no QR code.'
        : 'No cable? For a QR code a phone on the same Wi-Fi can scan, start with --server-host 0.0.0.0.',
    );
    return;
  }
  try {
    const url = await agent.openLinkSession();
    out(`No cable? Scan this with the phone (same network), or open: ${url}`);
    const { default: QRCode } = await import('qrcode');
    out(await QRCode.toString(url, { type: 'terminal', small: true }));
  } catch (error) {
    out(`No link session: ${(error as Error).message}`);
  }
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

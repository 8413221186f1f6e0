// `tandem agent`: runs the desktop agent in the foreground (headless: the UI opens in a browser tab).
import { Option, type Command } from 'commander';
import QRCode from 'qrcode';
import { describe, startAgent, type RunningAgent } from '../../runtime/start-agent.js';
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
    .option('--headless', 'no Electron window: print states here and serve the UI to a browser tab')
    .option('--server <url>', 'use this pairing server instead of the embedded one')
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
        browser: options.browser,
        maskAllInputs: options.maskAllInputs ?? false,
      });
      const out = (line: string) => process.stdout.write(`${line}\n`);
      if (!options.json) {
        out(`Tandem agent running. Pairing server: ${agent.serverUrl}`);
        out(`Open the Tandem UI: ${agent.uiUrl}`);
        out(options.paused ? 'Pairing is paused.' : 'Plug an Android phone in with a USB cable.');
        if (options.link) await printLinkSession(agent, out);
      }
      agent.orchestrator.on('change', (status) => {
        if (options.json) return out(JSON.stringify(status));
        out(`${describe(status)} — ${status.hint}`);
        const url =
          status.state === 'connected'
            ? agent.sessions.session(status.serial)?.phoneUrl
            : undefined;
        if (url) out(`  session page on the phone: ${url}`);
      });
      await untilSignal();
      await agent.stop();
    });
}

/** A session for a phone without a cable, as a URL and a QR code to scan. */
async function printLinkSession(agent: RunningAgent, out: (line: string) => void): Promise<void> {
  try {
    const url = await agent.openLinkSession();
    out(`No cable? Scan this with the phone (same network), or open: ${url}`);
    out(await QRCode.toString(url, { type: 'terminal', small: true }));
    if (/^http:\/\/(127\.|localhost)/.test(url)) {
      out(
        '  (this server listens on loopback only: start with --server-host 0.0.0.0 for a phone on Wi-Fi)',
      );
    }
  } catch (error) {
    out(`No link session: ${(error as Error).message}`);
  }
}

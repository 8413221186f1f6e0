// `tandem agent`: runs the desktop agent in the foreground (headless: the UI opens in a browser tab).
import { Option, type Command } from 'commander';
import { describe, startAgent } from '../../runtime/start-agent.js';
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
      '--server-port <port>',
      'port of the embedded pairing server (0: any)',
      portParser(true),
      0,
    )
    .option('--control-port <port>', 'port of the local control API (0: any)', portParser(true), 0)
    .option('--paused', 'start with automatic pairing paused')
    .option('--no-usb', 'do not watch USB hotplug (adb only)')
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
        adbHost: options.adbHost,
        adbPort: options.adbPort,
        controlPort: options.controlPort,
        paused: options.paused ?? false,
        usb: options.usb,
        browser: options.browser,
      });
      const out = (line: string) => process.stdout.write(`${line}\n`);
      if (!options.json) {
        out(`Tandem agent running. Pairing server: ${agent.serverUrl}`);
        out(`Open the Tandem UI: ${agent.uiUrl}`);
        out(options.paused ? 'Pairing is paused.' : 'Plug an Android phone in with a USB cable.');
      }
      agent.orchestrator.on('change', (status) =>
        out(options.json ? JSON.stringify(status) : `${describe(status)} — ${status.hint}`),
      );
      await untilSignal();
      await agent.stop();
    });
}

// `tandem devices`: the phones adb sees, with their identity (masked unless --reveal), or with
// --watch one JSON line per watcher event until interrupted.
import type { Command } from 'commander';
import { locateAdb } from '../../../native-bridge/adb/locate-adb.js';
import { BridgeErrorCode, isBridgeError } from '../../../native-bridge/errors.js';
import { CliError } from '../cli-error.js';
import { resolveDataDir } from '../../../db/data-dir.js';
import { dataOptionHelp, defaultAdbPort, portParser, untilSignal } from '../cli-options.js';
import {
  chooseAdbServer,
  describeAdbServer,
  type AdbServerChoice,
} from '../devices/adb-server-choice.js';
import { listDeviceRows } from '../devices/device-rows.js';
import { renderDeviceTable } from '../devices/render-table.js';
import type { CommandWords } from '../../../protocol/i18n/cli-command-words.js';

interface DevicesOptions {
  json?: boolean;
  reveal?: boolean;
  watch?: boolean;
  adbHost?: string;
  adbPort?: number;
  data?: string;
}

// The --json shape is an interface for scripts: keep it stable, and say here what null means.
const JSON_HELP = `
With --json, one object per phone: serial, state, model, manufacturer, release, sdk and identity
({ kind, masked }, plus value and imeis with --reveal), then hint or error when there is one.
model, manufacturer, release, sdk and identity are null for a phone that is not ready (any state
but "device": unauthorized, offline, no-permissions …; its hint says what to do), and for a
ready phone that could not be read (its error says why).

Without --adb-port, the running agent's adb server is asked (the agent of --data's folder), so
the phones listed are the ones the agent sees; with no agent running, $ANDROID_ADB_SERVER_PORT
or 5037. Which server was asked is printed on stderr.`;

export function register(program: Command): void {
  program
    .command('devices')
    .description('List the Android phones attached through adb, with their identity')
    .option('--json', 'print a JSON array instead of a table')
    .option('--reveal', 'show full identities (IMEI) instead of the masked form')
    .option('--watch', 'print one JSON line per phone event until interrupted (Ctrl-C)')
    .option('--adb-host <host>', "adb server host (default: the agent's, else 127.0.0.1)")
    .option(
      '--adb-port <port>',
      "adb server port (default: the running agent's, else $ANDROID_ADB_SERVER_PORT or 5037)",
      portParser(),
    )
    .option('--data <dir>', `${dataOptionHelp}; where the running agent is found`)
    .addHelpText('after', JSON_HELP)
    .action(async (options: DevicesOptions) => {
      try {
        await (options.watch ? watch(options) : list(options));
      } catch (error) {
        throw asCliError(error);
      }
    });
}

/** The adb server to ask (see adb-server-choice.ts), said on stderr so --json stays clean. */
function adbServer(options: DevicesOptions, words: DeviceWords): AdbServerChoice {
  const dataDir = resolveDataDir({ explicit: options.data });
  const choice = chooseAdbServer(options, dataDir, defaultAdbPort());
  process.stderr.write(`tandem: ${describeAdbServer(choice, words.server)}\n`);
  return choice;
}

type DeviceWords = CommandWords['devices'];

/** The person's words (cli-language.ts), loaded on demand like the rest. */
async function deviceWords(options: DevicesOptions): Promise<DeviceWords> {
  const { cliWords } = await import('../cli-language.js');
  return cliWords(resolveDataDir({ explicit: options.data })).words.commands.devices;
}

// adb, identity parsing and the watcher are loaded on demand: `tandem --help` loads none of them.
async function list(options: DevicesOptions): Promise<void> {
  const { createAdbClient } = await import('../../../native-bridge/adb/client.js');
  const { readPhoneIdentity } = await import('../../../native-bridge/identity/read-phone.js');
  const adbPath = locateAdb().path;
  const words = await deviceWords(options);
  const { host, port } = adbServer(options, words);
  const client = createAdbClient({ host, port, adbPath });
  const rows = await listDeviceRows(
    client,
    (c, serial) => readPhoneIdentity(c, serial),
    options.reveal === true,
  );
  process.stdout.write(
    options.json ? `${JSON.stringify(rows, null, 2)}\n` : renderDeviceTable(rows, words),
  );
}

async function watch(options: DevicesOptions): Promise<void> {
  const { PhoneWatcher } = await import('../../../native-bridge/watcher/phone-watcher.js');
  const adbPath = locateAdb().path;
  const { host, port } = adbServer(options, await deviceWords(options));
  const watcher = new PhoneWatcher({
    host,
    port,
    adbPath,
    logger: { warn: (message) => process.stderr.write(`tandem: ${message}\n`) },
  });
  watcher.on('event', (event) => process.stdout.write(`${JSON.stringify(event)}\n`));
  // Listen for Ctrl-C before starting: the first events are printed while start() is still
  // running, and a signal then must stop the watcher cleanly rather than kill the process.
  const interrupted = untilSignal();
  try {
    await Promise.race([watcher.start(), interrupted]);
    await interrupted;
  } finally {
    await watcher.stop();
  }
}

function asCliError(error: unknown): unknown {
  if (!isBridgeError(error)) return error;
  // A missing adb is a setup problem, not a runtime failure: exit code 2.
  const exitCode = error.code === BridgeErrorCode.AdbNotFound ? 2 : 1;
  return new CliError(error.code, error.message, exitCode);
}

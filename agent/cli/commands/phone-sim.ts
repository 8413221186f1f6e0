// `tandem phone-sim`: runs the simulated Android phone in the foreground so a developer can
// `adb connect` to it. The sim is e2e code, so it is imported only when this command runs.
import type { Command } from 'commander';
import type { PhoneSimProfileName } from '../../../e2e/phone-sim/index.js';
import { CliError } from '../cli-error.js';
import { untilSignal } from '../cli-options.js';

// Kept here (checked against the sim by a unit test) so `--help` does not load the sim.
export const PHONE_SIM_PROFILES = [
  'android-4.4',
  'android-9',
  'android-10',
  'android-12-dual',
  'android-14',
  'tablet',
  'locked',
  'vendor-props',
] as const satisfies readonly PhoneSimProfileName[];

interface PhoneSimCommandOptions {
  profile: string;
  imei?: string;
  imei2?: string;
  serial?: string;
  model?: string;
  androidId?: string;
  port: string;
  unauthorized?: boolean;
  replyDelay: string;
}

export function register(program: Command): void {
  program
    .command('phone-sim')
    .description('Run a simulated Android phone that adb can connect to (for tests and demos)')
    .option('--profile <name>', `one of: ${PHONE_SIM_PROFILES.join(', ')}`, 'android-10')
    .option('--imei <digits>', 'IMEI (default: a valid one per profile)')
    .option('--imei2 <digits>', 'second SIM IMEI')
    .option('--serial <serial>', 'ro.serialno')
    .option('--model <model>', 'ro.product.model')
    .option('--android-id <hex>', 'settings secure android_id')
    .option('--port <n>', 'TCP port to listen on (0: any free port)', '0')
    .option('--unauthorized', 'start with USB debugging not yet allowed (type "allow" to allow)')
    .option('--reply-delay <ms>', 'delay every shell reply by this many milliseconds', '0')
    .addHelpText(
      'after',
      '\nWhile running, type on stdin: allow | unplug | replug | delay <ms>. Stop with Ctrl-C.',
    )
    .action(async (options: PhoneSimCommandOptions) => run(options));
}

async function run(options: PhoneSimCommandOptions): Promise<void> {
  const profile = options.profile as PhoneSimProfileName;
  if (!(PHONE_SIM_PROFILES as readonly string[]).includes(profile)) {
    throw new CliError(
      'INVALID_ARGUMENT',
      `--profile must be one of ${PHONE_SIM_PROFILES.join(', ')}`,
      2,
    );
  }
  const port = parseInteger('--port', options.port, 65535);
  const replyDelayMs = parseInteger('--reply-delay', options.replyDelay, 600_000);
  const { startPhoneSim, profileSummary } = await import('../../../e2e/phone-sim/index.js');
  const sim = await startPhoneSim({
    profile,
    port,
    replyDelayMs,
    unauthorized: options.unauthorized === true,
    imei: options.imei,
    imei2: options.imei2,
    serial: options.serial,
    model: options.model,
    androidId: options.androidId,
  });
  sim.on('log', (line) => process.stderr.write(`phone-sim: ${line}\n`));
  process.stdout.write(
    `profile ${sim.profile}: ${profileSummary(sim.profile)}\n` +
      `model ${sim.props['ro.product.model']}, Android ${sim.props['ro.build.version.release']}\n` +
      `listening on ${sim.adbSerial}\n` +
      `attach it with: adb connect ${sim.adbSerial}\n`,
  );
  const stopCommands = readCommands(sim);
  await untilSignal();
  stopCommands();
  await sim.close();
}

/** Lines on stdin drive the sim: tap "Allow", pull or plug the cable, slow the replies. */
function readCommands(sim: {
  accept(): void;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  setReplyDelay(ms: number): void;
}): () => void {
  let pending = '';
  const onData = (chunk: Buffer): void => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const [verb, arg] = line.trim().split(/\s+/);
      const done = (what: string): boolean => process.stderr.write(`phone-sim: ${what}\n`);
      if (verb === 'allow') {
        sim.accept();
        done('USB debugging allowed');
      } else if (verb === 'unplug') void sim.unplug();
      else if (verb === 'replug') void sim.replug().catch((e: Error) => done(e.message));
      else if (verb === 'delay' && arg && Number(arg) >= 0) {
        sim.setReplyDelay(Number(arg));
        done(`replies delayed by ${Number(arg)} ms`);
      } else if (verb) done(`unknown command "${verb}" (allow | unplug | replug | delay <ms>)`);
    }
  };
  process.stdin.on('data', onData);
  return () => {
    process.stdin.off('data', onData);
    // Reading stdin keeps the process alive; let it go so the command can exit.
    process.stdin.destroy();
  };
}

function parseInteger(flag: string, text: string, max: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new CliError('INVALID_ARGUMENT', `${flag} ${JSON.stringify(text)} is not acceptable`, 2);
  }
  return value;
}

// `tandem phone-sim`: runs the simulated Android phone in the foreground so a developer can
// `adb connect` to it. The sim is test tooling, so it is imported only when this command runs.
import type { Command } from 'commander';
import type { IdentityOverrides, PhoneSimProfileName } from '../../../phone-sim/index.js';
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

/** What commander parses: the identity flags are the sim's overrides, the rest is text. */
interface PhoneSimCommandOptions extends IdentityOverrides {
  profile: string;
  port: string;
  unauthorized?: boolean;
  replyDelay: string;
}

export function register(program: Command): void {
  program
    .command('phone-sim')
    .description('Run a simulated Android phone that adb can connect to (for tests and demos)')
    .option('--profile <name>', `one of: ${PHONE_SIM_PROFILES.join(', ')}`, 'android-10')
    .option('--imei <digits>', 'IMEI: 15 digits, Luhn check digit last (default: one per profile)')
    .option('--imei2 <digits>', 'second SIM IMEI (makes the phone dual-SIM)')
    .option('--serial <serial>', 'ro.serialno')
    .option('--model <model>', 'ro.product.model')
    .option('--manufacturer <name>', 'ro.product.manufacturer')
    .option('--brand <name>', 'ro.product.brand')
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
  const { startPhoneSim, profileSummary, isLuhnValid, PhoneSimError } =
    await import('../../../phone-sim/index.js');
  refuseInvalidImeis(options, isLuhnValid);
  // What is left besides the flags read above is the identity: the sim checks each override.
  const { profile: _profile, port: _port, replyDelay: _replyDelay, ...rest } = options;
  const { unauthorized, ...identity } = rest;
  let sim;
  try {
    sim = await startPhoneSim({
      ...identity,
      profile,
      port,
      replyDelayMs,
      unauthorized: unauthorized === true,
    });
  } catch (error) {
    // A malformed option is a usage error, like a bad --profile.
    if (error instanceof PhoneSimError && error.code === 'PHONE_SIM_INVALID_OPTION') {
      throw new CliError(error.code, error.message, 2);
    }
    throw error;
  }
  sim.on('log', (line) => process.stderr.write(`phone-sim: ${line}\n`));
  const props = sim.props;
  process.stdout.write(
    [
      `profile ${sim.profile}: ${profileSummary(sim.profile)}`,
      `model ${props['ro.product.model']}, Android ${props['ro.build.version.release']}`,
      `manufacturer ${props['ro.product.manufacturer']}, brand ${props['ro.product.brand']}`,
      `listening on ${sim.adbSerial}`,
      `attach it with: adb connect ${sim.adbSerial}`,
      '',
    ].join('\n'),
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

/**
 * The sim's API takes any digits (tests need broken IMEIs), but a person typing one wants a phone
 * with a real one. The digits are never quoted back: an IMEI identifies a phone.
 */
function refuseInvalidImeis(
  options: PhoneSimCommandOptions,
  isLuhnValid: (digits: string) => boolean,
): void {
  for (const [flag, imei] of [
    ['--imei', options.imei],
    ['--imei2', options.imei2],
  ] as const) {
    if (imei !== undefined && !isLuhnValid(imei)) {
      throw new CliError(
        'PHONE_SIM_INVALID_OPTION',
        `${flag} is not a valid IMEI: it needs 15 digits, the last one the Luhn check digit`,
        2,
      );
    }
  }
}

function parseInteger(flag: string, text: string, max: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new CliError('INVALID_ARGUMENT', `${flag} ${JSON.stringify(text)} is not acceptable`, 2);
  }
  return value;
}

// `tandem doctor`: the health of the data folder (writable, hash key, agent database integrity,
// server account). `--repair` backs a broken database up next to it and starts a fresh store.
import type { Command } from 'commander';
import type { DoctorReport } from '../../runtime/doctor.js';
import { CliError } from '../cli-error.js';
import type { ErrorCode } from '../../../protocol/errors/index.js';
import { dataDirFrom, dataOptionHelp } from '../cli-options.js';

interface DoctorOptions {
  data?: string;
  repair?: boolean;
  server?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('doctor')
    .description(
      'Check the data folder (database integrity, account, key); --repair backs up a broken database and starts afresh',
    )
    .option('--data <dir>', dataOptionHelp)
    .option(
      '--repair',
      'move a broken agent.sqlite aside (agent.sqlite.corrupt-<time>), start a fresh store, register a new account',
    )
    .option('--server <url>', 'with --repair: register the new account on this pairing server')
    .option('--json', 'print the report as one JSON object')
    // The store and the embedded server are loaded on demand: `tandem --help` loads neither.
    .action(async (options: DoctorOptions) => {
      const dataDir = dataDirFrom(options);
      if (!options.repair) {
        const { inspectDataDir } = await import('../../runtime/doctor.js');
        const report = inspectDataDir(dataDir);
        print(options.json ? JSON.stringify(report) : describe(report));
        const problem = report.checks.find((check) => !check.ok);
        if (problem) {
          // The check's code is the caught error's own (a registered code), passed on as it is.
          const code = (problem.code ?? 'DATABASE_CORRUPT') as ErrorCode;
          throw new CliError(code, `${problem.name}: see above`);
        }
        return;
      }
      const { repairDataDir } = await import('../../runtime/doctor-repair.js');
      const result = await repairDataDir(dataDir, { serverUrl: options.server });
      if (options.json) return print(JSON.stringify(result));
      const lines = [describe(result.before)];
      if (!result.repaired) lines.push('Nothing to repair.');
      else {
        lines.push(`Repaired. Kept the old files as: ${result.backups.join(', ')}`);
        lines.push(...result.expect);
      }
      print(lines.join('\n'));
    });
}

function describe(report: DoctorReport): string {
  const lines = [`Data folder ${report.dataDir}`];
  for (const check of report.checks) {
    const state = check.ok ? 'ok' : `PROBLEM [${check.code ?? 'UNKNOWN'}]`;
    lines.push(`  ${check.name.padEnd(12)} ${state}: ${check.detail}`);
  }
  if (!report.healthy) lines.push('Run `tandem doctor --repair` to back up and start afresh.');
  return lines.join('\n');
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

// `tandem doctor`: the health of the data folder (writable, hash key, agent database integrity,
// server account). `--repair` backs a broken database up next to it and starts a fresh store.
import type { Command } from 'commander';
import type { DoctorReport } from '../../runtime/doctor.js';
import { CliError } from '../cli-error.js';
import type { ErrorCode } from '../../../protocol/errors/index.js';
import { dataDirFrom, dataOptionHelp } from '../cli-options.js';
import { commandWords, type CommandWords } from '../../../protocol/i18n/cli-command-words.js';
import { padColumns } from '../../../protocol/i18n/format.js';

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
        const words = await wordsFor(dataDir);
        print(options.json ? JSON.stringify(report) : describe(report, words));
        const problem = report.checks.find((check) => !check.ok);
        if (problem) {
          // The check's code is the caught error's own (a registered code), passed on as it is.
          const code = (problem.code ?? 'DATABASE_CORRUPT') as ErrorCode;
          throw new CliError(code, words.seeAbove(words.checks[problem.name] ?? problem.name));
        }
        return;
      }
      const { repairDataDir } = await import('../../runtime/doctor-repair.js');
      const result = await repairDataDir(dataDir, { serverUrl: options.server });
      if (options.json) return print(JSON.stringify(result));
      const words = await wordsFor(dataDir);
      const lines = [describe(result.before, words)];
      if (!result.repaired) lines.push(words.nothingToRepair);
      else {
        lines.push(words.repaired(result.backups.join(', ')));
        const { account } = result;
        lines.push(
          account?.registered ? words.newAccount : words.accountLater(account?.code ?? 'INTERNAL'),
          words.boundBefore,
          words.neverPaired,
        );
      }
      print(lines.join('\n'));
    });
}

type DoctorWords = CommandWords['doctor'];

/** The person's words (cli-language.ts), loaded on demand. */
async function wordsFor(dataDir: string): Promise<DoctorWords> {
  const { cliWords } = await import('../cli-language.js');
  return cliWords(dataDir).words.commands.doctor;
}

/**
 * The report for a person. English shows each check's own detail (what --json holds, naming the
 * files); another language says what was found in its words, the code kept for a problem.
 */
function describe(report: DoctorReport, words: DoctorWords): string {
  const english = words === commandWords.en.doctor;
  const lines = [words.folder(report.dataDir)];
  for (const check of report.checks) {
    const state = check.ok ? words.ok : words.problem(check.code ?? 'UNKNOWN');
    const name = words.checks[check.name] ?? check.name;
    const detail = english ? check.detail : words.finding(check.finding);
    lines.push(words.line(padColumns(name, 12), state, detail));
  }
  if (!report.healthy) lines.push(words.repairHint);
  return lines.join('\n');
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

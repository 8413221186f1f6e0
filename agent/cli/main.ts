// The `tandem` command line: one program, one file per subcommand under ./commands.
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import { CliError } from './cli-error.js';

export function buildProgram(): Command {
  const program = new Command('tandem')
    .description('Tandem: mirror your PC browsing session to an Android phone plugged in by USB.')
    .version(process.env.npm_package_version ?? '0.1.0')
    .option('--lang <language>', 'the language of the words for this command: en or zh-CN')
    .showHelpAfterError()
    .exitOverride()
    .hook('preAction', (command, action) => {
      const { lang } = command.opts<{ lang?: string }>();
      if (lang) process.env.TANDEM_LANG = lang;
      dataOption = action.opts<{ data?: string }>().data;
    });
  for (const register of commands) register(program);
  return program;
}

/** The running command's --data, for the language of its error line. */
let dataOption: string | undefined;

/**
 * The sentence of an error line: the error's own message in English (it names the folder or the
 * argument), the person's words in another language where the catalogue has them for its code.
 */
async function errorSentence(error: { code: string; message: string }): Promise<string> {
  try {
    const { cliWords } = await import('./cli-language.js');
    const { resolveDataDir } = await import('../../db/data-dir.js');
    const { locale, words } = cliWords(resolveDataDir({ explicit: dataOption }));
    if (locale === 'en') return error.message;
    return words.commands.errors[error.code] ?? error.message;
  } catch {
    return error.message;
  }
}

/** Runs the CLI and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError) {
      process.stderr.write(`tandem: ${await errorSentence(error)} [${error.code}]\n`);
      return error.exitCode;
    }
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (typeof code !== 'string') process.stderr.write(`tandem: ${message}\n`);
    else process.stderr.write(`tandem: ${await errorSentence({ code, message })} [${code}]\n`);
    return 1;
  }
}

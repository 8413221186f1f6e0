// `tandem send`: asks the running agent to send the PC page's selection, a link, an image or text to
// a connected phone (or to every connected phone); the phone page's inbox shows it.
import type { Command } from 'commander';
import { callAgent } from '../../control/control-client.js';
import type { SendRequest, SendResult } from '../../session/send-request.js';
import { CliError } from '../cli-error.js';
import { dataDirFrom, dataOptionHelp } from '../cli-options.js';
import { toUrl } from './open.js';
import { commandWords, type CommandWords } from '../../../protocol/i18n/cli-command-words.js';
import { formatBytes } from '../../../protocol/i18n/format.js';
import type { Locale } from '../../../protocol/i18n/locale.js';

export interface SendOptions {
  selection?: boolean;
  link?: boolean | string;
  image?: string;
  text?: string;
  to?: string;
  data?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('send')
    .description('Send the selection, a link, an image or text from the PC to a connected phone')
    .option('--selection', 'the text selected in the page the phones see')
    .option('--link [url]', 'a link: the given URL, or the address (and title) of the shown page')
    .option('--image <url>', 'an image fetched from an http(s) URL (image/*, at most 16 MB)')
    .option('--text <text>', 'the given text')
    .option('--to <phone>', 'one phone, by adb serial or masked identity (default: every phone)')
    .option('--json', 'print the result as JSON')
    .option('--data <dir>', dataOptionHelp)
    .addHelpText(
      'after',
      '\nGive exactly one of --selection, --link, --image, --text. Examples:\n' +
        '  tandem send --selection\n' +
        '  tandem send --link                      # the page the phone mirrors\n' +
        '  tandem send --link https://example.com/ --to 127.0.0.1:5555\n' +
        '  tandem send --image https://example.com/cat.png\n' +
        '  tandem send --text "call me back"',
    )
    .action(async (options: SendOptions) => {
      const request = toSendRequest(options);
      const { sent } = await callAgent<{ sent: SendResult }>(dataDirFrom(options), '/api/send', {
        method: 'POST',
        body: request,
        timeoutMs: 60_000,
      });
      if (options.json) return void process.stdout.write(`${JSON.stringify(sent)}\n`);
      const { cliWords } = await import('../cli-language.js');
      const { locale, words } = cliWords(dataDirFrom(options));
      process.stdout.write(`${describeSent(sent, words.commands.send, locale)}\n`);
    });
}

/** The request the flags ask for; none or several kinds is INVALID_ARGUMENT (exit code 2). */
export function toSendRequest(options: SendOptions): SendRequest {
  const kinds = (['selection', 'link', 'image', 'text'] as const).filter(
    (kind) => options[kind] !== undefined && options[kind] !== false,
  );
  if (kinds.length !== 1) {
    throw new CliError(
      'INVALID_ARGUMENT',
      'give exactly one of --selection, --link [url], --image <url>, --text <text>',
      2,
    );
  }
  const to = options.to ? { to: options.to } : {};
  switch (kinds[0]) {
    case 'selection':
      return { kind: 'selection', ...to };
    case 'link':
      return typeof options.link === 'string'
        ? { kind: 'link', url: toUrl(options.link), ...to }
        : { kind: 'link', ...to };
    case 'image':
      return { kind: 'image', url: toUrl(options.image as string), ...to };
    default:
      if (!options.text) throw new CliError('INVALID_ARGUMENT', '--text needs some text', 2);
      return { kind: 'text', text: options.text, ...to };
  }
}

/** One line for a person: what went where (masked identities only), sizes in KB or MB. */
export function describeSent(
  sent: SendResult,
  words: CommandWords['send'] = commandWords.en.send,
  locale: Locale = 'en',
): string {
  const what = {
    selection: () => words.selection(sent.size),
    text: () => words.text(sent.size),
    link: () => words.link(sent.url ?? ''),
    image: () => words.image(formatBytes(sent.size, locale)),
  }[sent.kind]();
  const phones = sent.phones.map((p) => (p.masked ? `${p.serial} (${p.masked})` : p.serial));
  return words.sent(what, phones.join(', '));
}

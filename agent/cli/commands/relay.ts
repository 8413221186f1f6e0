// `tandem relay`: joins a session as one terminal. Each stdin line is one JSON message to send
// (`text` and `link` may stand for `data.text` and `data.link`); each message received is one JSON
// line on stdout; status goes to stderr. A refusal exits non-zero.
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { RelayClient } from '../../../relay-client/relay-client.js';
import type { SocketLike } from '../../../relay-client/socket-like.js';
import { CliError } from '../cli-error.js';
import type { ErrorCode } from '../../../protocol/errors/index.js';

interface RelayOptions {
  url: string;
  role: string;
  e2e: boolean;
}

export function register(program: Command): void {
  program
    .command('relay')
    .description(
      'Join a session: stdin lines are sent, received messages are printed as JSON lines',
    )
    .requiredOption('--url <session-url>', 'the session URL (with its #key)')
    .requiredOption('--role <pc|phone>', 'which terminal this is')
    .option('--no-e2e', 'accept a URL without #key and send readable payloads')
    .addHelpText(
      'after',
      [
        '',
        'Each stdin line is one message of docs/protocol.md, for example:',
        '  {"type":"text","text":"hello"}                (short for data.text)',
        '  {"type":"link","url":"https://example.org/"}  (short for data.link)',
        '  {"type":"op.back"}',
        'End of input (or Ctrl-C) waits until the relay holds everything, then leaves.',
      ].join('\n'),
    )
    .action(async (options: RelayOptions) => {
      if (options.role !== 'pc' && options.role !== 'phone') {
        throw new CliError('INVALID_ARGUMENT', '--role must be pc or phone', 2);
      }
      // Loaded on demand: `tandem --help` loads no socket library or schemas.
      const { WebSocket } = await import('ws');
      const { RelayClient } = await import('../../../relay-client/relay-client.js');
      const client = new RelayClient({
        url: options.url,
        role: options.role,
        requireSealing: options.e2e,
        createSocket: (url) =>
          new WebSocket(url, { perMessageDeflate: false }) as unknown as SocketLike,
      });
      await run(client);
    });
}

async function run(client: RelayClient): Promise<void> {
  const { RelayMessageSchema } = await import('../../../protocol/relay-messages.js');
  const stderr = (line: string) => process.stderr.write(`tandem relay: ${line}\n`);
  const refused = new Promise<never>((_resolve, reject) => {
    client.on('status', (status, detail) => {
      stderr(`${status}${detail ? ` (${detail.code})` : ''}`);
      if (status === 'refused') {
        // The relay's own code, passed on as it came over the wire.
        const code = (detail?.code ?? 'SESSION_NOT_MATCHED') as ErrorCode;
        reject(new CliError(code, `the relay refused to join: ${detail?.message ?? code}`));
      }
    });
  });
  refused.catch(() => {});
  client.on('peer', (state, detail) =>
    stderr(`peer ${detail.role} ${state}${detail.reason ? ` (${detail.reason})` : ''}`),
  );
  client.on('error', (error) => stderr(`${error.code}: ${error.message}`));
  client.on('message', (message) => process.stdout.write(`${JSON.stringify(message)}\n`));
  client.start();

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  // Ctrl-C ends input like end-of-file does: flush, then leave the session on purpose.
  process.once('SIGINT', () => lines.close());
  const sending = (async () => {
    for await (const line of lines) {
      if (line.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        stderr('MESSAGE_INVALID: a line is not JSON, skipped');
        continue;
      }
      const message = RelayMessageSchema.safeParse(expandShortType(json));
      if (!message.success) {
        stderr(
          `MESSAGE_INVALID: ${message.error.issues[0]?.message ?? 'not a relay message'}, skipped`,
        );
        continue;
      }
      await client.send(message.data);
    }
    // stdin ended: wait until the relay holds everything, then leave on purpose.
    await client.flush();
  })();
  try {
    await Promise.race([sending, refused]);
  } finally {
    client.close();
    // A refusal can come while stdin is still open: stop reading so the process can exit.
    lines.close();
    process.stdin.destroy();
  }
}

/** What a person types at the prompt: `text` and `link` stand for `data.text` and `data.link`. */
const SHORT_TYPES: Readonly<Record<string, string>> = { text: 'data.text', link: 'data.link' };

function expandShortType(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  const type = (json as { type?: unknown }).type;
  const full =
    typeof type === 'string' && Object.hasOwn(SHORT_TYPES, type) ? SHORT_TYPES[type] : undefined;
  return full === undefined ? json : { ...json, type: full };
}

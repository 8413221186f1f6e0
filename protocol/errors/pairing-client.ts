// The agent's client of the pairing server: its own codes when the server did not answer with one.
import { defineCatalogue, type CodeOf } from '../coded-error.js';

export const pairingClientErrors = defineCatalogue({
  room: 'pairing-client',
  intro: [
    `The agent's \`PairingClient\` (agent/pairing/) raises \`PairingClientError\` with the server's code
above when the server answered, or one of these:`,
  ],
  columns: { action: 'What the agent does' },
  codes: {
    SERVER_UNREACHABLE: {
      name: 'ServerUnreachable',
      when: 'No connection (refused, DNS, reset), after one immediate retry.',
      action: 'Shows `failed` with a retry (backoff).',
    },
    SERVER_TIMEOUT: {
      name: 'ServerTimeout',
      when: 'No answer within the client timeout (5 s by default).',
      action: 'Same.',
    },
    ABORTED: {
      name: 'Aborted',
      when: "The caller's AbortSignal fired (e.g. the phone was unplugged).",
      action: 'Nothing: the caller asked for it.',
    },
    BAD_RESPONSE: {
      name: 'BadResponse',
      when: "The answer is not the protocol's JSON (wrong server, proxy error page).",
      action: 'Check `--server URL`.',
    },
    NO_ACCOUNT: {
      name: 'NoAccount',
      when: 'An authenticated call before a shadow account exists.',
      action: 'Programming error: call `ensureAccount` first.',
    },
    INVALID_SERVER_URL: {
      name: 'InvalidServerUrl',
      when: 'The server URL is not http(s), or carries user:password.',
      action: 'Fix `--server URL`.',
    },
  },
});

export type PairingClientErrorCode = CodeOf<typeof pairingClientErrors>;

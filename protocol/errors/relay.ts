// The relay: refusals of the WebSocket upgrade (HTTP), errors on an open connection (close codes),
// and the client library's own failures.
import { defineCatalogue, type CodeOf } from '../coded-error.js';
import { RelayCloseCode } from '../relay-close-codes.js';

export const relayErrors = defineCatalogue({
  room: 'relay',
  heading: 'Relay (server/relay, relay-client/, the phone page)',
  intro: [
    `Upgrade refusals are HTTP answers to the WebSocket upgrade with the code in the JSON body and the
\`X-Tandem-Error\` header; browsers ask \`POST /v1/relay/probe\` for the same answer. Errors on an open
connection come as an \`error\` frame and a close code (see \`docs/protocol.md\`).`,
  ],
  columns: { status: 'HTTP / close', action: 'What the person can do' },
  codes: {
    PROTOCOL_VERSION_MISMATCH: {
      status: 426,
      close: RelayCloseCode.Invalid,
      when: 'The terminal speaks another relay protocol version.',
      action: 'Update the app or reload the phone page.',
    },
    SESSION_NOT_MATCHED: {
      status: 403,
      when: 'Page id, secret, role token or key do not match an open session. Deliberately says nothing about which part.',
      action: 'Open the link the PC shows again, or create a new session.',
    },
    SESSION_EXPIRED: {
      status: 410,
      close: RelayCloseCode.Expired,
      when: 'The session is past its lifetime.',
      action: 'Create a new session.',
    },
    SESSION_FULL: {
      status: 409,
      when: 'A live terminal already holds this role (a third terminal), or another connection took this place. An away one is replaced instead.',
      action: 'Close the other page; a dead one is dropped within 2 heartbeats (~30 s).',
    },
    ORIGIN_NOT_ALLOWED: {
      status: 403,
      when: "A browser page of another origin tried to join: the Origin must be one of the server's own (an allowed Host name, see `HOST_NOT_ALLOWED`) or in `allowedOrigins`; matching the `Host` header it sent is not enough.",
      action: 'Open the session URL itself.',
    },
    RELAY_BAD_REQUEST: {
      status: 400,
      when: 'The upgrade lacks `v`, `page`, `role`, or has both or neither of `k` and `t`.',
      action: 'Fix the client.',
    },
    SERVER_DRAINING: {
      status: 503,
      close: RelayCloseCode.ServerShutdown,
      when: 'The server is draining (SIGTERM): it closes every terminal with 4503 and refuses new upgrades with 503 until it exits.',
      action:
        'None: the terminal reconnects by itself; behind a load balancer the next attempt reaches another node.',
    },
    RELAY_UNAVAILABLE: {
      status: 503,
      close: RelayCloseCode.ServerShutdown,
      when: 'The relay runs on several nodes (`--redis`) and cannot reach Redis now, or Redis lost its data and the relay asks the terminal to join again.',
      action: 'None: the terminal reconnects and resumes once Redis answers (within seconds).',
    },
    MESSAGE_INVALID: {
      close: RelayCloseCode.Invalid,
      when: "A frame is not JSON, does not fit the schema (an unknown type, the other mode), skips a seq, or acks ahead; or a peer's message is invalid.",
      action: 'Fix the client; the phone page reconnects by itself.',
    },
    MESSAGE_TOO_LARGE: {
      close: RelayCloseCode.TooLarge,
      when: 'A frame is above `maxPayload` (1 MiB): the relay closes with 1009. The reference client refuses to send such a message instead.',
      action: 'Send files through the chunked file messages.',
    },
    RELAY_FLOW_CONTROL: {
      close: RelayCloseCode.Invalid,
      when: 'A terminal kept sending far past the window while the relay withheld acks.',
      action: 'Fix the client: wait for acks.',
    },
    RELAY_RATE_LIMITED: {
      close: RelayCloseCode.Invalid,
      when: 'More messages or bytes per second than allowed, for longer than 10 s of throttling.',
      action: 'Slow down.',
    },
    RELAY_OVER_BUDGET: {
      close: RelayCloseCode.OverBudget,
      when: 'The relay was over its global memory budget and ended this session: its peer was absent or did not read (docs/operations.md).',
      action: 'Join again; reload the phone page if it never joined.',
    },
    HEARTBEAT_TIMEOUT: {
      shown: '(dropped)',
      when: "The relay dropped a connection silent for two pings (no close frame), or a client's watchdog heard nothing for 2.5 heartbeats (4408).",
      action: 'None: the terminal reconnects and resumes.',
    },
    E2E_DECRYPT_FAILED: {
      shown: '(client)',
      when: 'A payload did not open with the key of the URL fragment (another key, or tampering).',
      action: 'Open the exact URL the PC shows, fragment included.',
    },
    FILE_TOO_LARGE: {
      shown: '(client)',
      when: 'A shared file is above 64 MiB.',
      action: 'Share a smaller file.',
    },
    FILE_CHECKSUM_MISMATCH: {
      shown: '(client)',
      when: 'A received file does not hash to the SHA-256 its sender announced.',
      action: 'Send it again.',
    },
    SESSION_URL_INVALID: {
      shown: '(client)',
      when: 'A session URL cannot be parsed, or it has no `#key` while E2E is required.',
      action: 'Copy the whole URL.',
    },
    CONNECTION_CLOSED: {
      shown: '(client)',
      when: 'The client was closed, or the relay closed it with an error frame.',
      action: 'Join again.',
    },
  },
  shared: ['HOST_NOT_ALLOWED'],
});

export type RelayErrorCode = CodeOf<typeof relayErrors>;

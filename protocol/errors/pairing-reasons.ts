// Why a phone is `failed` (or waiting) in `tandem status` and the UI. Some reasons carry the code of
// the error behind them (`shared`): same meaning, told from the pairing's side.
import { defineCatalogue, type CodeOf } from '../coded-error.js';

export const pairingReasons = defineCatalogue({
  room: 'pairing-reasons',
  heading: 'Agent: pairing states, control API and history (agent/)',
  intro: [
    `A phone in state \`failed\` (or waiting in \`detected\`) carries one of these reasons in \`tandem status\`
and the UI; \`failed\` ones are retried with capped backoff (1 s doubling to 30 s), except
\`IDENTITY_UNAVAILABLE\`, \`DATABASE_CORRUPT\` and \`DATABASE_READ_ONLY\` (a retry cannot fix them).`,
  ],
  columns: { code: 'Reason', action: 'What the person can do' },
  codes: {
    IDENTITY_TIMEOUT: {
      owner: 'native-bridge',
      when: 'The phone did not answer the identity read in time.',
      action: 'Unlock the phone; replug.',
    },
    IDENTITY_UNAVAILABLE: {
      owner: 'native-bridge',
      when: 'No IMEI, serial or android_id could be read.',
      action: 'This phone cannot be paired automatically.',
    },
    DEVICE_UNAUTHORIZED: {
      owner: 'native-bridge',
      when: 'USB debugging is not allowed for this computer.',
      action: 'Tap "Allow" on the phone.',
    },
    DEVICE_OFFLINE: {
      when: 'adb reports the phone offline, or it went away mid-step.',
      action: 'Replug the cable.',
    },
    SERVER_UNREACHABLE: {
      owner: 'pairing-client',
      when: 'The pairing server is down or too slow (watched while a phone is connected), or its store is (`STORE_UNAVAILABLE`)',
      action: 'Nothing: Tandem retries and reconnects by itself; check `--server`.',
    },
    SERVER_ERROR: {
      when: 'The pairing server refused a request with another code.',
      action: "See the server's log.",
    },
    DATABASE_CORRUPT: {
      owner: 'db',
      when: 'The agent\'s database failed under the step (see "Local data").',
      action: 'Stop the agent, `tandem doctor --repair`, start it. Not retried.',
    },
    DATABASE_READ_ONLY: {
      owner: 'db',
      when: 'The data folder refused a write the step needed.',
      action: 'Make the folder writable, restart the agent. Not retried.',
    },
    ADB_UNAVAILABLE: {
      when: 'The adb server cannot be reached, or adb is not installed.',
      action: 'Install adb; Tandem retries.',
    },
    PHONE_ANSWER_INVALID: {
      when: "adb refused a step, or the phone's answer was malformed or over 1 MiB.",
      action: 'Nothing: Tandem retries; replug the cable if it stays.',
    },
    SESSION_FAILED: {
      when: 'The phone refused to open the session page (`am start`).',
      action: 'Unlock the phone; Tandem retries.',
    },
    SESSION_LOST: {
      when: 'The relay ended a live session (the server restarted, the session expired).',
      action: 'Nothing: Tandem pairs again by itself (a history hit) and reopens the page.',
    },
    PAUSED: { when: 'Automatic pairing is paused.', action: "`tandem resume` or the UI's button." },
    RELEASED: {
      when: "This computer released the phone's binding.",
      action: 'Replug to pair again.',
    },
    SESSION_CLOSED: {
      when: 'The phone closed the Tandem page.',
      action: 'Replug to open it again.',
    },
    BINDING_MOVED: {
      owner: 'server',
      when: 'The phone was moved to another computer by a takeover confirmed on the phone (state `bound-elsewhere`); this computer forgot it.',
      action:
        'Nothing, if that was you. To use it here again, "Use it on this computer" and confirm on the phone.',
    },
    INTERNAL: { owner: 'server', when: 'A bug.', action: "Report it with the agent's log." },
  },
});

export type PairingReason = CodeOf<typeof pairingReasons>;

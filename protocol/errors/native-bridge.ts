// native-bridge: the phone at the edge (adb, the identity read, phone actions).
import { defineCatalogue, type CodeOf } from '../coded-error.js';

export const nativeBridgeErrors = defineCatalogue({
  room: 'native-bridge',
  heading: 'native-bridge (the phone at the edge)',
  columns: { action: 'What the person can do' },
  codes: {
    ADB_NOT_FOUND: {
      name: 'AdbNotFound',
      when: 'No adb in `$ADB`, `PATH` or the usual platform-tools folders.',
      action:
        "Install adb (`sudo apt-get install adb`, `brew install --cask android-platform-tools`, or Google's platform-tools on Windows) or set `ADB=/path/to/adb`.",
    },
    ADB_SERVER_UNREACHABLE: {
      name: 'AdbServerUnreachable',
      when: 'The adb server cannot be reached and could not be started.',
      action: 'Check that nothing else holds the adb port; Tandem retries by itself.',
    },
    ADB_TIMEOUT: {
      name: 'AdbTimeout',
      when: 'One adb call took longer than its timeout (a phone that does not answer, or an adb server that accepts and hangs).',
      action:
        'Unlock the phone; replug the cable; if every phone times out, restart adb (`adb kill-server`): Tandem reconnects by itself.',
    },
    ADB_COMMAND_FAILED: {
      name: 'AdbCommandFailed',
      when: 'adb refused a command for a reason Tandem does not recognise; the message quotes adb.',
      action: 'Replug the phone; report the message if it persists.',
    },
    ADB_OUTPUT_MALFORMED: {
      name: 'AdbOutputMalformed',
      when: 'adb printed something the parsers do not understand.',
      action: 'Report it with `tandem devices --json`.',
    },
    ADB_OUTPUT_TOO_LARGE: {
      name: 'AdbOutputTooLarge',
      when: 'One `adb shell` call printed over 1 MiB: Tandem stopped reading it and closed the stream.',
      action:
        'None if the phone is still identified (the identity read skips that source); else report the model.',
    },
    DEVICE_GONE: {
      name: 'DeviceGone',
      when: 'The phone went away during an operation.',
      action: 'Plug it in again.',
    },
    DEVICE_UNAUTHORIZED: {
      name: 'DeviceUnauthorized',
      when: 'The phone has not allowed USB debugging for this computer.',
      action: 'Unlock the phone and tap "Allow" on the USB debugging prompt.',
    },
    IDENTITY_TIMEOUT: {
      name: 'IdentityTimeout',
      when: "Reading the phone's identity took longer than its bound (3 s).",
      action: 'Unlock the phone; replug.',
    },
    IDENTITY_UNAVAILABLE: {
      name: 'IdentityUnavailable',
      when: 'No IMEI, serial or android_id could be read.',
      action: 'The phone cannot be paired automatically.',
    },
    PARCEL_EXCEPTION: {
      name: 'ParcelException',
      when: 'A `service call` answered with an exception.',
      action: 'Internal: the reader falls back to the next source.',
    },
    PHONE_ACTION_FAILED: {
      name: 'PhoneActionFailed',
      when: 'The phone refused `am start` or `adb reverse`.',
      action: 'Unlock the phone and try again.',
    },
    INVALID_ARGUMENT: {
      name: 'InvalidArgument',
      when: 'A URL, port or serial given to a phone action is not acceptable.',
      action: 'Fix the argument.',
    },
  },
});

export type NativeBridgeErrorCode = CodeOf<typeof nativeBridgeErrors>;

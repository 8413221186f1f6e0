// Opens a web page in the phone's browser: `am start -a android.intent.action.VIEW -d <url>`.
import type { Readable } from 'node:stream';
import { toBridgeError } from '../adb/adb-errors.js';
import { closeOnAbort, withAdbTimeout } from '../adb/adb-timeout.js';
import { MAX_SHELL_OUTPUT_BYTES, readCapped } from '../adb/capped-read.js';
import { BridgeError, BridgeErrorCode } from '../errors.js';
import { redactQuote } from '../redact.js';
import { shellQuote } from './shell-quote.js';

/** The part of adbkit's client this action uses (tests may pass a fake). */
export interface ShellClient {
  getDevice(serial: string): { shell(command: string): PromiseLike<Readable> };
}

export interface OpenUrlOptions {
  /** Bound on the whole call (default 10 s); exceeded → AdbTimeout. */
  timeoutMs?: number;
}

const MAX_URL_LENGTH = 4000;

/** Throws InvalidArgument unless `url` is an absolute http(s) URL that can travel on one line. */
export function validatePhoneUrl(url: string): void {
  const invalid = (why: string) =>
    new BridgeError(BridgeErrorCode.InvalidArgument, `Cannot open this URL on the phone: ${why}.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(url)) throw invalid('it contains control characters');
  if (url.length > MAX_URL_LENGTH) throw invalid(`it is longer than ${MAX_URL_LENGTH} characters`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('it is not an absolute URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw invalid(`only http and https are allowed, not ${parsed.protocol}`);
  }
}

/**
 * Browsers (Chrome, and most others on Android) reuse the tab they opened for an app that names
 * itself in this extra: a replug loads the new session page in Tandem's tab, not a new one.
 */
export const BROWSER_APP_ID_EXTRA = 'com.android.browser.application_id';
export const TANDEM_APP_ID = 'app.tandem.desktop';

/** The exact shell command sent to the phone; the URL is passed verbatim, not re-encoded. */
export function amStartViewCommand(url: string): string {
  return (
    `am start -a android.intent.action.VIEW -d ${shellQuote(url)}` +
    ` --es ${BROWSER_APP_ID_EXTRA} ${TANDEM_APP_ID}`
  );
}

export async function openUrlOnPhone(
  client: ShellClient,
  serial: string,
  url: string,
  options: OpenUrlOptions = {},
): Promise<void> {
  validatePhoneUrl(url);
  let output: string;
  try {
    output = await withAdbTimeout(
      `am start on ${serial}`,
      async (signal) => {
        const stream = await client.getDevice(serial).shell(amStartViewCommand(url));
        closeOnAbort(signal, () => stream.destroy());
        const bytes = await readCapped(stream, MAX_SHELL_OUTPUT_BYTES, `am start on ${serial}`);
        return bytes.toString('utf8');
      },
      { timeoutMs: options.timeoutMs },
    );
  } catch (error) {
    throw toBridgeError(error, BridgeErrorCode.PhoneActionFailed, `am start on ${serial} failed`);
  }
  checkAmOutput(output, url, serial);
}

/**
 * The lines am prints when it refuses: "Error: …", "Exception occurred while executing …" and a
 * Java exception class (java.lang.SecurityException: …). Only a line's start counts: am echoes the
 * URL inside "Starting: Intent { dat=… }", and a URL may well contain "Exception".
 */
const AM_FAILURE_LINE =
  /^\s*(?:Error:|Exception occurred\b|(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error)\b)/;

/** Throws PhoneActionFailed when am refused; "Starting: Intent { … }" alone is a success. */
export function checkAmOutput(output: string, url: string, serial: string): void {
  const failure = output.split(/\r?\n/).find((line) => AM_FAILURE_LINE.test(line));
  if (failure === undefined) return;
  // am echoes the intent, and a session URL carries its secret: keep it out of the message.
  const line = redactQuote(failure.split(url).join('<url>').trim());
  throw new BridgeError(
    BridgeErrorCode.PhoneActionFailed,
    `The phone ${serial} refused to open the page: ${line}`,
  );
}

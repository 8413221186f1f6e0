// Turns what adbkit throws into BridgeErrors with stable codes, so callers switch on codes, not text.
import { BridgeError, BridgeErrorCode } from '../errors.js';
import { redactQuote } from '../redact.js';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/** Maps an adbkit/adb failure; anything unrecognised gets `fallback`. `context` starts the message. */
export function toBridgeError(
  error: unknown,
  fallback: BridgeErrorCode,
  context: string,
): BridgeError {
  if (error instanceof BridgeError) return error;
  const detail = describe(error);
  const message = `${context}: ${detail}`;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) {
    return new BridgeError(BridgeErrorCode.AdbServerUnreachable, message, { cause: error });
  }
  // adb's own FAIL texts (adbkit wraps them as "Failure: '<text>'").
  if (/device unauthorized|still authorizing/i.test(detail)) {
    return new BridgeError(BridgeErrorCode.DeviceUnauthorized, message, { cause: error });
  }
  if (
    /device (?:'[^']*' )?not found|device offline|no devices|Premature end of stream/i.test(detail)
  ) {
    return new BridgeError(BridgeErrorCode.DeviceGone, message, { cause: error });
  }
  return new BridgeError(fallback, message, { cause: error });
}

/** adb's text, first line only, digit runs masked (an IMEI must not ride along in a message). */
function describe(error: unknown): string {
  const text = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  return redactQuote(text);
}

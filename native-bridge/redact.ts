// Text from adb or the phone that an error message quotes (adb's FAIL text, am's refusal line) may
// carry an identity: every run of 14 or more digits (IMEI, IMEISV, MEID) is masked to its last four,
// and the quote is cut to a length a person reads.
import { maskIdentity } from './identity/imei.js';

const MAX_QUOTE = 200;

export function redactQuote(text: string): string {
  const short = text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text;
  // Masked after the cut too: a run cut in two must not leave 14 digits either side.
  return short.replace(/\d{14,}/g, maskIdentity).replace(/\d{14,}/g, maskIdentity);
}

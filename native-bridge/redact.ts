// Text from adb or the phone that an error message quotes (adb's FAIL text, am's refusal line) may
// carry an identity: every run of 14 or more digits (IMEI, IMEISV, MEID) is masked to its last four,
// and the quote is cut to a length a person reads.
import { maskIdentity } from '../protocol/identity.js';

const MAX_QUOTE = 200;

export function redactQuote(text: string): string {
  // Masked before the cut: an identity the cut ends in the middle of would keep its first digits,
  // too few to be seen as an identity afterwards.
  const masked = text.replace(/\d{14,}/g, maskIdentity);
  return masked.length > MAX_QUOTE ? `${masked.slice(0, MAX_QUOTE)}…` : masked;
}

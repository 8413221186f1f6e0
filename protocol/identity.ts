// The one vocabulary for a phone's identity, shared by native-bridge (which reads it), db (which
// keeps only its keyed hash), the pairing server (which validates it) and the phone sim (which makes
// valid IMEIs): the kinds, the IMEI's Luhn check digit, its validation, and the masked form.
import { z } from 'zod';

export const IdentityKindSchema = z.enum(['imei', 'serial', 'android_id']);
export type IdentityKind = z.infer<typeof IdentityKindSchema>;

/** What identifies a phone. `value` is sensitive (an IMEI is personal data): never logged or stored. */
export interface RawIdentity {
  kind: IdentityKind;
  value: string;
}

/** A phone's identity as Tandem passes it around: the raw value and its one displayable form. */
export interface PhoneIdentity extends RawIdentity {
  /** `maskIdentity(value)`: the only form that may be shown, logged or written. */
  masked: string;
  /** Every valid IMEI found, slot 0 first (dual-SIM phones have two). Only for kind `imei`. */
  imeis?: string[];
}

/** The only form of an identifier that may be shown or logged: `****` + its last four characters. */
export function maskIdentity(value: string): string {
  return `****${value.slice(-4)}`;
}

/** An identity of the given kind with its masked form. */
export function phoneIdentity(kind: IdentityKind, value: string): PhoneIdentity {
  return { kind, value, masked: maskIdentity(value) };
}

/** Luhn: from the right, double every second digit (subtracting 9 past 9) and add everything. */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum;
}

/** True when the last of the digits is the Luhn check digit of the others (any length). */
export function hasLuhnCheckDigit(digits: string): boolean {
  return luhnSum(digits) % 10 === 0;
}

/** Appends the Luhn check digit to 14 digits, giving a valid 15-digit IMEI. */
export function luhnComplete(fourteenDigits: string): string {
  if (!/^\d{14}$/.test(fourteenDigits)) {
    throw new RangeError(
      `luhnComplete expects exactly 14 digits, got ${fourteenDigits.length} chars`,
    );
  }
  return `${fourteenDigits}${(10 - (luhnSum(`${fourteenDigits}0`) % 10)) % 10}`;
}

/** 15 digits whose last one is the Luhn check digit: the shape of an IMEI. */
export function isLuhnValid(digits: string): boolean {
  return /^\d{15}$/.test(digits) && hasLuhnCheckDigit(digits);
}

// Some phones report placeholders instead of their IMEI; both are Luhn-valid or all zeros.
const PLACEHOLDER_IMEIS = new Set(['000000000000000', '004999010640000']);

/** An IMEI a phone really has: 15 digits, a right Luhn check digit, not a known placeholder. */
export function validateImei(imei: string): boolean {
  return isLuhnValid(imei) && !PLACEHOLDER_IMEIS.has(imei);
}

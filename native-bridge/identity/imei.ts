// An IMEI is 15 digits whose last one is a Luhn check digit; some phones report placeholders.
const PLACEHOLDER_IMEIS = new Set(['000000000000000', '004999010640000']);

export function validateImei(imei: string): boolean {
  if (!/^\d{15}$/.test(imei) || PLACEHOLDER_IMEIS.has(imei)) return false;
  return luhnSum(imei) % 10 === 0;
}

/** Luhn: from the right, double every second digit (subtracting 9 past 9) and add everything. */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum;
}

/** The only form of an identifier that may be shown or logged: `****` + its last four characters. */
export function maskIdentity(value: string): string {
  return `****${value.slice(-4)}`;
}

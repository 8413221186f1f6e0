// IMEIs end with a Luhn check digit; the sim's defaults must be valid ones.

/** Appends the Luhn check digit to 14 digits, giving a valid 15-digit IMEI. */
export function luhnComplete(fourteenDigits: string): string {
  if (!/^\d{14}$/.test(fourteenDigits)) {
    throw new RangeError(
      `luhnComplete expects exactly 14 digits, got ${fourteenDigits.length} chars`,
    );
  }
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let digit = Number(fourteenDigits[i]);
    // Counting from the check digit (position 15), every second digit is doubled.
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return `${fourteenDigits}${(10 - (sum % 10)) % 10}`;
}

export function isLuhnValid(digits: string): boolean {
  return /^\d{15}$/.test(digits) && luhnComplete(digits.slice(0, 14)) === digits;
}

/** The form an IMEI may take in logs and errors: `****` plus the last four digits. */
export function maskImei(imei: string): string {
  return `****${imei.slice(-4)}`;
}

// A hardware serial identifies a phone only when the vendor actually set one.
const PLACEHOLDER_SERIALS = new Set(['unknown', '0123456789abcdef', 'null']);

/** True when `serial` looks like a real hardware serial (not empty, a placeholder or spaced). */
export function validateSerial(serial: string): boolean {
  if (serial === '' || /\s/.test(serial)) return false;
  return !PLACEHOLDER_SERIALS.has(serial.toLowerCase());
}

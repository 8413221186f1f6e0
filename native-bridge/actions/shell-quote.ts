// Quoting for the phone's /system/bin/sh: inside single quotes nothing is special except the quote.

/** Single-quotes `value` for sh, writing each `'` as `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

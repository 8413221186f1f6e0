// adb output arrives with CRLF (pty shells, Windows hosts) and with lines that are not the command's
// answer: the adb client's daemon-start chatter and the device linker's warnings. Parsers see neither.

const NOISE: readonly RegExp[] = [
  /^\* daemon not running[;.]/,
  /^\* daemon started successfully/,
  /^adb server version \(\d+\) doesn't match this client \(\d+\); killing\.\.\./,
  /^WARNING: linker: /,
];

/** Splits adb output into lines (LF, CRLF or CRCRLF), dropping noise lines and trailing CRs. */
export function outputLines(text: string): string[] {
  return text
    .split(/\r*\n/)
    .map((line) => line.replace(/\r+$/, ''))
    .filter((line) => !NOISE.some((pattern) => pattern.test(line)));
}

/** The meaningful lines of adb output, trimmed, empty ones dropped. */
export function meaningfulLines(text: string): string[] {
  return outputLines(text)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

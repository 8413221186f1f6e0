// The legacy `shell:` service has no exit status: a phone unplugged mid-command just closes the
// stream, which reads like a command that printed less. A marker echoed after the command tells a
// complete answer from a cut one. A newline (not `;`) separates them, so a trailing `#` comment in
// the command cannot swallow the echo.
const END_MARKER = ':tandem-shell-end:';

export function withEndMarker(command: string): string {
  return `${command}\necho ${END_MARKER}`;
}

const TRAILING_MARKER = new RegExp(`${END_MARKER}\\r*\\n?$`);

/** The command's own output, or undefined when the marker never arrived (the stream was cut). */
export function stripEndMarker(output: string): string | undefined {
  const match = TRAILING_MARKER.exec(output);
  return match ? output.slice(0, match.index) : undefined;
}

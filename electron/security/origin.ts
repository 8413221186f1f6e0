// Origins compared exactly: scheme, host and port, as the URL standard serialises them. A prefix
// test would let http://127.0.0.1:40001 pass for http://127.0.0.1:4000.

/** The URL's origin, or undefined for an unparsable URL or an opaque origin (data:, file:…). */
export function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** True only when `url` is on exactly `expectedOrigin`. */
export function isSameOrigin(url: string, expectedOrigin: string): boolean {
  const origin = originOf(url);
  return origin !== undefined && origin === originOf(expectedOrigin);
}

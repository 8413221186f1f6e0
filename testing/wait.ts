// The tests' one bounded wait: polls a check until it gives a truthy value, and fails naming what
// was awaited (and, where the caller says, what was seen instead).

export interface WaitOptions {
  /** How long before the wait fails (default 15 s: real sockets, adb and Chromium take real time). */
  timeoutMs?: number;
  /** How often the check runs (default 20 ms). */
  intervalMs?: number;
  /** What the failure adds after the name: the state last seen, the output so far. */
  detail?: () => string | Promise<string>;
  /** A reason to fail at once, checked each round: what was awaited can no longer come. */
  giveUpIf?: () => string | undefined;
}

/** What a check gives once it holds. */
export type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

/** Resolves with the first truthy value of `check`; fails with `what` once the time is up. */
export async function waitFor<T>(
  what: string,
  check: () => T | Promise<T>,
  options: WaitOptions | number = {},
): Promise<Truthy<T>> {
  const {
    timeoutMs = 15_000,
    intervalMs = 20,
    detail,
    giveUpIf,
  } = typeof options === 'number' ? { timeoutMs: options } : options;
  const deadline = Date.now() + timeoutMs;
  const said = async (): Promise<string> => (detail ? `: ${await detail()}` : '');
  for (;;) {
    const value = await check();
    if (value) return value as Truthy<T>;
    const reason = giveUpIf?.();
    if (reason !== undefined)
      throw new Error(`gave up waiting for ${what} (${reason})${await said()}`);
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${await said()}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
